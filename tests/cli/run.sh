#!/bin/sh
# Runs every tests/cli/t_*.sh against the digikomp binary given as $1 and
# prints "cli: N passed, N failed".  Each test script gets DIGIKOMP (the
# binary, absolute), TOP (the source tree) and a fresh scratch dir T, and
# sources tests/cli/lib.sh for its assertions.
set -u
# the tests check English texts (t_lang switches language itself)
# (t_locale switches to Swedish to check the numbers written for machines)
export LANG=C.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES LC_CTYPE LC_NUMERIC LC_TIME LC_COLLATE LC_MONETARY DIGIKOMP_DB
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
top=$(cd "$(dirname "$0")/../.." && pwd)
passed=0 failed=0
for t in "$top"/tests/cli/t_*.sh; do
  [ -e "$t" ] || continue
  name=$(basename "$t" .sh)
  scratch=$(mktemp -d)
  # the user's configuration file never reaches a test
  if XDG_CONFIG_HOME="$scratch/.config" DIGIKOMP="$bin" TOP="$top" T="$scratch" sh "$t" >"$scratch/.log" 2>&1; then
    passed=$((passed + 1)); echo "PASS $name"
  else
    failed=$((failed + 1)); echo "FAIL $name"; sed 's/^/    /' "$scratch/.log" | tail -40
  fi
  rm -rf "$scratch"
done
echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
