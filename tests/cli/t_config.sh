# The configuration file ($XDG_CONFIG_HOME/digikomp/config.ini) and its
# precedence: option > environment > file > default; `config show`; a bad
# file is "FILE:LINE: what" with exit 3 and nothing done.
. "$TOP/tests/cli/lib.sh"
cd "$T"
export XDG_CONFIG_HOME="$T/xdg"
cfg="$XDG_CONFIG_HOME/digikomp/config.ini"
unset DIGIKOMP_DB

# no file: the built-in defaults
run dk config show --format csv; expect_rc 0
expect_out "db,digikomp.db,default"; expect_out "lang,en,default"
expect_out "min-group,5,default"; expect_out "round,(the open round),default"
run dk config show; expect_rc 0; expect_out "Configuration file: $cfg (none)"

# a store with two rounds, 2025 closed and 2026 open
dk init --db k.db --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
dk import roster --db k.db "$TOP/examples/roster.csv" >/dev/null
dk round open --db k.db 2025 --title A --framework kommun-digcomp-12 >/dev/null
dk import ratings --db k.db "$TOP/examples/ratings-2025.csv" --round 2025 >/dev/null
dk round close --db k.db 2025 >/dev/null
dk round open --db k.db 2026 --title B --framework kommun-digcomp-12 >/dev/null

mkdir -p "$XDG_CONFIG_HOME/digikomp"
printf '# HR laptop\n[digikomp]\ndb = k.db\nlang = sv\nmin-group = 7\nround = 2025\n' > "$cfg"
# the file says lang = sv, so the settings are shown in Swedish
run dk config show --format csv; expect_rc 0
expect_out "db,k.db,konfigurationsfilen $cfg"; expect_out "lang,sv,konfigurationsfilen $cfg"
expect_out "min-group,7,konfigurationsfilen $cfg"; expect_out "round,2025,konfigurationsfilen $cfg"

# the file's store, language, round and group size are used
run dk report needs; expect_rc 0
expect_out "Andel med behov, omgång 2025"; expect_out "färre än 7 personer"
# options win over the file
run dk report needs --round 2026 --lang en --min-group 6; expect_rc 0
expect_out "Share with needs, round 2026"; expect_out "fewer than 6 people"
# the environment wins over the file, the option over the environment
DIGIKOMP_DB=none.db run dk config show --format csv; expect_out "db,none.db,miljövariabeln DIGIKOMP_DB"
DIGIKOMP_DB=none.db run dk config show --db k.db --format csv; expect_out "db,k.db,flaggan --db"
DIGIKOMP_DB=none.db run dk round list; expect_rc 1; expect_err "ingen lagringsfil i none.db"
LANG=en_GB.UTF-8 run dk config show --format csv; expect_out "lang,en,environment LANG"
LANG=en_GB.UTF-8 run dk round list; expect_rc 0; expect_out "Rounds"
# a locale that names no language (C) leaves the language to the file
LANG=C.UTF-8 run dk round list; expect_rc 0; expect_out "Omgångar"

# a bad file: file:line, exit 3, and the command does nothing
printf '[digikomp]\ndb = k.db\nmin-group = 2\n' > "$cfg"
run dk round close 2026; expect_rc 3
expect_err "digikomp: cannot read the configuration file: $cfg:3: min-group must be a whole number of at least 3, not '2'"
printf '[digikomp]\ndb = k.db\n' > "$cfg"
run dk round list --format csv; expect_rc 0; expect_out "2026,B,kommun-digcomp-12@2025.1,open"
printf '[digikomp]\ndb = k.db\nlanguage = sv\n' > "$cfg"
run dk config show; expect_rc 3; expect_err "$cfg:3: unknown setting 'language'"
printf 'db = k.db\n' > "$cfg"
run dk round list; expect_rc 3; expect_err "$cfg:1: not a [group], a key = value or a # comment"

# a UTF-8 BOM (Notepad writes one) is read like any file
printf '\357\273\277[digikomp]\nlang = sv\n' > "$cfg"
run dk config show --format csv; expect_rc 0; expect_out "lang,sv,konfigurationsfilen $cfg"
# a group or a key given twice is an error with both lines, and nothing is done
printf '[digikomp]\ndb = a.db\nlang = sv\n\n[digikomp]\ndb = b.db\n' > "$cfg"
run dk round list --db k.db; expect_rc 3
expect_err "$cfg:5: group [digikomp] appears twice (first on line 1)"
expect_err "$cfg:6: db appears twice in [digikomp] (first on line 2)"
expect_no_err "lang appears"
# a FIFO (or a directory) as config.ini is refused at once, not waited on
rm "$cfg"; mkfifo "$cfg"
rc=0; timeout 10 "$DIGIKOMP" round list --db k.db >"$T/out" 2>"$T/err" || rc=$?
expect_rc 3; expect_err "$cfg: not a regular file"
rm "$cfg"; mkdir "$cfg"
run dk round list --db k.db; expect_rc 3; expect_err "$cfg: not a regular file"
rmdir "$cfg"
# a store named by an empty DIGIKOMP_DB or --db, or by a directory: said so, no
# store is made in the current directory
rm -f digikomp.db
run env DIGIKOMP_DB= "$DIGIKOMP" init --framework "$TOP/tests/data/framework/small.xml"; expect_rc 2
expect_err "DIGIKOMP_DB is set but empty; set it to the store's file, or unset it"
run dk round list --db ""; expect_rc 2; expect_err "--db needs the store's file, not an empty name"
[ ! -e digikomp.db ] || fail "an empty DIGIKOMP_DB made a store in the current directory"
mkdir -p storedir
run env DIGIKOMP_DB="$T/storedir/" "$DIGIKOMP" round list; expect_rc 1
expect_err "$T/storedir/ is a directory; name the store's file, like $T/storedir/digikomp.db"
