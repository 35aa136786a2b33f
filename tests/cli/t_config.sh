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
