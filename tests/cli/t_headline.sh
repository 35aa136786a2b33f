# The headline share with needs counts the areas that apply to every role:
# a manager whose only need is in a role-limited area (small.xml's area 2,
# for managers) does not raise it; that area has a headline row of its own.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
cat > "$T/roster.csv" <<'CSV'
person_id,name,unit,role,manager_id,gender
M,Mona,Org,manager,,F
e1,Erik,Org,employee,M,M
e2,Eva,Org,employee,M,F
e3,Elin,Org,employee,M,F
CSV
# everyone meets the expectations of area 1; the manager is below in 2.1 (3)
cat > "$T/ratings.csv" <<'CSV'
person_id,round,competence,self,manager,motivation,reason,shared,conversation
M,r1,1.1,4,,,,yes,
M,r1,1.2,3,,,,yes,
M,r1,2.1,1,,,,yes,
e1,r1,1.1,3,,,,yes,
e1,r1,1.2,2,,,,yes,
e2,r1,1.1,5,,,,yes,
e2,r1,1.2,4,,,,yes,
e3,r1,1.1,3,,,,yes,
e3,r1,1.2,3,,,,yes,
CSV
dk import roster "$T/roster.csv" >/dev/null
dk round open r1 --title R1 --framework small >/dev/null
dk import ratings "$T/ratings.csv" --round r1 >/dev/null

run dk report summary --round r1 --min-group 3 --format csv; expect_rc 0
tr -d '\r' < "$T/out" > "$T/summary.csv"
grep -qx 'Share of employees with needs,0.0' "$T/summary.csv" || fail "the headline counts area 2"
# area 2 in a row of its own (one manager: suppressed)
grep -qx '"Share with needs, area 2",–' "$T/summary.csv" || fail "no row for area 2"
# the average and the response rate count area 1 only: 8 pairs, all answered
grep -qx 'Response rate,100.0' "$T/summary.csv" || fail "the response rate counts area 2"

# report needs: the areas for every role; area 2 in the report by area
run dk report needs --round r1 --min-group 3 --format csv; expect_rc 0
tr -d '\r' < "$T/out" > "$T/needs.csv"
grep -qx 'Whole organisation,4,0.0' "$T/needs.csv" || fail "the organisation's row counts area 2"
run dk report needs --round r1 --min-group 3 --by area --format csv; expect_rc 0
tr -d '\r' < "$T/out" > "$T/needs.csv"
grep -qx '2,Ledning,–,–,–' "$T/needs.csv" || fail "no row for area 2"
