# Shares are published at the precision shown: 5 people with a need among 13
# is 0.385 in JSON and 38.5 in CSV, never 0.38461538461538464, which would let
# sums of published shares give exact counts back; levels with 2 decimals.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
{
  echo "person_id,name,unit,role,manager_id,gender"
  echo "M,Mona,Org,manager,,F"
  for i in $(seq 1 13); do echo "e$i,Emp $i,Org,employee,M,F"; done
} >"$T/roster.csv"
# e1..e5 below the expected level on 1.1 (a need), e6..e13 meet it; levels
# 1,1,1,1,1 and 3×8 on 1.1: mean 29/13 = 2.2307…
{
  echo "person_id,round,competence,self,manager,motivation,reason,shared,conversation"
  for i in $(seq 1 13); do
    if [ "$i" -le 5 ]; then l=1; else l=3; fi
    echo "e$i,r1,1.1,$l,,,,yes,"
    echo "e$i,r1,1.2,3,,,,yes,"
  done
} >"$T/ratings.csv"
dk import roster "$T/roster.csv" >/dev/null
dk round open r1 --title R1 --framework small >/dev/null
dk import ratings "$T/ratings.csv" --round r1 >/dev/null

run dk report needs --round r1 --by competence --format json; expect_rc 0
expect_out '0.385'
grep -q '0\.3846' "$T/out" && fail "JSON writes the share at full precision"
grep -Eq '[0-9]\.[0-9]{4,}' "$T/out" && fail "JSON writes a number with more than 3 decimals"
run dk report needs --round r1 --by competence --format csv; expect_rc 0
expect_out '38.5'
grep -q '38\.46' "$T/out" && fail "CSV writes the share at more than one decimal"
run dk report needs --round r1 --by competence; expect_rc 0
expect_out '38.5 %'

run dk report average --round r1 --by competence --format json; expect_rc 0
expect_out '2.23'
grep -q '2\.230' "$T/out" && fail "JSON writes a level with more than 2 decimals"
run dk report average --round r1 --by competence --format csv; expect_rc 0
expect_out '2.23'
exit 0
