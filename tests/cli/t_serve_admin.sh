# The admin's pages of `digikomp serve` (GET /admin/users), driven over HTTP
# by tests/cli/t_serve_admin.py.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_admin
