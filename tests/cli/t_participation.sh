# Participation: the import (all or nothing, every bad row named, plan items
# marked done), the participation report against a hand-checked fixture,
# the plans of a unit exported one file per person, and the example
# catalogue in its XML and CSV forms.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
D="$TOP/tests/data"
P="$D/participation"
dk init --framework "$D/framework/small.xml" >/dev/null
dk import roster "$P/roster.csv" >/dev/null
dk catalogue import "$D/catalogue/good.xml" >/dev/null
dk round open r1 --title R1 --framework small >/dev/null
dk plan create Q1 --round r1 >/dev/null
dk plan add Q1 --round r1 --competence 1.1 --activity phishing >/dev/null
dk plan create Q3 --round r1 >/dev/null
dump() { sqlite3 "$DIGIKOMP_DB" .dump; }

# every bad row, with its line; nothing written
dump >"$T/before"
run dk import participation "$P/bad.csv"
expect_rc 3
expect_err "bad.csv:3: no person Z9"
expect_err "bad.csv:4: no activity nope in the catalogue"
expect_err "bad.csv:5: date '1/2/2027' is not a date YYYY-MM-DD"
expect_err "bad.csv:6: hours 'lots' is not a number from 0 to 1000"
expect_err "bad.csv:7: status 'done' is not registered, attended, completed or no-show"
expect_err "bad.csv:8: Q1 in phishing on 2027-02-01 appears twice (first on line 2)"
expect_no_err "bad.csv:2:"
dump | cmp -s - "$T/before" || fail "a refused import changed the store"
run dk import participation "$T/missing.csv"; expect_rc 1
run dk import participation; expect_rc 2

# a clean file: summary, Q1's plan item done, audited; again: nothing changes
run dk import participation "$P/participation.csv"
expect_rc 0; expect_out "Participation: 10 rows; 10 added, 0 updated, 0 unchanged"; expect_out "Plan items marked done: 1"
run dk plan show Q1 --round r1 --format csv; expect_out "1,1.1,,phishing,Phishing exercise,,done"
run dk audit Q1; expect_out "phishing 2027-02-01 completed"
dump >"$T/before"
run dk import participation "$P/participation.csv"; expect_rc 0; expect_out "0 added, 0 updated, 10 unchanged"
dump | cmp -s - "$T/before" || fail "importing the same file again changed the store"
# The participation report over 2027-01-01 – 2027-06-30, by hand from participation.csv:
#   counted (attended or completed, inside the period):
#     Q1 (F, Org/Bib/Filial)    phishing 1.5 + chefskurs 4 = 5.5 h
#     Q2 (F, Org/Bib)           phishing 1.5               = 1.5 h  (its 2026-12-15 row is before)
#     Q3 (M, Org/Museum)        chefskurs 4                = 4.0 h  (its 2027-07-15 row is after)
#     Q4 (X, Org/Museum/Arkiv)  chefskurs 4                = 4.0 h
#     Q5 (no gender, Org/Bib/Filial) phishing 2            = 2.0 h
#   not counted: Q6 no-show (and its Swedish row is in August), Q7 only registered.
#   participants 5: women 2 (Q1 Q2), men 1 (Q3), other or not given 2 (Q4 Q5)
#   hours 5.5 + 1.5 + 4 + 4 + 2 = 17.0; per participant 17.0 / 5 = 3.4
#   targets 4 participants and 3 h each: 4 × 3 = 12.0 h in total
#   per department: Org/Bib 3 people (Q1 Q2 Q5) 9.0 h; Org/Museum 2 (Q3 Q4) 8.0 h
#   per kind: Course (chefskurs) 3 people (Q1 Q3 Q4) 12.0 h; Workshop (phishing) 3 (Q1 Q2 Q5) 5.0 h
# Under the minimum group (k = 3 here) the genders (2, 1, 2) and Org/Museum (2) are
# "–", and so is Org/Bib (3): the total 5 minus Org/Bib would give Org/Museum.  The
# workshop's participants are Org/Bib's three, so it is "–" too: the total minus it
# would give Org/Museum as well.
Q="--from 2027-01-01 --to 2027-06-30 --target-participants 4 --target-hours-avg 3"
run dk report participation $Q -k 3
expect_rc 0
tr -s ' ' <"$T/out" >"$T/table"
for line in "Participants 5 4" "of whom women –" "of whom men –" "of whom other or not given –" \
            "Hours in total 17.0 12.0" "Hours per participant 3.4 3.0" "Org/Bib – –" "Org/Museum – –" \
            "Course 3 12.0" "Workshop – –"; do
  grep -q "^$line *\$" "$T/table" || fail "the table lacks the row: $line"
done
run dk report participation $Q -k 3 --format json
expect_rc 0
tr -d ' \n' <"$T/out" >"$T/json"
for row in '{"figure":"Participants","actual":"5","target":"4"}' \
           '{"figure":"ofwhomwomen","actual":null,"suppressed":["actual"]}' \
           '{"figure":"ofwhommen","actual":null,"suppressed":["actual"]}' \
           '{"figure":"ofwhomotherornotgiven","actual":null,"suppressed":["actual"]}' \
           '{"figure":"Hoursintotal","actual":"17.0","target":"12.0"}' \
           '{"figure":"Hoursperparticipant","actual":"3.4","target":"3.0"}' \
           '{"group":"Org/Museum","participants":null,"hours":null,"suppressed":["participants","hours"]}'; do
  grep -qF "$row" "$T/json" || fail "the JSON lacks: $row"
done
# at the default k = 5 the kinds (3 each) are hidden too, the total still shown
run dk report participation $Q
tr -s ' ' <"$T/out" >"$T/table"
for line in "Participants 5 4" "Course – –" "Workshop – –"; do
  grep -q "^$line *\$" "$T/table" || fail "the table lacks the row: $line"
done

# Every period a report may ask for (all of it, each calendar year and half-year) is
# protected together.  All the participation recorded and 2027 have the same five
# people as the half-year, but their hours minus the half-year's would be the hours
# of Q2 in December or Q3 in July, and all of it has Q2's December course besides:
# there those are hidden, the half-year's shown.
run dk report participation -k 3 --format csv
tr -d '\r' <"$T/out" >"$T/all.csv"
for line in "Participants,5," "Hours in total,–," "Course,–,–"; do
  grep -qx "$line" "$T/all.csv" || fail "all of it lacks the row: $line"
done
run dk report participation -k 3 --from 2027-01-01 --to 2027-12-31 --format csv
grep -q "^Hours in total,–," "$T/out" || fail "2027's hours beside the half-year's give Q3's July"
# Swedish headers, ';' and a decimal comma: Q6 in August, after the half-year.  Now
# 2027 (6 people) minus the half-year (5) would give Q6: the smaller, the half-year's
# participants, are hidden, and everything with them; 2027 shows its 6.
run dk import participation "$P/deltagande-sv.csv"; expect_rc 0; expect_out "1 added"
run dk report participation $Q -k 3
tr -s ' ' <"$T/out" >"$T/table"
for line in "Participants – 4" "Hours in total – 12.0" "Org/Bib – –" "Course – –"; do
  grep -q "^$line *\$" "$T/table" || fail "the half-year lacks the row: $line"
done
for period in "" "--from 2027-01-01 --to 2027-12-31"; do
  run dk report participation $period -k 3
  tr -s ' ' <"$T/out" >"$T/table"
  grep -q "^Participants 6 *\$" "$T/table" || fail "the participants of all ($period) are not 6"
done
run dk report participation -k 3 --from 2027-07-01 --to 2027-12-31
tr -s ' ' <"$T/out" >"$T/table"
grep -q "^Participants – *\$" "$T/table" || fail "the second half-year's two participants are shown"
# a period of other months, or in days, is refused, naming where it could start; no report
run dk report participation --from 2027-01-15 --to 2027-06-30 -k 3
expect_rc 2
expect_err "--from: the period must start on 2027-01-01 or 2027-07-01, not 2027-01-15"
[ ! -s "$T/out" ] || fail "a refused period printed a report"

# the plans of a unit: one file per person with a plan (Q1 and Q3, not Q2), and a count
run dk plan export --unit Org --round r1 --format md --output "$T/plans/"
expect_rc 0; expect_out "2 plans written to"
[ -f "$T/plans/Q1.md" ] && [ -f "$T/plans/Q3.md" ] || fail "the unit's plans are missing"
[ "$(ls "$T/plans" | wc -l)" -eq 2 ] || fail "more files than plans"
grep -qF "Phishing exercise** — done" "$T/plans/Q1.md" || fail "Q1's plan lacks its item"
run dk plan export --unit Org/Museum --round r1 --format pdf --output "$T/museum"
expect_rc 0; expect_out "1 plan written to"
head -c 5 "$T/museum/Q3.pdf" | grep -q '%PDF-' || fail "not a PDF"
run dk plan export --unit Org/Bib --round r1 --format pdf; expect_rc 2; expect_err "--unit needs --output DIR/"
run dk plan export --unit Org/Nowhere --round r1 --output "$T/x"; expect_rc 3; expect_err "no such unit: 'Org/Nowhere'"

# the example catalogue: the XML imports whole, and the CSV written from the same list agrees
export DIGIKOMP_DB="$T/xml.db"
dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
run dk catalogue import "$TOP/examples/catalogue.xml"; expect_rc 0; expect_out "60 added"
run dk catalogue show gdpr-chef; expect_out "Stadshuset (20 seats)"
run dk catalogue import "$T/missing.xml"; expect_rc 1; expect_err "missing.xml"
run dk catalogue list --theme oktober; expect_out "phishing"; expect_out "valsakerhet"
export DIGIKOMP_DB="$T/csv.db"
dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
run dk catalogue import "$TOP/examples/catalogue.csv"; expect_rc 0; expect_out "60 added"
[ "$(sqlite3 "$T/xml.db" 'SELECT * FROM activity ORDER BY id')" = "$(sqlite3 "$T/csv.db" 'SELECT * FROM activity ORDER BY id')" ] \
  || fail "examples/catalogue.xml and examples/catalogue.csv disagree"

# a store of schema version 2 (before seats and compiled frameworks) is upgraded when
# opened, its catalogue kept
as_schema_6 "$T/csv.db"
sqlite3 "$T/csv.db" "ALTER TABLE activity DROP COLUMN seats; ALTER TABLE framework DROP COLUMN compiled; PRAGMA user_version = 2;"
run dk catalogue show gdpr-chef; expect_rc 0; expect_out "Stadshuset"; expect_no_out "seats"
[ "$(sqlite3 "$T/csv.db" 'PRAGMA user_version')" = "$(latest_schema)" ] || fail "the store was not upgraded"
run dk catalogue import "$TOP/examples/catalogue.csv"; expect_rc 0; expect_out "60 rows; 0 added"
run dk catalogue show gdpr-chef; expect_out "Stadshuset (20 seats)"

# the CSV form's own faults: seats that do not match the sessions, levels off the scale
export DIGIKOMP_DB="$T/store.db"
cat >"$T/seats.csv" <<'CSV'
id,title_sv,title_en,kind,format,hours,language,develops,sessions,seats
s1,Kurs,Course,course,on-site,2,sv,1.1:2..3,2027-03-01T09:00/2027-03-01T11:00@Rum 1,20 30
s2,Kurs,Course,course,on-site,2,sv,1.1:2..7,2027-03-01T09:00/2027-03-01T11:00@Rum 1,20
s3,Kurs,Course,course,on-site,2,sv,1.1:2..3,2027-03-01T09:00/2027-03-01T11:00@Rum 1,many
CSV
dump >"$T/before"
run dk catalogue import "$T/seats.csv"
expect_rc 3
expect_err "seats.csv:2: seats gives 2 numbers for 1 sessions"
expect_err "seats.csv:3: competence 1.1: levels 2..7 are off the scale 1..5 of small"
expect_err "seats.csv:4: seats 'many' is not a number from 0 to 100000"
dump | cmp -s - "$T/before" || fail "a refused catalogue changed the store"
