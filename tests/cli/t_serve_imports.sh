# HR's and the trainer's pages of `digikomp serve`: tests/cli/t_serve_imports.py
# records participation over HTTP (who may record for whom, the audit's
# actor, no ratings on the trainer's pages).
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_imports
