# The admin's audit log of `digikomp serve` (GET /admin/audit), driven over
# HTTP by tests/cli/t_serve_audit.py.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_audit
