# Participation, coverage, goals and wishes under the minimum group k (5): a
# count of 1..k-1 people or plans shows "–", its value is in no format, and
# where a total is published with exactly one part hidden, the next smallest
# part is hidden too, so that the total minus the parts shown gives nothing.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
# Org/A 5 women, Org/B 6 women, Org/C one man (c1); each took part in the short
# course: A 2 h each (10.0 in all), B 1 h each (6.0), C 3.5 h
echo "person_id,name,unit,role,manager_id,gender" >"$T/roster.csv"
echo "person_id,activity_id,date,hours,status" >"$T/participation.csv"
for p in a1:A:F:2 a2:A:F:2 a3:A:F:2 a4:A:F:2 a5:A:F:2 b1:B:F:1 b2:B:F:1 b3:B:F:1 b4:B:F:1 b5:B:F:1 \
         b6:B:F:1 c1:C:M:3.5; do
  IFS=: read -r id unit gender hours <<EOT
$p
EOT
  echo "$id,Person $id,Org/$unit,employee,,$gender" >>"$T/roster.csv"
  echo "$id,short,2027-02-01,$hours,completed" >>"$T/participation.csv"
done
dk import roster "$T/roster.csv" >/dev/null
cat >"$T/catalogue.csv" <<'CSV'
id,title_sv,title_en,kind,format,hours,language,develops,roles,units,themes,sessions,preparation
short,Kort kurs,Short course,course,digital,2,sv,1.1:3..3 1.2:1..2,,,,,
CSV
dk catalogue import "$T/catalogue.csv" >/dev/null
dk round open r1 --title R1 --framework small >/dev/null

# ---- participation: 12 people
dk import participation "$T/participation.csv" >/dev/null
run dk report participation; expect_rc 0
tr -s ' ' <"$T/out" >"$T/table"
# men 1 is hidden, and women 11 with it: 12 − 11 would give the one man.  Org/C (1)
# is hidden, and Org/A (5), the next smallest: 12 − 6 − 5 would give Org/C.
for line in "Participants 12" "of whom women –" "of whom men –" "of whom other or not given 0" \
            "Hours in total 19.5" "Org/A – –" "Org/B 6 6.0" "Org/C – –"; do
  grep -q "^$line *\$" "$T/table" || fail "the table lacks the row: $line"
done
for f in csv json; do
  run dk report participation --format $f; expect_rc 0
  # c1's 3.5 hours, Org/A's 10.0 hours and the 11 women appear nowhere
  expect_no_out "3.5"; expect_no_out "10.0"; expect_no_out "11"
done
# the total minus the cells shown is never one hidden cell's value
run dk report participation --format csv
tr -d '\r' <"$T/out" >"$T/p.csv"
shown=$(awk -F, '/^Org\//' "$T/p.csv" | awk -F, '$2 != "–" { p += $2; h += $3 } END { print p "/" h }')
[ "$shown" = "6/6" ] || fail "the departments shown are $shown, expected Org/B's 6/6"
# 12 − 6 = 6 and 19.5 − 6.0 = 13.5: Org/A + Org/C together, neither 1 nor 3.5
[ "$(awk -F, '$1 ~ /^Org\// && $2 == "–"' "$T/p.csv" | wc -l)" -eq 2 ] \
  || fail "a hidden department is alone in its sum"
[ "$(grep -c '^of whom [a-z]*,–' "$T/p.csv")" -eq 2 ] || fail "a hidden gender is alone in its sum"

# a second kind: c1 alone also went to a lecture (2 h); the kinds' hours are hidden
# with it, since the hours in total minus the course's would be c1's lecture (the
# course's 12 participants stay: they are everyone)
cat >>"$T/catalogue.csv" <<'CSV'
talk,Föreläsning,Talk,lecture,digital,2,sv,2.1:1..2,,,,,
CSV
dk catalogue import "$T/catalogue.csv" >/dev/null
dk attend c1 talk --date 2027-02-02 --hours 2 >/dev/null
run dk report participation --format csv; expect_rc 0
tr -d '\r' <"$T/out" >"$T/p2.csv"
grep -q '^Lecture,–,–' "$T/p2.csv" || fail "the lecture's one participant is shown"
grep -q '^Course,12,–' "$T/p2.csv" || fail "the course's hours beside the total give c1's lecture"
grep -q '^Hours in total,21.5' "$T/p2.csv" || fail "the hours in total are not shown"

# ---- coverage: 6 people with a need on 1.1 (expected 3); a1..a5 at 2, which the
# short course (to 3) covers, c1 at 1, which nothing covers: "not covered 1"
{
  echo "person_id,round,competence,self,manager,motivation,reason,shared,conversation"
  for p in a1 a2 a3 a4 a5; do echo "$p,r1,1.1,2,,,,yes,"; done
  echo "c1,r1,1.1,1,,,,yes,"
  echo "b1,r1,1.2,1,,,,yes,"
  echo "b2,r1,1.2,1,,,,yes,"
} >"$T/ratings.csv"
dk import ratings "$T/ratings.csv" --round r1 >/dev/null
run dk report coverage --round r1 --format csv; expect_rc 0
tr -d '\r' <"$T/out" >"$T/c.csv"
grep -q '^1\.1,[^,]*,6,–$' "$T/c.csv" || fail "coverage shows the one person not covered"
grep -q '^1\.2,[^,]*,–,–$' "$T/c.csv" || fail "coverage shows the two people with a need on 1.2"
# across units: the organisation's 6 minus Org/A's 5 would be c1 (Org/C), so Org/A's
# 5 is hidden in its own report; Org/B's none with a need stays 0
run dk report coverage --round r1 --unit Org/A --format csv; expect_rc 0
tr -d '\r' <"$T/out" >"$T/ca.csv"
grep -q '^1\.1,[^,]*,–,–$' "$T/ca.csv" || fail "Org/A's coverage beside the organisation's gives c1"
run dk report coverage --round r1 --unit Org/B --format csv; expect_rc 0
grep -q '^1\.1,[^,]*,0,0' "$T/out" || fail "Org/B's none with a need is not 0"
run dk report coverage --round r1; expect_rc 0; expect_out "Figures from fewer than 5 people are shown as –."
run dk report coverage --round r1 --format json; expect_rc 0
tr -d ' \n' <"$T/out" >"$T/c.json"
grep -qF '"people_with_need":6,"not_covered":null' "$T/c.json" || fail "the JSON shows the one not covered"
grep -qF '"people_with_need":null,"not_covered":null' "$T/c.json" || fail "the JSON shows 1.2's two"

# ---- goals and wishes: six plans with a goal on 1.1, one done; two on 1.2.  Five
# plans wish for "Arkivkurs"; "Kurs X" and "Kurs Y" one plan each
for p in a1 a2 a3 a4 a5 c1 b1 b2; do dk plan create $p --round r1 >/dev/null; done
for p in a1 a2 a3 a4 a5 c1; do dk plan add $p --round r1 --competence 1.1 --activity short >/dev/null; done
dk plan done c1 1 --round r1 >/dev/null
for p in b1 b2; do dk plan add $p --round r1 --competence 1.2 --activity short >/dev/null; done
for p in a1 a2 a3 a4 a5; do dk plan add $p --round r1 --competence 1.1 --wish Arkivkurs >/dev/null; done
dk plan add b1 --round r1 --competence 1.2 --wish "Kurs X" >/dev/null
dk plan add b2 --round r1 --competence 1.2 --wish "Kurs Y" >/dev/null
run dk report goals --round r1 --format csv; expect_rc 0
tr -d '\r' <"$T/out" >"$T/g.csv"
# 1.1: 11 goals (6 activities, 5 wishes) of 6 people, 1 done: done is hidden
grep -q '^1\.1,11,6,–$' "$T/g.csv" || fail "goals show the one goal done"
grep -q '^1\.2,–,–,–$' "$T/g.csv" || fail "goals show 1.2's two people"
# Org/A's five people with goals on 1.1 beside the organisation's six would give c1
run dk report goals --round r1 --unit Org/A --format csv; expect_rc 0
grep -q '^1\.1,–,–,–' "$T/out" || fail "Org/A's goals beside the organisation's give c1's"
run dk report coverage --round r1 --format csv; expect_rc 0
expect_out "1.1,Arkivkurs,5"; expect_no_out "Kurs X"; expect_no_out "Kurs Y"; expect_no_out "Other wishes"
run dk report coverage --round r1; expect_out "Wishes that fewer than 5 plans name are left out."
# with k = 3 the two rare wishes are still each below k, and together (2 plans) too
run dk report coverage --round r1 -k 3 --format csv; expect_no_out "Kurs X"; expect_no_out "Other wishes"
# three more plans name rare wishes: together 5 plans, one "Other wishes" line
for p in b3 b4 b5; do dk plan create $p --round r1 >/dev/null; dk plan add $p --round r1 --competence 1.2 --wish "Kurs $p" >/dev/null; done
run dk report coverage --round r1 --format csv; expect_rc 0
expect_out ",Other wishes,5"; expect_no_out "Kurs X"; expect_no_out "Kurs b3"
run dk report coverage --round r1; expect_out "counted together as other wishes"
run dk report coverage --round r1 --unit Org/B --format csv; expect_out ",Other wishes,5"
# c1 in Org/C names a rare wish too: the organisation's other wishes (6) minus Org/B's
# (5) would give c1's, one plan.  The units' other wishes are one pattern: the smaller,
# Org/B's, is left out, the organisation's shown
dk plan add c1 --round r1 --competence 1.2 --wish "Kurs Z" >/dev/null
run dk report coverage --round r1 --format csv; expect_rc 0; expect_out ",Other wishes,6"
run dk report coverage --round r1 --unit Org/B --format csv; expect_rc 0
expect_no_out "Other wishes,"; expect_no_out "Kurs b3"
run dk report coverage --round r1 --unit Org/B; expect_out "Wishes that fewer than 5 plans name are left out."
run dk report coverage --round r1 --unit Org/C --format csv; expect_no_out "Other wishes,"; expect_no_out "Kurs Z"
exit 0
