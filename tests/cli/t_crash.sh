# Killing `digikomp import ratings` with SIGKILL at any moment leaves the
# store as it was before the import (or, if the kill came too late, with the
# whole import): never a part of it.  PRAGMA integrity_check stays ok, and
# the import can be run again.
. "$TOP/tests/cli/lib.sh"
# every step here is large (or timed by kills): without valgrind under
# `make check-valgrind` (tests/valgrind/wrap.sh); the small tests cover the paths
export DK_NO_VALGRIND=1
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make deps installs it)"; exit 1; }
N=${CRASH_PEOPLE:-20000}
awk -v n="$N" 'BEGIN {
  print "person_id,name,unit,role,manager_id,gender" > "'"$T"'/roster.csv"
  print "M0,Chef,Org,manager,,F" > "'"$T"'/roster.csv"
  print "person_id,round,competence,self,manager,motivation,reason,shared,conversation" > "'"$T"'/ratings.csv"
  for (i = 1; i <= n; i++) {
    printf "P%d,Person %d,Org/U%d,employee,M0,%s\n", i, i, i % 40, (i % 3 ? "F" : "M") > "'"$T"'/roster.csv"
    printf "P%d,r1,1.1,%d,,%d,,yes,\n", i, 1 + i % 5, 1 + i % 4 > "'"$T"'/ratings.csv"
    printf "P%d,r1,1.2,%d,,,,yes,\n", i, 1 + (i * 7) % 5 > "'"$T"'/ratings.csv"
  }
}'
export DIGIKOMP_DB="$T/store.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
dk import roster "$T/roster.csv" >/dev/null || fail "roster import"
dk round open r1 --title R1 --framework small >/dev/null
state() { sqlite3 "$DIGIKOMP_DB" "SELECT count(*), coalesce(sum(length(levels)), 0), coalesce(sum(levels <> zeroblob(length(levels))), 0) FROM assessment; SELECT count(*) FROM audit;"; }
before=$(state)

# the state after a complete import, from a copy
cp "$DIGIKOMP_DB" "$T/copy.db"
DIGIKOMP_DB="$T/copy.db" dk import ratings "$T/ratings.csv" --round r1 >/dev/null || fail "reference import"
complete=$(DIGIKOMP_DB="$T/copy.db" state)
[ "$before" != "$complete" ] || fail "the import changed nothing"

killed=0
for delay in 0.02 0.05 0.1 0.15 0.2 0.3; do
  # the binary itself, not the dk function: $! must be the importing process
  "$DIGIKOMP" import ratings "$T/ratings.csv" --round r1 >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
  wait "$pid" 2>/dev/null
  [ "$(sqlite3 "$DIGIKOMP_DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after a kill at ${delay}s"
  now=$(state)
  if [ "$now" = "$complete" ]; then
    # the import had finished: undo it for the next attempt
    rm -f "$DIGIKOMP_DB" "$DIGIKOMP_DB-wal" "$DIGIKOMP_DB-shm"
    dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
    dk import roster "$T/roster.csv" >/dev/null
    dk round open r1 --title R1 --framework small >/dev/null
    before=$(state)
  elif [ "$now" != "$before" ]; then
    fail "a kill at ${delay}s left a partial import: $now (before: $before)"
  fi
done
[ "$killed" -gt 0 ] || fail "no import was still running when killed; raise CRASH_PEOPLE"
run dk import ratings "$T/ratings.csv" --round r1
expect_rc 0
[ "$(state)" = "$complete" ] || fail "the import after the kills did not complete"
echo "killed $killed imports mid-way"
