# Failures in the middle of `digikomp import ratings` on a 50 000-person
# file leave the store as it was before the import (or, for a kill that came
# too late, with the whole import): never a part of it.  After each, PRAGMA
# integrity_check is ok and the import can be run again.
#   - SIGKILL at random moments (CRASH_SEED repeats a run; the seed is printed)
#   - a file-size limit (ulimit -f, SIGXFSZ ignored, so write() fails with
#     EFBIG as on a full disk): a clear error, exit 1
#   - a read-only store file, and a store in a read-only directory: reports
#     work, every change fails with a clear error, nothing changes
. "$TOP/tests/cli/lib.sh"
# every step here is large (or timed by kills): without valgrind under
# `make check-valgrind` (tests/valgrind/wrap.sh); the small tests cover the paths
export DK_NO_VALGRIND=1
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make deps installs it)"; exit 1; }
N=${CRASH_PEOPLE:-50000}
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
cp "$DIGIKOMP_DB" "$T/base.db"
fresh() { rm -f "$DIGIKOMP_DB" "$DIGIKOMP_DB-wal" "$DIGIKOMP_DB-shm"; cp "$T/base.db" "$DIGIKOMP_DB"; }
# what HR and the people in the file see: the response and motivation per
# unit, and the audit log of the file's first and last person (without the
# time of each change)
state() {
  for what in response motivation; do
    "$DIGIKOMP" report "$what" --round r1 --by unit --format csv --db "${1:-$DIGIKOMP_DB}" || echo "report $what failed"
  done
  for p in P1 "P$N"; do
    "$DIGIKOMP" audit "$p" --format csv --db "${1:-$DIGIKOMP_DB}" | cut -d, -f2- || echo "audit $p failed"
  done
}
intact() { [ "$(sqlite3 "$DIGIKOMP_DB" 'PRAGMA integrity_check')" = ok ] || fail "integrity_check after $1"; }
before=$(state)
now_ms() { echo $(($(date +%s%N) / 1000000)); }

# the state after a complete import, from a copy; its duration sets the kill moments
cp "$DIGIKOMP_DB" "$T/copy.db"
t0=$(now_ms)
DIGIKOMP_DB="$T/copy.db" dk import ratings "$T/ratings.csv" --round r1 >/dev/null || fail "reference import"
took=$(($(now_ms) - t0))
complete=$(state "$T/copy.db")
[ "$before" != "$complete" ] || fail "the import changed nothing"

seed=${CRASH_SEED:-$(date +%s)}
echo "kill moments from seed $seed (the import took ${took} ms)"
delays=$(awk -v seed="$seed" -v ms="$took" 'BEGIN { srand(seed); for (i = 0; i < 6; i++) printf "%.3f ", rand() * ms * 1.1 / 1000 }')
killed=0
for delay in $delays; do
  # the binary itself, not the dk function: $! must be the importing process
  "$DIGIKOMP" import ratings "$T/ratings.csv" --round r1 >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null && killed=$((killed + 1))
  wait "$pid" 2>/dev/null
  intact "a kill at ${delay}s"
  now=$(state)
  if [ "$now" = "$complete" ]; then
    fresh   # the import had finished: undo it for the next attempt
  elif [ "$now" != "$before" ]; then
    fail "a kill at ${delay}s left a partial import: $now"
  fi
done
[ "$killed" -gt 0 ] || fail "no import was still running when killed (seed $seed); raise CRASH_PEOPLE"
echo "killed $killed of 6 imports mid-way"
run dk import ratings "$T/ratings.csv" --round r1
expect_rc 0
[ "$(state)" = "$complete" ] || fail "the import after the kills did not complete"

# a file-size limit of 512 KB (in 512-byte blocks): the store's WAL outgrows it
fresh
sqlite3 "$DIGIKOMP_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
rc=0
(trap '' XFSZ; ulimit -f 1024; exec "$DIGIKOMP" import ratings "$T/ratings.csv" --round r1) >"$T/out" 2>"$T/err" || rc=$?
expect_rc 1
expect_err "cannot import the ratings: store: disk I/O error: File too large"
intact "a failed write"
[ "$(state)" = "$before" ] || fail "a failed write changed the store"
run dk import ratings "$T/ratings.csv" --round r1
expect_rc 0
[ "$(state)" = "$complete" ] || fail "the import after the failed write did not complete"

# A read-only store.  Root writes whatever the permissions say, so as root
# this part runs as nobody, in a directory nobody owns.
as_user=""
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null || fail "setpriv missing (util-linux)"
  as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
  chmod 755 "$T"
fi
mkdir "$T/ro" && cp "$DIGIKOMP_DB" "$T/ro/store.db" && export DIGIKOMP_DB="$T/ro/store.db"
[ -z "$as_user" ] || chown -R 65534:65534 "$T/ro"
dk report needs --round r1 --by unit --format csv > "$T/report"
printf 'person_id,round,competence,self\nP7,r1,1.1,1\n' > "$T/change.csv"   # P7 has 3
ro_before=$(state)
read_only_checks() {
  run $as_user "$DIGIKOMP" report needs --round r1 --by unit --format csv
  expect_rc 0
  cmp -s "$T/out" "$T/report" || fail "the report differs on a read-only store ($1)"
  run $as_user "$DIGIKOMP" rate --manager P7 1.1 2 --reason "Samtal" --by M0 --round r1
  expect_rc 1
  expect_err "cannot set the level: store: the store is read-only"
  run $as_user "$DIGIKOMP" import ratings "$T/change.csv" --round r1
  expect_rc 1
  expect_err "cannot import the ratings: store: the store is read-only"
  [ "$(state)" = "$ro_before" ] || fail "a read-only store ($1) changed"
  [ "$(ls "$T/ro")" = store.db ] || fail "side files left beside a read-only store ($1): $(ls "$T/ro")"
}
chmod 0400 "$DIGIKOMP_DB"
read_only_checks "file mode 0400"
chmod 0600 "$DIGIKOMP_DB"; chmod 0555 "$T/ro"
read_only_checks "directory mode 0555"
chmod 0755 "$T/ro"
run $as_user "$DIGIKOMP" rate --manager P7 1.1 2 --reason "Samtal" --by M0 --round r1
expect_rc 0
