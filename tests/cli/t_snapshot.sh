# A report reads one state of the store: `report summary --compare r0`, run
# again and again while another process imports the ratings of round r1 over
# and over (each import one transaction, switching between everyone at level
# 1 and everyone at level 5), is each time exactly the summary of one of the
# two states, never its headline from one and its rows from the other.
. "$TOP/tests/cli/lib.sh"
# timing matters here, not memory: without valgrind under `make check-valgrind`
export DK_NO_VALGRIND=1
export DIGIKOMP_DB="$T/store.db"
N=${SNAPSHOT_PEOPLE:-3000}; RUNS=${SNAPSHOT_RUNS:-30}
awk -v n="$N" 'BEGIN { print "person_id,name,unit,role,manager_id,gender"
  for (i = 1; i <= n; i++) printf "E%d,Person %d,Org/U%d,employee,,%s\n", i, i, i % 8, i % 2 ? "F" : "M" }' > "$T/roster.csv"
for v in 1 5; do
  awk -v n="$N" -v v="$v" 'BEGIN { print "person_id,round,competence,self,manager,motivation,reason,shared,conversation"
    for (i = 1; i <= n; i++) printf "E%d,r1,1.1,%d,,%d,,yes,\nE%d,r1,1.2,%d,,%d,,yes,\n", i, v, v, i, v, v }' > "$T/r$v.csv"
done
sed 's/,r1,/,r0,/' "$T/r1.csv" > "$T/r0.csv"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
dk import roster "$T/roster.csv" >/dev/null || fail "roster import"
dk round open r0 --title R0 --framework small >/dev/null
dk import ratings "$T/r0.csv" --round r0 >/dev/null || fail "r0 import"
dk round close r0 >/dev/null
dk round open r1 --title R1 --framework small >/dev/null
summary() { dk report summary --round r1 --compare r0 --format csv; }
for v in 1 5; do
  dk import ratings "$T/r$v.csv" --round r1 >/dev/null || fail "r1 import"
  summary > "$T/state$v" || fail "the summary failed"
done
cmp -s "$T/state1" "$T/state5" && fail "the two states give the same summary"

# the importer: level 1, level 5, level 1, … until told to stop
( while [ ! -e "$T/stop" ]; do
    for v in 1 5; do dk import ratings "$T/r$v.csv" --round r1 >/dev/null || echo "import failed" >> "$T/import-errors"; done
  done ) &
importer=$!
mixed=0
for i in $(seq "$RUNS"); do
  summary > "$T/now" 2>"$T/err" || { touch "$T/stop"; wait $importer; fail "the summary failed during an import"; }
  if ! cmp -s "$T/now" "$T/state1" && ! cmp -s "$T/now" "$T/state5"; then
    mixed=$((mixed + 1)); cp "$T/now" "$T/mixed"
  fi
done
touch "$T/stop"; wait $importer
[ ! -e "$T/import-errors" ] || fail "an import failed while the reports ran"
if [ "$mixed" -gt 0 ]; then
  echo "--- a mixed summary:"; tr -d '\r' < "$T/mixed" | head -20
  fail "$mixed of $RUNS summaries mixed two states of the store"
fi
echo "ok: $RUNS summaries, each of one state"
