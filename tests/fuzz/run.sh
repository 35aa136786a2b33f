#!/bin/sh
# Runs each fuzz target given for SECONDS on its seed corpus
# (tests/fuzz/corpus/NAME); what it learns stays in BUILD/corpus/NAME.
# DK_TEST_JOBS targets (default: one per processor) run at once.  A crash
# fails the run, its input saved as BUILD/crashes/NAME-*.
#
#   sh tests/fuzz/run.sh BUILD SECONDS TARGET…
set -u
build=$1 seconds=$2
shift 2
if [ -n "${DK_FUZZ_ONE:-}" ]; then
  t=$DK_FUZZ_ONE
  name=$(basename "$t"); name=${name#fuzz_}
  mkdir -p "$build/corpus/$name" "$build/crashes"
  out=$("$t" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
          -artifact_prefix="$build/crashes/$name-" "$build/corpus/$name" "tests/fuzz/corpus/$name" 2>&1 |
        grep -E "^(#[0-9]+ +DONE|Done|stat::number_of_executed_units|stat::new_units_added)|ERROR|SUMMARY")
  printf '== fuzzed %s for %s s\n%s\n' "$name" "$seconds" "$out"
  exit 0
fi
rm -rf "$build/crashes"
jobs=${DK_TEST_JOBS:-$(nproc 2>/dev/null || echo 1)}
printf '%s\n' "$@" | xargs -P "$jobs" -I TARGET env DK_FUZZ_ONE=TARGET sh "$0" "$build" "$seconds"
if ls "$build"/crashes/* >/dev/null 2>&1; then
  for c in "$build"/crashes/*; do echo "fuzz: a crash, its input in $c"; done
  exit 1
fi
echo "fuzz: $# targets, no crash"
