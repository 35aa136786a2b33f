# The yearly cycle on a small organisation: set-up, import, the conversation
# rules and privacy, reports, audit, export and erase.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
D="$TOP/tests/data/import"
state() { dk round list --format csv; dk report response --round r1 --format csv --min-group 3; dk audit P2 --format csv; }

run dk round list;  expect_rc 1; expect_err "create one with: digikomp init"
run dk init --framework "$TOP/tests/data/framework/small.xml"; expect_rc 0
[ "$(stat -c %a "$T/store.db")" = 600 ] || fail "the store is not mode 0600"
run dk import roster "$D/roster.csv"; expect_rc 0; expect_out "3 added"
run dk rate --self P2 1.1 3; expect_rc 1; expect_err "no open round; open one with: digikomp round open"
run dk round open r1 --title "Round 1" --framework small; expect_rc 0; expect_out "3 people registered"
run dk import ratings "$D/ratings.csv" --round r1; expect_rc 0; expect_out "3 added"

# a bad file: every error with its line, exit 3, nothing changed
state > "$T/before"
run dk import ratings "$D/ratings-unknown-person.csv" --round r1
expect_rc 3; expect_err "ratings-unknown-person.csv:3: unknown person 'P9'"
run dk import roster "$D/roster-unknown-manager.csv"
expect_rc 3; expect_err "roster-unknown-manager.csv:2: manager P77 is neither in the file nor in the store"
state > "$T/after"
cmp -s "$T/before" "$T/after" || fail "a refused import changed the store"

# privacy: P3 has not shared; the manager sees nothing of it and cannot adjust
run dk conversation P3 --round r1
expect_rc 0; expect_out "not shared yet"
grep -Eq '^1 +1\.1 +Protect devices +3 +$' "$T/out" || fail "an unshared self level is shown to the manager"
run dk rate --manager P3 1.1 3 --reason "Samtal" --by P1
expect_rc 1; expect_err "P3 has not shared the self-rating yet"
# only the person's own manager (or HR) may adjust
run dk rate --manager P2 1.1 3 --reason "Samtal" --by P3
expect_rc 1; expect_err "P3 is not P2's manager"
run dk rate --manager P2 1.1 4 --by P1
expect_rc 2; expect_err "needs a reason"
run dk rate --manager P2 1.1 4 --reason "Visade i samtalet" --by P1
expect_rc 0
run dk rate --manager P2 1.1 4 --reason "HR:s beslut" --by hr:Karin
expect_rc 0

# the interactive self-rating, answered through a pipe, then shared
printf '4\n\n2\n\ny\n' | dk assess P3 --round r1 > "$T/out" 2>&1 || fail "assess failed"
expect_out "Protect devices"
expect_out "Shared with your manager."
# the round opened today (the system clock), so the conversation is held today
run dk conversation P3 --round r1 --held "$(date +%F)"; expect_rc 0
run dk conversation P3 --round r1 --held 20260220; expect_rc 3; expect_err "write it as YYYY-MM-DD"
run dk conversation P3 --round r1 --format csv
expect_out "1,1.1,Protect devices,3,4,,4,-1,2,,,"

run dk audit P2
expect_rc 0; expect_out "manager 1.1"; expect_out "hr:Karin"; expect_out "Visade i samtalet"

# team view and reports
run dk team P1 --round r1; expect_rc 0; expect_out "P2"; expect_out "P3"
run dk report needs --round r1 --min-group 3 --format json
expect_rc 0; expect_out '"share_with_needs"'
run dk report needs --round r1 --min-group 2; expect_rc 2; expect_err "at least 3"
# XLSX comes from the exporters' module beside the program; without it, a clear error
run dk report needs --round r1 --min-group 3 --format xlsx --output "$T/needs.xlsx"; expect_rc 0
head -c 2 "$T/needs.xlsx" | grep -q PK || fail "not an XLSX file"
# (under check-valgrind $DIGIKOMP is a wrapper script; DK_PROGRAM names the program)
cp "${DK_PROGRAM:-$DIGIKOMP}" "$T/alone"
run "$T/alone" report needs --round r1 --min-group 3 --format xlsx --output "$T/none.xlsx"
expect_rc 1; expect_err "cannot load the exporters' module"
[ ! -e "$T/none.xlsx" ] || fail "a failed export left a file"
# the XML readers' module likewise: the store's frameworks are compiled, so
# the conversation view runs without it, and reading XML says what is missing
run "$T/alone" conversation P3 --round r1; expect_rc 0; expect_out "P3"
run "$T/alone" framework validate "$TOP/frameworks/kommun-digcomp-12.xml"
expect_rc 1; expect_err "cannot open "; expect_err "digikomp-xml.so"
run dk report needs --by unit,role,area; expect_rc 2

# a closed round refuses changes
run dk round close r1; expect_rc 0
run dk rate --self P2 1.2 3 --round r1; expect_rc 1; expect_err "round r1 is closed"

# the person's own data, and erasure
run dk person export P2 --output "$T/p2.json"; expect_rc 0
grep -q '"reason" : "HR:s beslut"' "$T/p2.json" || fail "the export lacks the manager's reason"
run dk person erase P2; expect_rc 2; expect_out "Would erase P2"
dk report summary --round r1 --min-group 3 --format csv > "$T/figures-before"
run dk person erase P2 --confirm; expect_rc 0; expect_out "Erased P2"
run dk audit P2; expect_rc 3; expect_err "no such person: 'P2'"
dk report summary --round r1 --min-group 3 --format csv > "$T/figures-after"
cmp -s "$T/figures-before" "$T/figures-after" || fail "closed-round figures changed after erasure"
grep -q "^Response rate,50.0" "$T/figures-after" || fail "response rate is not 3 of 6 pairs (area 2 apart)"
if dk person export P1 | grep -q "Erik"; then fail "the erased person's name is still in the store"; fi
