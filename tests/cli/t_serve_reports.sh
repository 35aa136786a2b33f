# HR's reports and rounds of `digikomp serve` (GET /reports, /reports/KIND,
# GET|POST /rounds) and a coordinator's view of the reports, driven over
# HTTP by tests/cli/t_serve_reports.py.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_reports
