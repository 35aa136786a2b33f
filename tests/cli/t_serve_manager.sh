# The manager's pages of `digikomp serve` (GET /team, /people/ID/conversation,
# /people/ID/plan and their POSTs), driven over HTTP by
# tests/cli/t_serve_manager.py.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_manager
