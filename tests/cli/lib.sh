# lib.sh — assertions for the CLI tests (sourced by tests/cli/t_*.sh).
# run CMD...       runs the command, keeping stdout in $T/out, stderr in
#                  $T/err and the exit code in $rc
# expect_rc N      fails unless the last run exited with N
# expect_out TEXT  fails unless stdout contains TEXT (fixed string)
# expect_err TEXT  the same for stderr
# expect_no_out TEXT / expect_no_err TEXT   the opposite
# small_store      fills $DIGIKOMP_DB: the small framework, tests/data/import's
#                  roster and ratings in the open round r1
set -u
dk() { "$DIGIKOMP" "$@"; }
fail() { echo "FAILED: $*"; echo "--- stdout"; cat "$T/out" 2>/dev/null; echo "--- stderr"; cat "$T/err" 2>/dev/null; exit 1; }
run() { rc=0; "$@" >"$T/out" 2>"$T/err" || rc=$?; }
expect_rc() { [ "$rc" -eq "$1" ] || fail "exit code $rc, expected $1 (from: $*)"; }
expect_out() { grep -qF -- "$1" "$T/out" || fail "stdout lacks: $1"; }
expect_err() { grep -qF -- "$1" "$T/err" || fail "stderr lacks: $1"; }
expect_no_out() { ! grep -qF -- "$1" "$T/out" || fail "stdout has: $1"; }
expect_no_err() { ! grep -qF -- "$1" "$T/err" || fail "stderr has: $1"; }
# serve_py NAME    runs tests/cli/NAME.py, a test of `digikomp serve` over HTTP
#                  (serve_lib.py), and exits with its status; skipped under
#                  valgrind (DK_VALGRIND_LOGS): Argon2id's 64 MiB per sign-in takes
#                  minutes there, check-asan runs it
serve_py() {
  if [ -n "${DK_VALGRIND_LOGS:-}" ]; then
    echo "skipped under valgrind (check-asan runs it)"
    exit 0
  fi
  command -v python3 >/dev/null || { echo "python3 missing (make deps installs it)"; exit 1; }
  command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make deps installs it)"; exit 1; }
  python3 "$TOP/tests/cli/$1.py" "$DIGIKOMP" "$TOP" "$T"
  exit $?
}
# gen_store N SEED  a store of bench/gen's organisation of N people (its
#                   files in $T/g; DIGIKOMP_DB=$T/dk.db): the framework
#                   kommun-digcomp-12 and the roster
gen_store() {
  GEN="$(dirname "$DIGIKOMP")/bench/gen"
  [ -x "$GEN" ] || fail "no generator at $GEN"
  "$GEN" --people "$1" --seed "$2" --out "$T/g" >/dev/null || fail "gen"
  export DIGIKOMP_DB="$T/dk.db"
  dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
  dk import roster "$T/g/roster.csv" >/dev/null || fail "roster"
}
small_store() {
  dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
  dk import roster "$TOP/tests/data/import/roster.csv" >/dev/null
  dk round open r1 --title R1 --framework small >/dev/null
  dk import ratings "$TOP/tests/data/import/ratings.csv" --round r1 >/dev/null
}
# as_schema_6 DB   takes a store of the current schema back to the shape of schema 6
#                  (undoing migration 12: the indexes of a round's people and
#                  of the managers; 11: the audit log's indexes; 10 as below;
#                  9: the web interface's accounts; 8: the plans' one
#                  follow-up column pair in place of plan_follow_up; and 7: the
#                  assessments' hand marks), for the tests
#                  that replay older migrations; migration 10 (the plans' reasons
#                  read back from text into codes) changes no table and leaves
#                  reasons in code form as they are, so there is nothing to undo
# latest_schema    prints the schema version a new store gets
as_schema_6() {
  sqlite3 "$1" "PRAGMA foreign_keys = OFF; BEGIN;
    DROP INDEX assessment_people; DROP INDEX person_team;
    DROP INDEX audit_actor; DROP INDEX audit_entity; DROP INDEX audit_at;
    DROP TABLE invitation; DROP TABLE session; DROP TABLE account_grant; DROP TABLE account;
    CREATE TABLE plan_old (id INTEGER PRIMARY KEY, round_id INTEGER NOT NULL REFERENCES round(id),
      person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
      state TEXT NOT NULL CHECK (state = 'suggested' OR state = 'draft' OR state = 'agreed'),
      created_at TEXT NOT NULL, agreed_at TEXT, agreed_by TEXT,
      follow_up_at TEXT, follow_up_notes TEXT, UNIQUE (round_id, person_id));
    INSERT INTO plan_old SELECT p.id, p.round_id, p.person_id,
      CASE p.state WHEN 'followed-up' THEN 'agreed' ELSE p.state END, p.created_at, p.agreed_at, p.agreed_by,
      (SELECT max(held_on) FROM plan_follow_up f WHERE f.plan_id = p.id),
      (SELECT notes FROM plan_follow_up f WHERE f.plan_id = p.id ORDER BY held_on DESC, id DESC LIMIT 1)
      FROM plan p;
    DROP TABLE plan_follow_up; DROP TABLE plan; ALTER TABLE plan_old RENAME TO plan;
    DROP INDEX assessment_hand; ALTER TABLE assessment DROP COLUMN hand;
    PRAGMA user_version = 6; COMMIT;"
}
latest_schema() {
  "$DIGIKOMP" init --db "$T/.latest.db" --framework "$TOP/tests/data/framework/small.xml" >/dev/null
  sqlite3 "$T/.latest.db" 'PRAGMA user_version'
}
