# `digikomp serve` from outside: tests/cli/t_serve.py drives the server with
# HTTP (the authorization matrix, CSRF, sessions, throttling, the trusted
# proxy's header, invitations, hostile names, limits, SIGTERM).  Under
# valgrind (check-valgrind sets DK_VALGRIND_LOGS) it is skipped: Argon2id's
# 64 MiB per sign-in under valgrind takes minutes; check-asan runs it.
. "$TOP/tests/cli/lib.sh"
if [ -n "${DK_VALGRIND_LOGS:-}" ]; then
  echo "skipped under valgrind (check-asan runs it)"
  exit 0
fi
command -v python3 >/dev/null || { echo "python3 missing (make deps installs it)"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make deps installs it)"; exit 1; }
python3 "$TOP/tests/cli/t_serve.py" "$DIGIKOMP" "$TOP" "$T"
