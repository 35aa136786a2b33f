# The planner and plans: ranked suggestions with reasons, the skip rule,
# completed activities, plans through agreement, exports, coverage.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
D="$TOP/tests/data"
small_store

run dk catalogue import "$D/plan/catalogue-bad.csv"
expect_rc 3
expect_err "catalogue-bad.csv:2: kind 'party' is not one of"
expect_err "catalogue-bad.csv:3: hours 'x' is not a number from 0 to 1000"
expect_err "catalogue-bad.csv:4: competence 9.9 is in no registered framework"
expect_err "catalogue-bad.csv:5: '1.1:3..2': the levels must be FROM..TO"
expect_err "catalogue-bad.csv:6: activity a1 appears twice (first on line 2)"
run dk catalogue list; expect_rc 0; expect_no_out "a1"

run dk catalogue import "$D/plan/catalogue.csv"; expect_rc 0; expect_out "5 added"
run dk catalogue list --theme sakerhet; expect_out "short"; expect_out "long"; expect_no_out "step"
run dk catalogue show long; expect_rc 0; expect_out "Läs lathunden."

# P2's manager adjusted 1.1 to 3 (= expected): no need, so no activity (the skip rule);
# with the self level of 2 alone it would have been one.  P2 has no other need.
run dk plan suggest P2 --round r1 --format csv
expect_rc 0; expect_no_out "short"
# P1 (manager): 2.1 is at 3 = expected; 1.1 and 1.2 not answered: no need at all
run dk plan suggest P1 --round r1 --format csv; expect_no_out ",short,"

# a need: P1 rates 1.1 at 2 (expected 4 for managers)
dk rate --self P1 1.1 2 --round r1 >/dev/null
run dk plan suggest P1 --round r1 --format csv
expect_rc 0
# ranked: reaching the target (mgr: 2..4) first, then covering more needs, then shorter;
# the past-only course is not offered
grep -n ',mgr,' "$T/out" | grep -q '^2:' || fail "the course that reaches the target is not first"
expect_out "develops 1.1 from 2 to 4; on-site; 3 h"
expect_out "develops 1.1 from 2 to 3; digital; 1 h; a step towards 4"
expect_no_out "past"
expect_no_out ",step,"   # 1.1:1..2 does not fit a level of 2

run dk plan create P1 --round r1 --from-suggestions; expect_rc 0; expect_out "mgr"
run dk plan create P1 --round r1; expect_rc 1; expect_err "has a plan in round r1 already"
run dk plan add P1 --round r1 --competence 1.2 --wish "Kurs i arkivering" --due 2027-02-01; expect_rc 0
run dk plan add P1 --round r1 --competence 1.2 --activity nope; expect_rc 3; expect_err "no such activity: 'nope'"
run dk plan add P1 --round r1 --competence 1.2 --wish x --due 1/2; expect_rc 3; expect_err "is not a date"
run dk plan agree P1 --round r1 --by P2; expect_rc 1; expect_err "P2 is not P1's manager"
run dk plan agree P1 --round r1 --by hr:Karin; expect_rc 0
run dk attend P1 mgr --date 2027-03-02 --hours 3; expect_rc 0
run dk plan show P1 --round r1 --format csv
expect_out "1.1,4,mgr,Managers' course,,done"
expect_out "wish: Kurs i arkivering,,2027-02-01,planned"
# in Swedish the statuses are Swedish too; JSON keeps the stored word
run dk plan show P1 --round r1 --lang sv; expect_out "planerad"; expect_out "klar"; expect_no_out "planned"
run dk plan show P1 --round r1 --lang sv --format json; expect_out '"planned"'
run dk plan follow-up P1 --round r1 --on 2027-06-01 --notes "Klar med kursen"; expect_rc 0
run dk plan cancel P1 2 --round r1; expect_rc 0
run dk audit P1; expect_out "agreed"; expect_out "item 2"

# completed activities are not suggested again
run dk plan suggest P1 --round r1 --format csv; expect_no_out ",mgr,"

# exports
run dk plan export P1 --round r1 --format md; expect_rc 0; expect_out "# Development plan: Anna Berg"; expect_out "Klar med kursen"
run dk plan export P1 --round r1 --format html --output "$T/plan.html"; expect_rc 0
grep -q "<svg" "$T/plan.html" || fail "no radar chart in the HTML plan"
# the HTML plan says as much as the Markdown one: the wish, its due date, agreement, follow-up
# (read as text: names and notes are isolated in <bdi>)
sed 's/<[^>]*>//g' "$T/plan.html" > "$T/plan-text"
for text in "Kurs i arkivering (wished for) — cancelled, due 2027-02-01" "Agreed on " "Followed up on 2027-06-01: Klar med kursen"; do
  grep -qF "$text" "$T/plan-text" || fail "the HTML plan lacks: $text"
done
run dk plan export P1 --round r1 --format json; expect_rc 0; expect_out '"state" : "followed-up"'
# a person reads the state and statuses in their language; JSON keeps the stored words
run dk plan export P1 --round r1 --format md --lang sv; expect_rc 0
expect_out "Läge: uppföljd"; expect_no_out "State: followed"
run dk plan export P1 --round r1 --format pdf; expect_rc 2; expect_err "needs --output"
run dk plan export P1 --round r1 --format pdf --output "$T/plan.pdf"; expect_rc 0
head -c 5 "$T/plan.pdf" | grep -q '%PDF-' || fail "not a PDF"
if command -v pdftotext >/dev/null; then pdftotext "$T/plan.pdf" - | grep -q "Anna Berg" || fail "the PDF lacks the name"; fi
dk plan reopen P1 --round r1 --by hr:Karin >/dev/null
dk plan add P1 --round r1 --competence 1.2 --activity long >/dev/null
run dk plan export P1 --round r1 --format ics; expect_rc 0
expect_out "BEGIN:VCALENDAR"; expect_out "DTSTART:20270301T090000"; expect_out "LOCATION:Stadshuset"; expect_out "DESCRIPTION:Läs lathunden."
# every property RFC 5545 requires, read by an independent parser (python3-icalendar);
# DTSTAMP is the time by the context's clock, in UTC
DIGIKOMP_NOW=2027-02-10T08:30:00Z dk plan export P1 --round r1 --format ics --output "$T/plan.ics" || fail "ics export"
ics_python=python3
python3 -c 'import icalendar' 2>/dev/null || ics_python=/usr/bin/python3
"$ics_python" "$TOP/tests/tools/ics-check.py" "$T/plan.ics" > "$T/out" 2>"$T/err" || fail "the calendar is not valid"
expect_out "@digikomp 20270210T083000Z"

# reports on learning: one person's goal and participation are a group of one ("–"),
# the targets still shown
run dk report goals --round r1 --format csv; expect_rc 0; expect_out "1.1,–,–,–"
run dk report coverage --round r1 --format csv; expect_rc 0; expect_out "wish"
run dk report participation --from 2027-01-01 --to 2027-12-31 --target-participants 10 --target-hours-avg 18 --format csv
expect_rc 0; expect_out "Participants,–,10"; expect_out "Hours per participant,–,18.0"; expect_no_out "3.0,"
run dk plan suggest --all --round r1; expect_rc 0; expect_out "Suggested plans written for"

# schema version 6 rebuilds the tables of people, plans and participation (their
# constraints without IN lists, which cost a temporary index at every insert): every row
# is kept, every reference holds, and the constraints still refuse a bad value.  A store
# of schema 6 (tests/data/plan/store-v6.sql) says it is 5, so that 6 and what follows run.
old="$T/v5.db"
sqlite3 "$old" < "$D/plan/store-v6.sql"
# (the reasons aside: migration 10 reads them back into codes, tests/cli/t_plan_lang.sh)
dump() { sqlite3 "$1" "SELECT * FROM person ORDER BY id; SELECT id, plan_id, competence, target, activity_id,
  wish, due, status FROM plan_item ORDER BY id; SELECT * FROM participation ORDER BY id"; }
dump "$old" > "$T/rows-before"
sqlite3 "$old" "PRAGMA user_version = 5"
run dk plan show P1 --round r1 --db "$old"; expect_rc 0; expect_out "Kurs i arkivering"
dump "$old" > "$T/rows-after"
cmp -s "$T/rows-before" "$T/rows-after" || fail "migration 6 changed the rows"
expect_out "develops 1.1 from 2 to 4; on-site; 3 h"
[ "$(sqlite3 "$old" 'PRAGMA user_version')" -gt 6 ] || fail "the store was not migrated"
[ -z "$(sqlite3 "$old" 'PRAGMA foreign_key_check')" ] || fail "migration 6 broke a reference"
if sqlite3 "$old" "UPDATE plan_item SET status = 'bogus'" 2>/dev/null; then fail "the status constraint is gone"; fi
if sqlite3 "$old" "UPDATE person SET gender = 'Q'" 2>/dev/null; then fail "the gender constraint is gone"; fi

# the person's own data includes plans and participation
run dk person export P1; expect_rc 0
expect_out '"wish" : "Kurs i arkivering"'; expect_out '"activity" : "mgr"'; expect_out '"status" : "completed"'
run dk person erase P1 --confirm; expect_rc 0
run dk report goals --round r1 --format csv; expect_no_out "1.1,1,1,1"
