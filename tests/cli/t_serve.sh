# `digikomp serve` from outside: tests/cli/t_serve.py drives the server with
# HTTP (the authorization matrix, CSRF, sessions, throttling, the trusted
# proxy's header, invitations, hostile names, limits, SIGTERM).  Under
# valgrind (check-valgrind sets DK_VALGRIND_LOGS) it is skipped: Argon2id's
# 64 MiB per sign-in under valgrind takes minutes; check-asan runs it.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve
