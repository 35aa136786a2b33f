# Erasure leaves no trace of the erased person in anyone else's data: their
# id, as who agreed a plan, recorded a follow-up, adjusted a rating or acted
# in the audit trail, becomes "(erased)" ("(raderad)" in Swedish); the people
# they managed get an audit row each; and the store file holds neither their
# name nor their id afterwards (secure_delete and a TRUNCATE checkpoint),
# or the command says that it does not yet.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
export DIGIKOMP_USER=hr:Karin
D="$TOP/tests/data"
M=MZQX9; NAME=Zbyszko   # distinctive: a grep of the store file finds nothing else
cat > "$T/roster.csv" <<CSV
person_id,name,email,unit,role,manager_id,gender
$M,Quirinus $NAME,quirinus@example.se,Org/Avd,manager,,M
P2,Erik Lind,erik@example.se,Org/Avd/Enhet,employee,$M,M
P3,Åsa Öberg,asa@example.se,Org/Avd/Enhet,employee,$M,F
CSV
cat > "$T/ratings.csv" <<CSV
person_id,round,competence,self,manager,motivation,comment,reason,shared,conversation
P2,r1,1.1,2,,4,,,yes,
P3,r1,1.1,4,,5,,,yes,
CSV
dk init --framework "$D/framework/small.xml" >/dev/null
dk import roster "$T/roster.csv" >/dev/null
dk round open r1 --title R1 --framework small >/dev/null
dk import ratings "$T/ratings.csv" --round r1 >/dev/null
dk catalogue import "$D/plan/catalogue.csv" >/dev/null
# the manager adjusts P2's rating, agrees the plan and records its follow-up
run dk rate --manager P2 1.1 3 --reason "Visade i samtalet" --by $M; expect_rc 0
dk plan create P2 --round r1 >/dev/null
dk plan add P2 --round r1 --competence 1.2 --wish "Kurs i arkivering" >/dev/null
run dk plan agree P2 --round r1 --by $M; expect_rc 0
DIGIKOMP_USER=$M run dk plan follow-up P2 --round r1 --on 2027-06-01 --notes "Bra"; expect_rc 0
run dk plan show P2 --round r1; expect_out "by $M"        # (the test sees the id before)
run dk audit P3; expect_out "manager $M"

# seen everywhere by others: P2's and P3's plan, exports, audit, conversation
views() {
  dk plan show P2 --round r1 "$@"; dk plan show P2 --round r1 --format json "$@"
  dk plan export P2 --round r1 "$@"; dk plan export P2 --round r1 --format json "$@"
  dk plan export P2 --round r1 --format html "$@"
  dk audit P2 "$@"; dk audit P3 "$@"; dk audit P3 --format csv "$@"
  dk conversation P2 --round r1 "$@"; dk person export P2; dk person export P3
}
run dk person erase $M --confirm; expect_rc 0; expect_out "2 people no longer have a manager"
views > "$T/out" 2>&1 || fail "a view failed after the erasure"
expect_no_out "$M"; expect_no_out "$NAME"; expect_no_out "Quirinus"
expect_out "Agreed on"; expect_out "by (erased)"; expect_out '"agreed_by" : "(erased)"'
expect_out '"recorded_by" : "(erased)"'; expect_out '"adjusted_by" : "(erased)"'
views --lang sv > "$T/out" 2>&1 || fail "a Swedish view failed after the erasure"
expect_no_out "$M"; expect_out "(raderad)"
# the people who lost their manager: an audit row each, by whoever erased
for p in P2 P3; do
  run dk audit $p --format csv; expect_rc 0
  expect_out ",hr:Karin,person,,manager,(erased),"   # the lost manager, by whoever erased
  grep -q "manager (erased);" "$T/out" || fail "$p's first row does not say the manager is erased"
done
# nothing of them in the store file (nor in a log beside it)
for f in "$T/store.db" "$T/store.db-wal"; do
  [ ! -e "$f" ] || ! grep -qa -e "$M" -e "$NAME" "$f" || fail "$(basename "$f") still holds the erased person"
done
[ ! -s "$T/store.db-wal" ] || fail "the log was not emptied"

# a reader holding a snapshot blocks the overwrite: erased, exit 1, said so
python3 - "$T/store.db" "$T/reading" <<'PY' &
import sqlite3, sys, time, os
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN"); db.execute("SELECT count(*) FROM person").fetchone()
open(sys.argv[2], "w").close()
time.sleep(8)
db.execute("COMMIT")
PY
reader=$!
for i in $(seq 50); do [ -e "$T/reading" ] && break; sleep 0.1; done
[ -e "$T/reading" ] || fail "the reader did not start"
start=$(date +%s)
run dk person erase P3 --confirm --overwrite-wait 1
expect_rc 1; expect_out "Erased P3"
expect_err "P3 is erased, but not yet overwritten on disk: other processes are reading the store"
[ $(($(date +%s) - start)) -lt 6 ] || fail "the erasure waited longer than asked"
kill $reader 2>/dev/null; wait $reader 2>/dev/null
run dk audit P3; expect_rc 3; expect_err "no such person: 'P3'"
# a person who erases themselves is not named by the erasure's own rows
cat > "$T/self.csv" <<CSV
person_id,name,email,unit,role,manager_id,gender
SELFQX7,Selma Qvist,,Org/Avd,manager,,F
P4,Per Ek,,Org/Avd,employee,SELFQX7,M
CSV
dk import roster "$T/self.csv" >/dev/null
DIGIKOMP_USER=SELFQX7 run dk person erase SELFQX7 --confirm; expect_rc 0
run dk audit P4; expect_no_out "SELFQX7"; expect_out "(erased)"
echo ok
