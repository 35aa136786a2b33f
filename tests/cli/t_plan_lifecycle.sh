# The plan's lifecycle: draft → agreed → followed-up, and `plan reopen` back to a draft;
# a step the state does not allow is refused, says what to do and changes nothing;
# every follow-up is kept; items are numbered within their plan; HR's suggested plan
# gives way to `plan create`; migration 7 keeps the one follow-up a plan had.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
D="$TOP/tests/data"
small_store
dk catalogue import "$D/plan/catalogue.csv" >/dev/null
dk rate --self P1 1.1 2 --round r1 >/dev/null
rows() { sqlite3 "$DIGIKOMP_DB" "SELECT * FROM plan; SELECT * FROM plan_item; SELECT count(*) FROM audit"; }

# HR's suggested plans, then the manager makes the person's own plan from suggestions
run dk plan suggest --all --round r1; expect_rc 0; expect_out "written for 1 people"
run dk plan show P1 --round r1; expect_rc 0; expect_out "(suggested)"
run dk plan create P1 --round r1 --from-suggestions; expect_rc 0; expect_out "(draft)"; expect_out "mgr"
[ "$(sqlite3 "$DIGIKOMP_DB" 'SELECT count(*) FROM plan')" = 1 ] || fail "the suggested plan was not replaced"
run dk plan create P1 --round r1; expect_rc 1; expect_err "has a plan in round r1 already"

# items are numbered 1, 2 … within the plan, whatever other plans hold
dk plan create P2 --round r1 >/dev/null
dk plan add P2 --round r1 --competence 1.2 --wish "Excel" >/dev/null
dk plan add P1 --round r1 --competence 1.2 --wish "Arkivering" >/dev/null
run dk plan show P1 --round r1 --format csv; expect_rc 0
expect_out "1,1.1,4,mgr"; expect_out "2,1.2,,wish: Arkivering"
run dk plan export P1 --round r1 --format json; expect_out '"item" : 2,'; expect_no_out '"item" : 3'
run dk plan cancel P1 2 --round r1; expect_rc 0
run dk plan show P1 --round r1 --format csv; expect_out "2,1.2,,wish: Arkivering,,,cancelled"
run dk plan show P2 --round r1 --format csv; expect_out "1,1.2,,wish: Excel,,,planned"
run dk plan cancel P1 3 --round r1; expect_rc 1; expect_err "the plan has no item 3"

# no agreeing an empty plan; no follow-up of a draft
dk plan create P3 --round r1 >/dev/null
rows > "$T/before"
run dk plan agree P3 --round r1 --by P1; expect_rc 1
expect_err "P3's plan has no items; add one before agreeing it: digikomp plan add P3"
run dk plan follow-up P1 --round r1 --on 2026-06-01 --notes x; expect_rc 1
expect_err "P1's plan is not agreed yet; a plan is followed up after: digikomp plan agree P1 --by MANAGER"
run dk plan reopen P1 --round r1 --by hr:Karin; expect_rc 1; expect_err "P1's plan is a draft already"
rows > "$T/after"; cmp -s "$T/before" "$T/after" || fail "a refused step changed the store"

# agreed: no items without reopening, no second agreement
dk plan agree P1 --round r1 --by hr:Karin >/dev/null
rows > "$T/before"
run dk plan add P1 --round r1 --competence 1.2 --activity long; expect_rc 1
expect_err "P1's plan is agreed; reopen it to change its items: digikomp plan reopen P1 --by MANAGER"
run dk plan agree P1 --round r1 --by hr:Karin; expect_rc 1; expect_err "P1's plan is agreed already (agreed on "
run dk plan reopen P1 --round r1 --by P3; expect_rc 1; expect_err "P3 is not P1's manager"
rows > "$T/after"; cmp -s "$T/before" "$T/after" || fail "a refused step changed the store"

# every follow-up is kept, with who recorded it
DIGIKOMP_USER=chef run dk plan follow-up P1 --round r1 --on 2026-05-01 --notes "Halvvägs"; expect_rc 0
run dk plan follow-up P1 --round r1 --on 2026-09-01 --notes "Klar"; expect_rc 0
run dk plan show P1 --round r1; expect_out "(followed up)"
expect_out "Followed up on 2026-05-01: Halvvägs"; expect_out "Followed up on 2026-09-01: Klar"
run dk plan export P1 --round r1 --format json
expect_out '"state" : "followed-up"'; expect_out '"recorded_by" : "chef"'; expect_out '"notes" : "Halvvägs"'
run dk plan export P1 --round r1 --format md; expect_out "Follow-up: 2026-05-01 — Halvvägs"; expect_out "Follow-up: 2026-09-01 — Klar"
run dk plan show P1 --round r1 --lang sv; expect_out "(uppföljd)"

# reopening: a draft again (audited), the follow-ups kept, items can be added, agreed again
run dk plan reopen P1 --round r1 --by hr:Karin; expect_rc 0; expect_out "P1's plan is a draft again"
run dk plan show P1 --round r1; expect_out "(draft)"; expect_no_out "Agreed on"; expect_out "Halvvägs"
run dk audit P1; expect_out "reopened"; expect_out "followed-up"
run dk plan add P1 --round r1 --competence 1.2 --activity long; expect_rc 0
run dk plan agree P1 --round r1 --by hr:Karin; expect_rc 0

# migration 7: a store of schema 6 with one follow-up keeps it, recorded by its audit's actor,
# and an agreed plan with a follow-up becomes followed-up
rm -f "$T/old.db"; sqlite3 "$T/old.db" < "$D/plan/store-v6.sql"
run dk plan show P1 --round r1 --db "$T/old.db"; expect_rc 0
expect_out "(followed up)"; expect_out "Followed up on 2027-06-01: Klar med kursen"
[ "$(sqlite3 "$T/old.db" 'PRAGMA user_version')" -ge 7 ] || fail "the store was not migrated"
[ -z "$(sqlite3 "$T/old.db" 'PRAGMA foreign_key_check')" ] || fail "migration 7 broke a reference"
[ "$(sqlite3 "$T/old.db" "SELECT held_on || '|' || notes || '|' || recorded_by FROM plan_follow_up")" = "2027-06-01|Klar med kursen|root" ] \
  || fail "migration 7 lost the follow-up or who recorded it"
if sqlite3 "$T/old.db" "UPDATE plan SET state = 'bogus'" 2>/dev/null; then fail "the state constraint is gone"; fi
