#!/bin/sh
# wrap.sh BINARY ARGS... — runs BINARY under valgrind's memcheck for
# `make check-valgrind`: the CLI tests call this (through the generated
# build/digikomp-valgrind) instead of the binary.
#
# Every process writes its report to $DK_VALGRIND_LOGS/PID.log; with -q a
# log stays empty unless valgrind found an error or a definite leak, and the
# make target fails on any non-empty log, so an error is seen even where a
# test discards the command's stderr.  The exit code is the program's own,
# or 99 on a valgrind error.
#
# DK_NO_VALGRIND=1 runs the binary directly: the heavy tests (tens of
# thousands of people, SIGKILL timing) use it for their large parts, which
# would take many minutes under valgrind and whose code paths the small
# tests cover.
bin=$1; shift
[ -n "${DK_NO_VALGRIND:-}" ] && exec "$bin" "$@"
here=$(cd "$(dirname "$0")" && pwd)
# GLib's slice allocator and its caches hide leaks from valgrind.
G_SLICE=always-malloc G_DEBUG=gc-friendly exec valgrind -q \
  --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
  --show-leak-kinds=definite --num-callers=30 \
  --suppressions="$here/digikomp.supp" \
  --log-file="${DK_VALGRIND_LOGS:-/tmp}/%p.log" \
  "$bin" "$@"
