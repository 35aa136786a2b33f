# The catalogue of `digikomp serve` (GET /catalogue): search by words and by
# competence, HR's whole catalogue and the links to the coverage report and
# the wishes, driven over HTTP by tests/cli/t_serve_catalogue.py.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_catalogue
