#!/usr/bin/env python3
# t_serve_admin.py — the admin's pages of `digikomp serve` as a browser sees
# them (run by t_serve_admin.sh; the standard library only).
#
#   python3 t_serve_admin.py DIGIKOMP TOP SCRATCH
#
# /admin/users lists every account with its state and grants as
# `digikomp user` set them; HR, a coordinator and an employee get 404; a
# disabled account shows as disabled and can no longer sign in;
# /admin/people/ID/data.json is `digikomp person export ID`; erasing a person
# asks for their id first and then erases as `digikomp person erase` does,
# also when another connection holds the log back; an invitation link made
# on /admin/users signs its person in once.
import os
import re
import sqlite3
import sys
import time

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
    "E2": ("Emil Kollegasson", "Org/A", "employee", "E1"),
    "E3": ("Elsa Tredjesdotter", "Org/A", "employee", ""),
    "E4": ("Erik Nykomling", "Org/A", "employee", ""),
    "E5": ("Elin Slutat", "Org/A", "employee", ""),
}
roster = write_roster(PEOPLE)
assert dk("init", "--framework", os.path.join(TOP, "tests/data/framework/small.xml")).returncode == 0
assert dk("import", "roster", roster).returncode == 0
for pid in ("A1", "H1", "C1", "E1", "E2", "E3"):
    assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid
assert dk("user", "grant", "A1", "admin").returncode == 0
assert dk("user", "grant", "H1", "hr").returncode == 0
assert dk("user", "grant", "C1", "coordinator:Org/A").returncode == 0

# `user list` is the accounts' view, as /admin/users shows it
listed = dk("user", "list", "--format", "csv").stdout.splitlines()
check(listed[:3] == ["person,name,password,state,grants", "A1,Adam Adminsson,set,active,admin",
                     "C1,Cecilia Samordnare,set,active,coordinator:Org/A"], "user list: %r" % listed[:3])
listed = dk("user", "list", "--lang", "sv").stdout.splitlines()
check(listed[0] == "Konton" and listed[2].split() == ["Person", "Namn", "Lösenord", "Läge", "Behörigheter"]
      and listed[4].split() == ["A1", "Adam", "Adminsson", "satt", "aktivt", "admin"], "user list in Swedish: %r" % listed)

set_clock(START)
srv = Server()
admin = Browser(srv)
check(admin.sign_in("A1").status == 303, "the admin signs in")
page = admin.get("/admin/users")
check(page.status == 200, "GET /admin/users: %d" % page.status)
for pid, (name, *_rest) in PEOPLE.items():
    if pid not in ("E4", "E5"):   # no account yet
        check(pid in page.text and name in page.text, "/admin/users lacks %s" % pid)
check('href="/admin/people/E1/erase"' in page.text and 'href="/admin/people/E1/data.json"' in page.text,
      "/admin/users does not link E1's data and erasure")
check('href="/admin/people/A1/erase"' not in page.text, "/admin/users offers the admin to erase herself")
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

# ---- erasing a person ----------------------------------------------------------------
def exists(pid):
    return dk("person", "export", pid).returncode == 0


ERASE_ROUTES = [("GET", "/admin/people/E1/erase"), ("POST", "/admin/people/E1/erase"),
                ("POST", "/admin/invitations")]
for pid in ("H1", "C1", "E1"):
    b = Browser(srv)
    b.sign_in(pid)
    for method, path in ERASE_ROUTES:
        r = b.get(path) if method == "GET" else b.post(path, {"confirm": "E1", "person": "E4"})
        check(r.status == 404, "%s %s as %s: %d, not 404" % (method, path, pid, r.status))
check(exists("E1"), "a non-admin's POST erased E1")
check("E4" not in accounts(), "a non-admin's POST invited E4")

page = admin.get("/admin/people/E1/erase")
check(page.status == 200, "GET /admin/people/E1/erase: %d" % page.status)
for want in ("Eva Anställdsdotter", "E1", 'href="/admin/people/E1/data.json"', 'name="confirm"',
             'action="/admin/people/E1/erase"', "<dd>1</dd>"):
    check(want in page.text, "the confirmation page lacks %r:\n%s" % (want, page.text[:4000]))
check(exists("E1"), "the confirmation page erased E1")

for typed in ("E2", "e1", ""):
    r = admin.post("/admin/people/E1/erase", {"confirm": typed}, csrf_from="/admin/people/E1/erase")
    check(r.status == 400 and 'id="confirm-error"' in r.text and 'value="%s"' % typed in r.text
          and "Type the id exactly as shown: E1." in r.text,
          "a wrong confirmation %r: %d, field and message:\n%s" % (typed, r.status, r.text[:3000]))
    check(exists("E1"), "a wrong confirmation %r erased E1" % typed)
r = admin.request("POST", "/admin/people/E1/erase", {"confirm": "E1", "csrf": "0" * 64})
check(r.status == 403 and exists("E1"), "an erasure without its CSRF token: %d" % r.status)

for method in ("GET", "POST"):
    r = admin.get("/admin/people/A1/erase") if method == "GET" else \
        admin.post("/admin/people/A1/erase", {"confirm": "A1"}, csrf_from="/admin/users")
    # the page says why (200); a change refused is 409
    check(r.status == (200 if method == "GET" else 409) and "You cannot erase yourself here" in r.text
          and exists("A1"),
          "%s erasing herself: %d\n%s" % (method, r.status, r.text[:2000]))
    r = admin.get("/admin/people/NOBODY/erase") if method == "GET" else \
        admin.post("/admin/people/NOBODY/erase", {"confirm": "NOBODY"}, csrf_from="/admin/users")
    check(r.status == 404 and "There is nobody with the id NOBODY" in r.text,
          "%s erasing nobody: %d\n%s" % (method, r.status, r.text[:2000]))

audit_before = dk("audit", "E2").stdout
r = admin.post("/admin/people/E1/erase", {"confirm": " E1 "}, csrf_from="/admin/people/E1/erase")
check(r.status == 200 and "Eva Anställdsdotter (E1) is erased." in r.text and "not yet overwritten" not in r.text,
      "the erasure of E1: %d\n%s" % (r.status, r.text[:3000]))
check(not exists("E1"), "E1 is still in the store after the erasure")
check("E1" not in accounts(), "E1's account is still listed")
audit_e2 = dk("audit", "E2").stdout
new_rows = [l for l in audit_e2.splitlines() if l not in audit_before.splitlines()]
check(any("(erased)" in l and "A1" in l for l in new_rows),
      "E2's lost manager is not audited as (erased) by A1:\n" + audit_e2)
check("E1" not in audit_e2, "E2's audit still names E1:\n" + audit_e2)
check(admin.get("/admin/people/E1/erase").status == 404, "the erased E1 still has a confirmation page")

# another connection reading the store holds the log back: erased, but the
# page says the bytes are not yet overwritten
reader = sqlite3.connect(DB, isolation_level=None)
reader.execute("BEGIN")
reader.execute("SELECT count(*) FROM person").fetchone()
r = admin.post("/admin/people/E3/erase", {"confirm": "E3"}, csrf_from="/admin/people/E3/erase")
reader.execute("COMMIT")
reader.close()
check(r.status == 200 and "Elsa Tredjesdotter (E3) is erased." in r.text and "not yet overwritten" in r.text,
      "the erasure of E3 behind a reader: %d\n%s" % (r.status, r.text[:3000]))
check(not exists("E3"), "E3 is still in the store after the erasure")

# ---- an invitation link from the browser -----------------------------------------------
def invite(pid):
    return admin.post("/admin/invitations", {"person": pid}, csrf_from="/admin/users")


# E5 leaves: a --full roster without her marks her inactive
still = {pid: p for pid, p in PEOPLE.items() if pid != "E5"}
assert dk("import", "roster", "--full", write_roster(still)).returncode == 0
invitations = sql("SELECT count(*) FROM invitation")
for bad, why in (("NOBODY", "Nobody in the staff list has this id."),
                 ("E2", "account is disabled: an invitation would not work"),
                 ("E5", "E5 is no longer in the staff list: they cannot be invited")):
    r = invite(bad)
    check(r.status == 400 and 'id="invite-person-error"' in r.text and 'value="%s"' % bad in r.text
          and why in r.text, "inviting %s: %d\n%s" % (bad, r.status, r.text[:3000]))
check("E4" not in accounts() and "E5" not in accounts(), "a refused invitation made an account")
check(sql("SELECT count(*) FROM invitation") == invitations, "a refused invitation was stored")
r = admin.request("POST", "/admin/invitations", {"person": "E4", "csrf": "0" * 64})
check(r.status == 403 and "E4" not in accounts(), "an invitation without its CSRF token: %d" % r.status)

r = invite("E4")
link = re.search(r"http://127\.0\.0\.1:%d/invite/([0-9a-f]{64})" % srv.port, r.text)
until = time.strftime("%Y-%m-%d", time.localtime(START + 14 * 24 * 3600))
check(r.status == 200 and link and until in r.text and "Erik Nykomling" in r.text and "e4@example.se" in r.text,
      "the invitation of E4: %d, its link and expiry %s:\n%s" % (r.status, until, r.text[:3000]))
audit_e4 = dk("audit", "E4").stdout
check(any("invitation" in l and "A1" in l for l in audit_e4.splitlines()),
      "the invitation is not audited with A1:\n" + audit_e4)
if link:
    path = "/invite/" + link.group(1)
    e4 = Browser(srv)
    check(e4.get(path).status == 200, "the invitation's page")
    r = e4.post(path, {}, csrf_from=path)
    check(r.status == 303, "signing in with the invitation: %d" % r.status)
    check("Erik Nykomling" in e4.get("/").text, "the invitation did not sign E4 in")
    again = Browser(srv)
    check(again.get(path).status == 410, "the invitation works twice")
    check(again.post(path, {}, csrf_from="/login").status == 410, "the invitation signs in twice")


srv.stop()
sys.exit(finish("t_serve_admin"))
