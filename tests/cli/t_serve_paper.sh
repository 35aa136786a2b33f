# A manager enters their person's self-rating from a paper form
# (GET|POST /people/ID/assessment), driven over HTTP by
# tests/cli/t_serve_paper.py; and `digikomp rate --self … --by`.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_paper
