# Every option works or is refused as bad usage (exit 2); an id on the command line that
# names nothing exits 3 with "no such …: 'X'".  Refusals change nothing.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
D="$TOP/tests/data"
small_store
dk catalogue import "$D/plan/catalogue.csv" >/dev/null
dk rate --self P1 1.1 2 --round r1 >/dev/null
dk plan create P1 --round r1 --from-suggestions >/dev/null
dk plan add P1 --round r1 --competence 1.2 --wish "Arkivering" >/dev/null
dk round open r2 --title R2 --framework small >/dev/null

# --unit limits coverage and goals; an unknown unit is refused.  P1 alone is
# a group of one: the organisation's counts show "–" (not 0) and its one wish
# is left out with a note; the unit without P1 shows 0 and no such note.
run dk report coverage --round r1 --format csv; expect_rc 0; expect_out "1.1,"; expect_no_out "Arkivering"
grep -q '^1\.1,[^,]*,–,–' "$T/out" || fail "the organisation's coverage lacks P1's need, suppressed"
run dk report coverage --round r1; expect_out "Wishes that fewer than 5 plans name are left out."
run dk report coverage --round r1 --unit Org/Avd/Enhet --format csv; expect_rc 0
grep -q '^1\.1,[^,]*,0,0' "$T/out" || fail "coverage --unit counted people outside the unit"
run dk report coverage --round r1 --unit Org/Avd/Enhet; expect_out "Catalogue coverage, round r1, Org/Avd/Enhet"
expect_no_out "left out"
run dk report goals --round r1 --unit Org/Avd --format csv; expect_rc 0; expect_out "1.1,–,–,–"
run dk report goals --round r1 --unit Org/Avd/Enhet --format csv; expect_rc 0; expect_no_out "1.1,"
for kind in coverage goals needs; do
  run dk report $kind --round r1 --unit NOSUCH; expect_rc 3; expect_err "no such unit: 'NOSUCH'"
done

# options a report would ignore are refused
run dk report summary --round r1 --panel; expect_rc 2; expect_err "report summary does not take --panel"
run dk report needs --round r1 --panel; expect_rc 2; expect_err "--panel compares two rounds: it needs --compare ROUND"
run dk report coverage --round r1 --compare r1; expect_rc 2; expect_err "report coverage does not take --compare"
run dk report participation --unit Org; expect_rc 2; expect_err "report participation does not take --unit"
run dk report needs --round r1 --from 2026-01-01; expect_rc 2; expect_err "report needs does not take --from"
run dk report needs --round r1 --depth x; expect_rc 2; expect_err "--depth takes a whole number"
run dk report participation --target-participants -5; expect_rc 2; expect_err "--target-participants takes a whole number"
run dk report participation --target-hours-avg 1e308; expect_rc 2; expect_err "hours '1e308' is not a number"
# a comparison is with an earlier round
run dk report needs --round r1 --compare r1; expect_rc 2; expect_err "--compare names round r1 itself"
run dk report needs --round r1 --compare r2; expect_rc 2; expect_err "--compare r2 names a later round than r1"
run dk report needs --round r2 --compare r1; expect_rc 0
run dk report needs --round r2 --compare r1 --panel; expect_rc 0; expect_out "panel"
# -k 0 is not the default: it is refused
run dk report needs --round r1 -k 0; expect_rc 2; expect_err "--min-group must be at least 3"
for kind in coverage goals participation; do
  run dk report $kind -k 2; expect_rc 2; expect_err "--min-group must be at least 3"
done
run dk report needs --round r1 -k 3; expect_rc 0

# plan suggest --all writes plans, not a file
run dk plan suggest --all --round r1 --format csv --output "$T/s.csv"; expect_rc 2
expect_err "plan suggest --all writes the suggested plans into the store"
[ ! -e "$T/s.csv" ] || fail "a refused command wrote a file"
run dk plan suggest P1 --round r1 --unit Org; expect_rc 2; expect_err "--unit goes with --all"
run dk plan suggest --all --round r1 --unit NOSUCH; expect_rc 3; expect_err "no such unit: 'NOSUCH'"

# a team is a manager's
run dk team P2 --round r1; expect_rc 3; expect_err "no such manager: 'P2' (Erik Lind manages nobody"
run dk team P1 --round r1; expect_rc 0; expect_out "P2"

# ids that name nothing: exit 3, "no such …: 'X'"
run dk rate --self NOBODY 1.1 2 --round r1; expect_rc 3; expect_err "no such person: 'NOBODY'"
run dk audit NOBODY; expect_rc 3; expect_err "no such person: 'NOBODY'"
run dk conversation NOBODY --round r1; expect_rc 3; expect_err "no such person: 'NOBODY'"
run dk report needs --round r9; expect_rc 3; expect_err "no such round: 'r9'"
run dk rate --self P1 9.9 2 --round r1; expect_rc 3; expect_err "no such competence: '9.9'"
run dk plan add P1 --round r1 --competence 9.9 --wish x; expect_rc 3; expect_err "no such competence: '9.9'"
run dk catalogue show nope; expect_rc 3; expect_err "no such activity: 'nope'"
run dk attend P1 nope --date 2026-03-01 --hours 1; expect_rc 3; expect_err "no such activity: 'nope'"
run dk plan export --unit Org/Nowhere --round r1 --output "$T/x/"; expect_rc 3; expect_err "no such unit: 'Org/Nowhere'"

# every command's --help begins with its usage as it is typed: "digikomp round open
# [OPTION…] ID", not "open [OPTION…] round open ID"
for cmd in "round open" "round list" "import roster" "report" "plan suggest" "plan export" "person erase" \
           "catalogue import" "assess" "attend" "config show" "init" "framework show"; do
  run dk $cmd --help; expect_rc 0
  usage=$(sed -n 2p "$T/out")
  case "$usage" in
    "  digikomp $cmd [OPTION…]"*) ;;
    *) fail "'$cmd --help' shows the usage '$usage'" ;;
  esac
done
