# Errors say what to do next where that is known, and change nothing.
. "$TOP/tests/cli/lib.sh"
cd "$T"
export DIGIKOMP_DB="$T/k.db"

run dk round list; expect_rc 1
expect_err "no store at $T/k.db; create one with: digikomp init --db $T/k.db --framework FILE"
[ ! -e k.db ] || fail "a failed command created the store"

dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
run dk conversation K10040; expect_rc 1
expect_err "no open round; open one with: digikomp round open ID --title TITLE --framework ID"
run dk round open 2026 --title T --framework kommun-digcomp-12; expect_rc 0

run dk rate --self K10040 1.1 3; expect_rc 3
expect_err "no such person: 'K10040'; if the roster is not imported yet, import it with: digikomp import roster FILE.csv"
run dk report needs --round 2024; expect_rc 3
expect_err "no such round: '2024'; see the rounds with: digikomp round list"

dk import roster "$TOP/examples/roster.csv" >/dev/null
run dk report needs --unit Kulturförvaltningen/Nowhere; expect_rc 3
expect_err "no such unit: 'Kulturförvaltningen/Nowhere'; see the units with: digikomp report response --by unit"
run dk plan show K10040; expect_rc 1
expect_err "K10040 has no plan in round 2026 yet; create one with: digikomp plan create K10040 --round 2026"

dk rate --self K10040 1.1 3
dk assess K10040 --share >/dev/null   # shared: the audit shows its levels
dk round close 2026 >/dev/null
run dk rate --self K10040 1.1 4 --round 2026; expect_rc 1
expect_err "round 2026 is closed; ratings can no longer change; see the open round with: digikomp round list"
# the refused change is not in the audit log: the level is still 3
run dk audit K10040 --format csv; expect_rc 0
expect_out "rating,2026,self 1.1,,3"; expect_no_out ",3,4"

# the hints are the command line's: core's messages, which the web pages
# show too, name no command (core/hint.h carries the step as data)
commands=$(grep -rn -e '_("[^"]*: digikomp [a-z]' -e '^ *"[^"]*: digikomp [a-z]' "$TOP/core" "$TOP/importers" \
             "$TOP/exporters" "$TOP/xml" || true)
[ -z "$commands" ] || fail "core's messages name commands:
$commands"
