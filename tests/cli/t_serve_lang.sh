# Core's messages in each page's language: one server thread answers a
# Swedish and an English manager in turn, each reading core's refusal in
# their own language; driven over HTTP by tests/cli/t_serve_lang.py.
. "$TOP/tests/cli/lib.sh"
serve_py t_serve_lang
