# Who acts is what the command line's context names: --by for a manager's
# adjustment, else $DIGIKOMP_USER, else the login name; each audit row
# names that actor.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
small_store
last_actor() { sqlite3 "$DIGIKOMP_DB" "SELECT actor FROM audit ORDER BY id DESC LIMIT 1"; }
DIGIKOMP_USER=alice run dk rate --self P2 1.1 2;  expect_rc 0
[ "$(last_actor)" = alice ] || fail "DIGIKOMP_USER=alice: audited as $(last_actor)"
DIGIKOMP_USER=alice run dk rate --manager P2 1.1 1 --reason "Lägre" --by P1; expect_rc 0
[ "$(last_actor)" = P1 ] || fail "--by P1: audited as $(last_actor)"
unset DIGIKOMP_USER
run dk rate --motivation P2 1.1 3;  expect_rc 0
[ "$(last_actor)" = "$(id -un)" ] || fail "no DIGIKOMP_USER: audited as $(last_actor), not the login name"
