# Several processes at once on one store: three managers adjusting levels
# (`rate --manager`, each on their own team), the teams' employees setting
# their motivation on the same people, HR importing a 20 000-person roster
# and a process producing reports.  Every process finishes, "database is locked"
# never reaches the user, and afterwards every single write is in the store:
# an adjustment and a motivation on the same person must not overwrite
# each other (each reads and writes the assessment in one transaction).
. "$TOP/tests/cli/lib.sh"
# timing matters here, not memory: without valgrind under `make check-valgrind`
export DK_NO_VALGRIND=1
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make deps installs it)"; exit 1; }
export DIGIKOMP_DB="$T/store.db"
TEAM=15
awk -v team="$TEAM" 'BEGIN {
  print "person_id,name,unit,role,manager_id,gender" > "'"$T"'/roster.csv"
  print "person_id,round,competence,self,manager,motivation,reason,shared,conversation" > "'"$T"'/ratings.csv"
  for (m = 1; m <= 3; m++) {
    printf "M%d,Chef %d,Org/A%d,manager,,F\n", m, m, m > "'"$T"'/roster.csv"
    for (i = 1; i <= team; i++) {
      printf "E%d_%d,Person %d %d,Org/A%d,employee,M%d,M\n", m, i, m, i, m, m > "'"$T"'/roster.csv"
      printf "E%d_%d,r1,1.1,3,,,,yes,\nE%d_%d,r1,1.2,3,,,,yes,\n", m, i, m, i > "'"$T"'/ratings.csv"
    }
  }
}'
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
dk import roster "$T/roster.csv" >/dev/null || fail "roster import"
dk round open r1 --title R1 --framework small >/dev/null
dk import ratings "$T/ratings.csv" --round r1 >/dev/null || fail "ratings import"
# HR's new roster: everyone above and 20 000 new people
cp "$T/roster.csv" "$T/big.csv"
awk 'BEGIN { for (i = 1; i <= 20000; i++) printf "N%d,New %d,Org/B%d,employee,M1,X\n", i, i, i % 50 }' >> "$T/big.csv"

# Each manager goes through the team three times, and at the same time the
# team's employees set their motivation, in the same order: two processes
# change the same assessment at nearly the same moment, again and again.
# pass p gives manager m's employee i on competence c this level:
level() { echo $(( ($1 + $2 + $3 + $4) % 5 + 1 )); }
PASSES=3
manager() {
  for p in $(seq "$PASSES"); do
    for i in $(seq "$TEAM"); do
      for c in 1 2; do
        "$DIGIKOMP" rate --manager "E$1_$i" "1.$c" "$(level "$p" "$1" "$i" "$c")" --reason "Samtal $1" \
          --by "M$1" || echo "rate E$1_$i 1.$c exited $?" >&2
      done
    done
  done
}
motivation() {
  for p in $(seq "$PASSES"); do
    for i in $(seq "$TEAM"); do
      "$DIGIKOMP" rate --motivation "E$1_$i" 1.1 "$(level "$p" "$1" "$i" 0)" \
        || echo "motivation E$1_$i exited $?" >&2
    done
  done
}
hr() { "$DIGIKOMP" import roster "$T/big.csv" >/dev/null || echo "roster import exited $?" >&2; }
reports() {
  for k in 1 2 3 4 5 6 7 8; do
    "$DIGIKOMP" report needs --round r1 --by unit --format csv >/dev/null || echo "report exited $?" >&2
  done
}
hr 2>"$T/hr.err" &
for m in 1 2 3; do
  manager "$m" 2>"$T/m$m.err" &
  motivation "$m" 2>"$T/mot$m.err" &
done
reports 2>"$T/rep.err" &
wait
cat "$T"/*.err > "$T/err"
[ ! -s "$T/err" ] || fail "a process failed while others ran"
expect_no_err "database is locked"

# every write is there.  The roster: importing it again finds everyone
# unchanged.
run dk import roster "$T/big.csv"
expect_rc 0
expect_out "People: $((3 + 3 * TEAM + 20000)) rows; 0 added, 0 updated, $((3 + 3 * TEAM + 20000)) unchanged"
for m in 1 2 3; do
  for i in $(seq "$TEAM"); do
    p="E${m}_$i"
    # the conversation sheet shows the last pass: self 3, the manager's
    # level on both competences and the motivation on 1.1
    run dk conversation "$p" --round r1 --format csv
    expect_rc 0
    have=$(grep '^1,' "$T/out" | cut -d, -f2,5,6,9 | tr -d '\r' | tr '\n' ' ')
    want="1.1,3,$(level "$PASSES" "$m" "$i" 1),$(level "$PASSES" "$m" "$i" 0) 1.2,3,$(level "$PASSES" "$m" "$i" 2), "
    [ "$have" = "$want" ] || fail "$p shows $have, expected $want: a lost update"
    # the audit log: each of the manager's changes, and no write undone in
    # between: each change's old value is the new value of the change before
    # it on that field (a manager's new value is "LEVEL (reason)")
    run dk audit "$p" --format csv
    expect_rc 0
    [ "$(grep -c ",M$m,rating,r1,manager " "$T/out")" = $((2 * PASSES)) ] \
      || fail "manager M$m's audit rows about $p are missing"
    broken=$(awk -F, '$3 == "rating" && ($5 ~ /^manager / || $5 ~ /^motivation /) {
        if ($5 in prev && $6 != substr(prev[$5], 1, 1)) n++; prev[$5] = $7 }
      END { print n + 0 }' "$T/out")
    [ "$broken" = 0 ] || fail "$broken changes of $p found a value that another process had overwritten"
  done
done
[ "$(sqlite3 "$DIGIKOMP_DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check"

# two managers' assistants creating the same plan at the same moment: one
# plan, and the other gets the plan's own refusal, not a constraint error
for i in $(seq 1 8); do
  for k in 1 2; do "$DIGIKOMP" plan create "E1_$i" --round r1 >"$T/create$k.out" 2>"$T/create$k.err" & done
  wait
  [ "$(cat "$T/create1.out" "$T/create2.out" | grep -c "^Development plan of E1_$i, round r1 (draft)")" = 1 ] \
    || fail "not exactly one plan created for E1_$i"
  run dk plan show "E1_$i" --round r1
  expect_rc 0
  cat "$T/create1.err" "$T/create2.err" > "$T/create.err"
  [ "$(grep -c "E1_$i has a plan in round r1 already" "$T/create.err")" = 1 ] || { cat "$T/create.err"; fail "not one clear refusal for E1_$i"; }
  ! grep -qi "constraint\|locked" "$T/create.err" || { cat "$T/create.err"; fail "a raw store error reached the user"; }
done
