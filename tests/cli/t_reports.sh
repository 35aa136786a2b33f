# HR's group reports on a small organisation whose figures are worked out
# by hand below: share with needs, average rating, high motivation and the
# conversation rate, for one round, compared with the round before, and on
# the panel of people registered in both.  -k 3 lets groups of three show;
# a unit of two is suppressed.
#
# Employees expect 3 on 1.1 and 2 on 1.2 (tests/data/framework/small.xml);
# high motivation is 4 or more.  M0, the manager, is registered but rates
# nothing: counted in the conversation rate (people registered), not in the
# others.  E6 joins for r2, so the panel is M0 and E1..E5.
#
#        r1: 1.1 1.2 mot conv   need |  r2: 1.1 1.2 mot conv   need
#   E1 A      2   2   4   -     1.1  |       3   2   5   yes    -
#   E2 A      3   1   2   -     1.2  |       3   2   4   yes    -
#   E3 A      3   3   5   yes    -   |       2   3   3   -     1.1
#   E4 B      1   ?   3   -     1.1  |       2   1   4   yes   1.1 1.2
#   E5 B      4   2   -   yes    -   |       4   3   -   -      -
#   E6 B                             |       1   1   2   yes   1.1 1.2
#
#   needs:          r1 3/5 = 60.0 %   r2 3/6 = 50.0 %   panel r2 2/5 = 40.0 %
#   average:        r1 21/9 = 2.33    r2 27/12 = 2.25   panel r2 25/10 = 2.50
#   motivation:     r1 2/4 = 50.0 %   r2 3/5 = 60.0 %   panel r2 3/4 = 75.0 %
#   conversations:  r1 2/6 = 33.3 %   r2 4/7 = 57.1 %   panel r2 3/6 = 50.0 %
#   Org/A in r1:    needs 2/3 = 66.7 %, average 14/6 = 2.33, motivation 2/3,
#                   conversations 1/3; Org/B has two people in r1: suppressed
#
# The pattern of suppression (docs/metrics.md) hides more: in r1 the whole
# organisation minus Org/A would give Org/B, so Org/A's figures go too
# (conversations count M0, placed in Org, so there Org − Org/A is B and M0
# together and Org/A stays); the panel differs from r2's plain group by
# E6 alone, so beside the plain figure the panel's r2 figures are hidden.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
D="$TOP/tests/data/reports"
cp "$D/roster.csv" "$T/roster.csv"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
dk import roster "$T/roster.csv" >/dev/null || fail "roster"
dk round open r1 --title R1 --framework small >/dev/null
dk import ratings "$D/r1.csv" --round r1 >/dev/null || fail "r1 ratings"
dk round close r1 >/dev/null
echo "E6,Person Sex,,Org/B,employee,M0,M" >> "$T/roster.csv"
dk import roster "$T/roster.csv" >/dev/null || fail "roster with E6"
dk round open r2 --title R2 --framework small >/dev/null
dk import ratings "$D/r2.csv" --round r2 >/dev/null || fail "r2 ratings"

# In tests/data/reports/expected.txt each "> OPTIONS" line is followed by
# the CSV report it must print, header included (`digikomp report OPTIONS
# -k 3 --format csv`).
check() {
  [ -n "$options" ] || return 0
  # shellcheck disable=SC2086 # the options are words
  run dk report $options -k 3 --format csv
  expect_rc 0
  tr -d '\r' < "$T/out" > "$T/have"
  cmp -s "$T/have" "$T/want" || { diff "$T/want" "$T/have"; fail "report $options"; }
}
options="" checked=0
while IFS= read -r line; do
  case $line in
    "> "*) check; options=${line#> }; : > "$T/want"; checked=$((checked + 1)) ;;
    *) printf '%s\n' "$line" >> "$T/want" ;;
  esac
done < "$D/expected.txt"
check
[ "$checked" = 18 ] || fail "$checked reports checked"

# the default minimum group of 5: four motivation answers in r1 are suppressed
run dk report motivation --round r1 --format csv
expect_rc 0
expect_out "Whole organisation,–,–"
run dk report needs --round r1 --format csv
expect_out "Whole organisation,5,60.0"
# a person reads the comparison with its headings and the change in points
run dk report needs --round r2 --compare r1 -k 3
expect_rc 0
expect_out "Change (points)"
expect_out "-10.0"
# the panel of r2 is r2's people but E6: beside r2's 50.0 % (3 of 6) its
# 40.0 % (2 of 5) would tell whether E6 has a need
run dk report needs --round r2 --compare r1 --panel -k 3
expect_rc 0
expect_out "Only people registered in both rounds are counted (panel)."
expect_no_out "40.0"
expect_no_out "-20.0"

# HTML: a chart of the report's figures beside the table, with the table's
# values and its suppression.  The whole organisation: bars per round.
chart() { sed -n '/<figure>/,/<\/figure>/p' "$T/out" > "$T/chart"; grep -c '<svg' "$T/chart"; }
run dk report needs --round r2 --compare r1 -k 3 --format html; expect_rc 0
[ "$(chart)" = 1 ] || fail "no chart in report needs --format html"
sed -n '/<svg/,/<\/svg>/p' "$T/chart" | xmllint --noout - || fail "the chart is not XML"
grep -q '<figcaption>Share with needs</figcaption>' "$T/chart" || fail "no caption"
grep -q '>60.0 %</text>' "$T/chart" && grep -q '>50.0 %</text>' "$T/chart" || fail "the bars lack r1's 60.0 % and r2's 50.0 %"
grep -q '>r1</text>' "$T/chart" && grep -q '>r2</text>' "$T/chart" || fail "no legend of the rounds"
# per unit: a heat map of this round; Org/B (two people in r1) is suppressed,
# and Org/A with it (Org minus Org/A would give Org/B), as in the table
run dk report needs --round r2 --by unit -k 3 --format html; expect_rc 0
[ "$(chart)" = 1 ] || fail "no chart per unit"
grep -q '>Org/A</text>' "$T/chart" && grep -q '>33.3 %</text>' "$T/chart" || fail "the heat map lacks Org/A's 33.3 % in r2"
run dk report needs --round r1 --by unit -k 3 --format html; expect_rc 0
[ "$(chart)" = 1 ] || fail "no chart per unit in r1"
grep -q '>Org/B</text>' "$T/chart" && grep -q '>–</text>' "$T/chart" || fail "Org/B is not suppressed in the chart"
! grep -q '>66.7 %</text>' "$T/chart" || fail "the heat map shows Org/A, which the table hides"
# the other formats have no chart
run dk report needs --round r1 -k 3 --format csv; expect_rc 0; expect_no_out "<svg"
