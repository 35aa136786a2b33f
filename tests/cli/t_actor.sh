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

# When is the context's clock too: DIGIKOMP_NOW dates the audit row and a
# manager's reason, not the system clock.
export TZ=UTC
DIGIKOMP_NOW=2030-01-02T03:04:05Z DIGIKOMP_USER=alice run dk rate --self P3 1.1 2; expect_rc 0
DIGIKOMP_NOW=2030-01-02T03:04:05Z run dk audit P3; expect_rc 0
grep -q "^2030-01-02T03:04:05  alice  rating .*self 1.1" "$T/out" || fail "audit P3 does not date the rating 2030-01-02T03:04:05: $(cat "$T/out")"
DIGIKOMP_NOW=2031-05-06T07:08:09Z run dk rate --manager P2 1.1 2 --reason "Stämmer" --by P1; expect_rc 0
at=$(sqlite3 "$DIGIKOMP_DB" "SELECT adjusted_at FROM rating_note WHERE competence = '1.1' AND adjusted_by = 'P1'")
[ "$at" = 2031-05-06T07:08:09 ] || fail "the adjustment's reason is dated $at, not the context's 2031-05-06T07:08:09"
