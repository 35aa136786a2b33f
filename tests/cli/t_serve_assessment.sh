# The employee's self-rating in `digikomp serve` (GET|POST /assessment,
# /assessment/summary, POST /assessment/share), driven over HTTP by
# tests/cli/t_serve_assessment.py.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_assessment
