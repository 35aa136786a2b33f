#!/bin/sh
# Runs every test of a folder against the digikomp binary given as $1 and
# prints "SUITE: N passed, N failed":
#   run.sh BIN        tests/cli/t_*.sh (sh), suite "cli"
#   run.sh BIN web    tests/web/t_*.py with Debian's Python (its selenium
#                     drives Debian's headless Chromium), suite "web"
# Each test gets DIGIKOMP (the binary, absolute), TOP (the source tree) and
# a fresh scratch dir T (a CLI test sources tests/cli/lib.sh for its
# assertions); what a passing test skipped (its lines "SKIPPED: ...") and
# the screenshots it wrote ("wrote docs/images/...") are shown.
set -u
# the tests check English texts (t_lang switches language itself)
# (t_locale switches to Swedish to check the numbers written for machines)
export LANG=C.UTF-8 PYTHONDONTWRITEBYTECODE=1
unset LANGUAGE LC_ALL LC_MESSAGES LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY DIGIKOMP_DB
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
suite=${2:-cli}
top=$(cd "$(dirname "$0")/../.." && pwd)
case $suite in
  web) tests="$top/tests/web/t_*.py" runner=/usr/bin/python3 ;;
  *)   tests="$top/tests/cli/t_*.sh" runner=sh ;;
esac
passed=0 failed=0
for t in $tests; do
  [ -e "$t" ] || continue
  name=$(basename "$t"); name=${name%.*}
  scratch=$(mktemp -d)
  # the user's configuration file never reaches a test
  if XDG_CONFIG_HOME="$scratch/.config" DIGIKOMP="$bin" TOP="$top" T="$scratch" $runner "$t" >"$scratch/.log" 2>&1; then
    passed=$((passed + 1)); echo "PASS $name"
    grep -e '^SKIPPED' -e '^wrote docs/images/' "$scratch/.log" | sort -u | sed 's/^/    /'
  else
    failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/    /' "$scratch/.log" | tail -40
  fi
  rm -rf "$scratch"
done
echo "$suite: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
