# The authorization matrix of `digikomp serve` over every route of web/server.c's
# table and every role, driven over HTTP by tests/cli/t_serve_access.py.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_access
