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
small_store() {
  dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
  dk import roster "$TOP/tests/data/import/roster.csv" >/dev/null
  dk round open r1 --title R1 --framework small >/dev/null
  dk import ratings "$TOP/tests/data/import/ratings.csv" --round r1 >/dev/null
}
