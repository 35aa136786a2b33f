#!/usr/bin/env python3
# t_serve_admin.py — the admin's pages of `digikomp serve` as a browser sees
# them (run by t_serve_admin.sh; the standard library only).
#
#   python3 t_serve_admin.py DIGIKOMP TOP SCRATCH
#
# /admin/users lists every account with its state and grants as
# `digikomp user` set them; HR, a coordinator and an employee get 404; a
# disabled account shows as disabled and can no longer sign in;
# /admin/people/ID/data.json is `digikomp person export ID`.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib  # noqa: E402
serve_lib.setup(*sys.argv[1:4])
from serve_lib import *  # noqa: E402,F401,F403

PEOPLE = {
    # id: (name, unit, role, manager)
    "A1": ("Adam Adminsson", "Org", "employee", ""),
    "H1": ("Hanna Personalsdotter", "Org", "employee", ""),
    "C1": ("Cecilia Samordnare", "Org/A", "employee", ""),
    "E1": ("Eva Anställdsdotter", "Org/A", "employee", ""),
    "E2": ("Emil Kollegasson", "Org/A", "employee", ""),
}
roster = write_roster(PEOPLE)
assert dk("init", "--framework", os.path.join(TOP, "tests/data/framework/small.xml")).returncode == 0
assert dk("import", "roster", roster).returncode == 0
for pid in ("A1", "H1", "C1", "E1", "E2"):
    assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid
assert dk("user", "grant", "A1", "admin").returncode == 0
assert dk("user", "grant", "H1", "hr").returncode == 0
assert dk("user", "grant", "C1", "coordinator:Org/A").returncode == 0

set_clock(START)
srv = Server()
admin = Browser(srv)
check(admin.sign_in("A1").status == 303, "the admin signs in")
page = admin.get("/admin/users")
check(page.status == 200, "GET /admin/users: %d" % page.status)
for pid, (name, *_rest) in PEOPLE.items():
    check(pid in page.text and name in page.text, "/admin/users lacks %s" % pid)
check("coordinator:Org/A" in page.text and "hr" in page.text and "admin" in page.text,
      "/admin/users lacks the grants:\n" + page.text[:3000])
check("secret" not in page.text and "$argon2" not in page.text, "/admin/users shows a password hash")

for pid in ("H1", "C1", "E1"):
    b = Browser(srv)
    b.sign_in(pid)
    check(b.get("/admin/users").status == 404, "/admin/users as %s is not 404" % pid)

# a person's data: the export as `digikomp person export` writes it
r = admin.get("/admin/people/E1/data.json")
check(r.status == 200 and r.getheader("Content-Type", "").startswith("application/json"),
      "GET /admin/people/E1/data.json: %d" % r.status)
check(r.text == dk("person", "export", "E1").stdout, "the admin's export differs from digikomp person export")
check(admin.get("/admin/people/NOBODY/data.json").status == 404, "the export of nobody is not 404")
for pid in ("H1", "E1"):
    b = Browser(srv)
    b.sign_in(pid)
    check(b.get("/admin/people/E2/data.json").status == 404, "the export of E2 as %s is not 404" % pid)

# a disabled account shows as disabled and can no longer sign in
check(dk("user", "disable", "E2").returncode == 0, "user disable E2")
row = [l for l in admin.get("/admin/users").text.split("<tr>") if "E2" in l]
check(row and "disabled" in row[0], "E2 does not show as disabled: %r" % row)
check(Browser(srv).sign_in("E2").status != 303, "a disabled account signs in")

srv.stop()
sys.exit(finish("t_serve_admin"))
