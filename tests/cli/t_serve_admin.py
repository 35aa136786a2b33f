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

# grant, revoke and disable in the browser: stored, audited with A1 as actor
def accounts():
    return dk("user", "list").stdout


r = admin.post("/admin/users/E1", {"action": "grant", "grant": "coordinator:Org/A"}, csrf_from="/admin/users")
check(r.status == 303 and r.getheader("Location") == "/admin/users", "grant: %d" % r.status)
check("coordinator:Org/A" in [l for l in accounts().splitlines() if "E1" in l][0], "the grant is not stored")
check("A1" in dk("audit", "E1").stdout, "the grant is not audited with A1:\n" + dk("audit", "E1").stdout)
r = admin.post("/admin/users/E1", {"action": "revoke", "grant": "coordinator:Org/A"}, csrf_from="/admin/users")
check(r.status == 303, "revoke: %d" % r.status)
check("coordinator:Org/A" not in [l for l in accounts().splitlines() if "E1" in l][0], "the revoke is not stored")
before = accounts()
for bad in ("king", "coordinator:Org/Nowhere", "trainer:nothing"):
    r = admin.post("/admin/users/E1", {"action": "grant", "grant": bad}, csrf_from="/admin/users")
    check(r.status == 400 and 'id="grant-E1-error"' in r.text and 'value="%s"' % bad in r.text,
          "a bad grant %r: %d, field and message:\n%s" % (bad, r.status, r.text[:3000]))
check(admin.post("/admin/users/E1", {"action": "explode"}, csrf_from="/admin/users").status == 400, "no action")
r = admin.request("POST", "/admin/users/E1", {"action": "disable", "csrf": "0" * 64})
check(r.status != 303, "a disable without its CSRF token: %d" % r.status)
check(accounts() == before, "a refused change changed the accounts")
h1 = Browser(srv)
h1.sign_in("H1")
check(h1.post("/admin/users/E1", {"action": "disable"}).status == 404, "HR disables: not 404")
check(accounts() == before, "HR's POST changed the accounts")

r = admin.post("/admin/users/E2", {"action": "disable"}, csrf_from="/admin/users")
check(r.status == 303, "disable: %d" % r.status)
audit_e2 = dk("audit", "E2").stdout
check("A1" in audit_e2, "the disable is not audited with A1:\n" + audit_e2)

# a disabled account shows as disabled and can no longer sign in
row = [l for l in admin.get("/admin/users").text.split("<tr>") if "E2" in l]
check(row and "disabled" in row[0], "E2 does not show as disabled: %r" % row)
check(Browser(srv).sign_in("E2").status != 303, "a disabled account signs in")

srv.stop()
sys.exit(finish("t_serve_admin"))
