#!/bin/sh
# Runs every tests/cli/t_*.sh against the digikomp binary given as $1 and
# prints "cli: N passed, N failed".  Each test script gets DIGIKOMP (the
# binary, absolute), TOP (the source tree) and a fresh scratch dir T, and
# sources tests/cli/lib.sh for its assertions.  The tests are independent
# (each has its own scratch dir and free ports), so DK_TEST_JOBS of them
# (default: one per processor) run at once; a failure's log is printed
# once every test is done.  With DK_SUITE=web it runs the browser tests,
# tests/web/t_*.py, the same way with Debian's Python (its selenium drives
# Debian's headless Chromium), and prints "web: N passed, N failed".  What a
# passing test skipped (its lines "SKIPPED: ...") and the screenshots it
# wrote ("wrote docs/images/...") are shown too.
#
#   sh tests/cli/run.sh DIGIKOMP [TEST…]      TEST: a name such as t_plan
set -u
# the tests check English texts (t_lang switches language itself)
# (t_locale switches to Swedish to check the numbers written for machines)
export LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
unset LANGUAGE LC_ALL LC_MESSAGES LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY DIGIKOMP_DB
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
shift
suite=${DK_SUITE:-cli}
case $suite in
  web) dir=$top/tests/web ext=py runner=/usr/bin/python3 ;;
  *)   dir=$top/tests/cli ext=sh runner=sh ;;
esac

# run_one NAME RESULTS: runs DIR/NAME.EXT, leaves RESULTS/NAME.log and
# RESULTS/NAME.pass or RESULTS/NAME.fail
run_one() {
  scratch=$(mktemp -d)
  # the user's configuration file never reaches a test
  if XDG_CONFIG_HOME="$scratch/.config" DIGIKOMP="$bin" TOP="$top" T="$scratch" \
       $runner "$dir/$1.$ext" >"$2/$1.log" 2>&1; then
    : >"$2/$1.pass"; echo "PASS $1"
  else
    : >"$2/$1.fail"; echo "FAIL $1"
  fi
  rm -rf "$scratch"
}

# (xargs calls this script again for each test, with DK_RUN_ONE set)
if [ -n "${DK_RUN_ONE:-}" ]; then
  run_one "$DK_RUN_ONE" "$DK_RESULTS"
  exit 0
fi

if [ $# -eq 0 ]; then
  set -- $(cd "$dir" && ls t_*."$ext" | sed "s/\\.$ext\$//")
fi
results=$(mktemp -d)
jobs=${DK_TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
printf '%s\n' "$@" | DK_SUITE="$suite" DK_RESULTS="$results" xargs -P "$jobs" -I NAME env DK_RUN_ONE=NAME sh "$0" "$bin"

passed=$(ls "$results" | grep -c '\.pass$')
failed=$(ls "$results" | grep -c '\.fail$')
for f in "$results"/*.pass; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .pass)
  grep -e '^SKIPPED' -e '^wrote docs/images/' "$results/$name.log" | sort -u | sed "s/^/    $name: /"
done
for f in "$results"/*.fail; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .fail)
  echo "FAIL $name:"; sed 's/^/    /' "$results/$name.log" | tail -40
done
rm -rf "$results"
echo "$suite: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -eq $# ]
