#!/usr/bin/env python3
# t_serve_audit.py — the admin's audit log of `digikomp serve` as a browser
# sees it (run by t_serve_audit.sh; the standard library only).
#
#   python3 t_serve_audit.py DIGIKOMP TOP SCRATCH
#
# /admin/audit lists every change newest first with who made it; each filter
# (person, actor, kind, from, to) narrows to the rows the store holds for it;
# 50 rows a page, with links to newer and older pages; an unshared
# self-rating shows its field but not its values; an erased actor reads
# "(erased)"; what changed and its field are in the reader's language; the
# form keeps what was typed, a bad filter is 400 with the message at its
# field; HR, a manager and an employee get 404.  A change made through the
# server is dated by its clock (DIGIKOMP_CLOCK_FILE).
import html
import os
import re
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
    "M1": ("Maja Chefsson", "Org/A", "manager", ""),
    "E1": ("Eva Anställdsdotter", "Org/A", "employee", "M1"),
    "E2": ("Emil Kollegasson", "Org/A", "employee", "M1"),
    "X1": ("Xena Slutarsson", "Org/A", "employee", ""),
}
os.environ["DIGIKOMP_USER"] = "hr:Hanna"
os.environ["TZ"] = "UTC"   # the server's local time, in which it dates changes
assert dk("init", "--framework", os.path.join(TOP, "tests/data/framework/small.xml")).returncode == 0
assert dk("import", "roster", write_roster(PEOPLE)).returncode == 0
assert dk("round", "open", "r1", "--title", "Runda 1", "--framework", "small").returncode == 0
# E1 keeps the self-rating to themself; E2 shares
import_ratings([["E1", "r1", "1.1", "2", "", "5", "", "", "no", ""],
                ["E2", "r1", "1.1", "3", "", "4", "", "", "yes", ""]])
os.environ["DIGIKOMP_USER"] = "E1"
assert dk("rate", "--self", "E1", "1.2", "4").returncode == 0
os.environ["DIGIKOMP_USER"] = "X1"
assert dk("plan", "create", "E2", "--round", "r1").returncode == 0
os.environ["DIGIKOMP_USER"] = "hr:Hanna"
# E2's manager adjusts a level and enters a motivation from paper
assert dk("rate", "--manager", "E2", "1.1", "4", "--reason", "Visade mer", "--by", "M1").returncode == 0
assert dk("rate", "--motivation", "E2", "1.1", "3", "--by", "M1").returncode == 0
for pid in ("A1", "H1", "M1", "E1"):
    assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid
assert dk("user", "grant", "A1", "admin").returncode == 0
assert dk("user", "grant", "H1", "hr").returncode == 0
assert dk("person", "erase", "X1", "--confirm").returncode == 0
# an old change, and one on the last second of a day, for the date filters
sql("UPDATE audit SET at = '2025-01-15T10:00:00' WHERE entity = 'round';"
    " UPDATE audit SET at = '2025-01-31T23:59:59' WHERE entity = 'plan'")
# 120 changes by one actor, for the pages
sql("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)"
    " INSERT INTO audit (at, actor, entity, person_id, field, old_value, new_value)"
    " SELECT '2026-03-01T08:00:00', 'bulk', 'person', (SELECT id FROM person WHERE ext_id = 'E2'),"
    " 'email', NULL, 'v' || i FROM n")


def cells(text):
    """The rows of the page's table: each a list of its cells' texts."""
    body = re.search(r"<tbody>(.*?)</tbody>", text, re.S)
    rows = re.findall(r"<tr>(.*?)</tr>", body.group(1), re.S) if body else []
    return [[html.unescape(re.sub(r"<[^>]+>", "", c))
             for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)] for row in rows]


def heads(text):
    return [html.unescape(re.sub(r"<[^>]+>", "", h)) for h in re.findall(r'<th scope="col">(.*?)</th>', text)]


def count(where):
    return int(sql("SELECT count(*) FROM audit WHERE " + where).strip())


set_clock(START)
srv = Server()
admin = Browser(srv)
check(admin.sign_in("A1").status == 303, "the admin signs in")
at = sql("SELECT at FROM audit WHERE field = 'sign-in' ORDER BY id DESC LIMIT 1").strip()
check(at == time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(START)),
      "the sign-in is dated %s, not by the server's clock (%s)" % (at, iso(START)))
newest = sql("SELECT actor || '|' || field FROM audit ORDER BY id DESC LIMIT 1").strip()
page = admin.get("/admin/audit")
check(page.status == 200, "GET /admin/audit: %d" % page.status)
rows = cells(page.text)
h = heads(page.text)
check(h == ["When", "By", "Person", "What", "Round", "Field", "Old", "New"], "the columns: %r" % h)
check(len(rows) == 50, "the first page has %d rows, not 50" % len(rows))
check(rows and "%s|%s" % (rows[0][1], rows[0][5]) == newest, "the newest change is not first: %r" % rows[:1])
check('href="/admin/audit?page=2"' in page.text and "Older changes" in page.text, "no link to the older page")
check("Newer changes" not in page.text, "the first page links to a newer one")

# every change with its actor, the erased one in words
every = []
for n in range(1, 10):
    p = admin.get("/admin/audit?page=%d" % n)
    every += cells(p.text)
    if "Older changes" not in p.text:
        break
check(len(every) == count("1"), "the pages hold %d rows, the store %d" % (len(every), count("1")))
by = {r[1] for r in every}
check({"hr:Hanna", "E1", "bulk", "(erased)"} <= by, "the actors shown: %r" % by)
check("X1" not in by, "the erased actor X1 is named")

# the pages of one actor: 50, 50, 20, newest first, none twice
seen = []
for n, size in ((1, 50), (2, 50), (3, 20)):
    p = admin.get("/admin/audit?actor=bulk&page=%d" % n)
    got = cells(p.text)
    check(len(got) == size, "actor=bulk page %d: %d rows, not %d" % (n, len(got), size))
    check(("Newer changes" in p.text) == (n > 1) and ("Older changes" in p.text) == (n < 3),
          "actor=bulk page %d: the links to newer and older pages" % n)
    if n == 2:
        check('href="/admin/audit?actor=bulk&amp;page=3"' in p.text and 'href="/admin/audit?actor=bulk"' in p.text,
              "the page links do not keep the filter:\n" + p.text[-2000:])
    seen += [r[7] for r in got]
check(seen == ["v%d" % i for i in range(120, 0, -1)], "the pages of actor=bulk are not newest first, each once")
p = admin.get("/admin/audit?actor=bulk&page=4")
check(p.status == 200 and "There are no older changes." in p.text and not cells(p.text), "past the last page")

# each filter narrows to the store's rows
for query, where, col, value in (
        ("actor=hr:Hanna", "actor = 'hr:Hanna'", 1, "hr:Hanna"),
        ("actor=(erased)", "actor = '(erased)'", 1, "(erased)"),
        ("kind=rating", "entity = 'rating'", 3, "rating"),
        ("kind=account", "entity = 'account'", 3, "account"),
        ("from=2025-01-01&to=2025-01-31", "at < '2025-02'", None, None),
        ("to=2025-01-15", "at < '2025-01-16'", None, None),
        ("from=2025-01-31&to=2025-01-31", "at LIKE '2025-01-31%'", 3, "plan"),
        ("kind=person&actor=hr:Hanna", "entity = 'person' AND actor = 'hr:Hanna'", 3, "person")):
    got = cells(admin.get("/admin/audit?" + query).text)
    check(len(got) == count(where) > 0, "%s: %d rows, the store %d" % (query, len(got), count(where)))
    check(col is None or all(r[col] == value for r in got), "%s: a row of another value: %r" % (query, got))

# a person's changes: as `digikomp audit` lists them, newest first, the
# unshared values hidden, the field and time shown
p = admin.get("/admin/audit?person=E1")
check(p.status == 200, "person=E1: %d" % p.status)
got = cells(p.text)
check(heads(p.text) == ["When", "By", "What", "Round", "Field", "Old", "New"], "person=E1 columns: %r" % heads(p.text))
cli = [l for l in dk("audit", "E1", "--format", "csv").stdout.splitlines()[1:] if l]
check(len(got) == len(cli), "person=E1: %d rows, digikomp audit %d" % (len(got), len(cli)))
self12 = [r for r in got if r[4] == "self 1.2"]
check(len(self12) == 1 and self12[0][5:] == ["(not shared)", "(not shared)"] and self12[0][1] == "E1",
      "E1's unshared self 1.2 row: %r" % self12)
imported = [r for r in got if r[4] == "import"]
check(len(imported) == 1 and "self (not shared)" in imported[0][6] and "motivation (not shared)" in imported[0][6],
      "E1's import row: %r" % imported)
check(not [r for r in got for v in r[5:] if re.search(r"(self|motivation) [0-9?]|^[0-9]$", v)],
      "an unshared level is on the page: %r" % got)
check(got and got[-1][4] == "added", "person=E1 is not newest first: %r" % got[-1:])
# in the whole log too
rows = [r for r in every if r[2] == "E1" and r[5] == "self 1.2"]
check(len(rows) == 1 and rows[0][6:] == ["(not shared)", "(not shared)"], "E1's self 1.2 in the log: %r" % rows)
# a shared one shows its values
shared = cells(admin.get("/admin/audit?person=E2&kind=rating").text)
check(any("self 3" in r[6] and "motivation 4" in r[6] for r in shared), "E2's shared import: %r" % shared)

# the form keeps the values typed
p = admin.get("/admin/audit?person=E1&actor=E1&kind=rating&from=2026-01-01&to=2099-12-31")
check(p.status == 200 and len(cells(p.text)) == 1, "all filters: %d, %r" % (p.status, cells(p.text)))
for name, value in (("person", "E1"), ("actor", "E1"), ("from", "2026-01-01"), ("to", "2099-12-31")):
    check(re.search(r'<input type="text" id="audit-%s" name="%s" value="%s"' % (name, name, value), p.text),
          "the field %s does not keep %s" % (name, value))
check('<option value="rating" selected="">' in p.text, "the kind is not kept")
for label in ("audit-person", "audit-actor", "audit-kind", "audit-from", "audit-to"):
    check('<label for="%s">' % label in p.text, "the field %s has no label" % label)

# an honest empty state
p = admin.get("/admin/audit?actor=nobody-at-all")
check(p.status == 200 and "No change matches these filters." in p.text and not cells(p.text), "no match")

# a bad filter: 400, the form, the message at the field, the value kept
for query, field, kept in (("kind=bogus", "kind", None), ("from=2025-13-01", "from", "2025-13-01"),
                           ("from=2025-02-01&to=2025-01-01", "to", "2025-01-01"),
                           ("person=NOBODY", "person", "NOBODY")):
    p = admin.get("/admin/audit?" + query)
    check(p.status == 400 and 'id="audit-%s-error"' % field in p.text and not cells(p.text),
          "%s: %d, the message at %s:\n%s" % (query, p.status, field, p.text[:3000]))
    check(kept is None or 'name="%s" value="%s"' % (field, kept) in p.text, "%s: the value is not kept" % query)
p = admin.get("/admin/audit?page=0")
check(p.status == 400 and "There is no page" in p.text, "page=0: %d" % p.status)

# Swedish
sv = Browser(srv)
sv.sign_in("A1")
p = sv.get("/admin/audit?actor=E1", headers={"Accept-Language": "sv"})
check("<h1>Granskningslogg</h1>" in p.text and "Visa ändringarna" in p.text, "the page is not in Swedish:\n" + p.text[:2000])
# what changed, in the reader's words: the store keeps the code "rating"
what = [r[3] for r in cells(p.text)]
check(what and set(what) == {"skattning"}, "the kinds of E1's changes in Swedish: %r" % what)
for kind, word in (("account", "konto"), ("round", "omgång"), ("plan", "plan"), ("framework", "ramverk")):
    what = {r[3] for r in cells(sv.get("/admin/audit?kind=" + kind, headers={"Accept-Language": "sv"}).text)}
    check(what == {word}, "kind=%s in Swedish: %r, not %s" % (kind, what, word))
check({r[3] for r in cells(admin.get("/admin/audit?actor=E1").text)} == {"rating"}, "the kind in English is not 'rating'")
# the field too (third from the end): the store keeps its code ("self 1.2"),
# English shows it as it is
for query, codes, words in (
        ("person=E1", {"self 1.2", "added", "import"}, {"självskattning 1.2", "tillagd", "import"}),
        ("person=E2&kind=rating", {"manager 1.1", "motivation 1.1"}, {"chefens nivå 1.1", "motivation 1.1"}),
        ("kind=round", {"state"}, {"status"})):
    got = {r[-3] for r in cells(sv.get("/admin/audit?" + query, headers={"Accept-Language": "sv"}).text)}
    check(words <= got and not (codes - words) & got, "%s: the fields in Swedish: %r" % (query, got))
    got = {r[-3] for r in cells(admin.get("/admin/audit?" + query).text)}
    check(codes <= got, "%s: the fields in English: %r" % (query, got))

# the admin's links to it
users = admin.get("/admin/users").text
check('href="/admin/audit"' in users and 'href="/admin/audit?person=E1"' in users, "/admin/users does not link here")
check('href="/admin/audit"' in admin.get("/").text, "the start page does not link here")

# nobody else
for pid in ("H1", "M1", "E1"):
    b = Browser(srv)
    b.sign_in(pid)
    for path in ("/admin/audit", "/admin/audit?person=E1"):
        check(b.get(path).status == 404, "%s as %s is not 404" % (path, pid))
check(Browser(srv).get("/admin/audit").status in (303, 404), "signed out, /admin/audit shows something")

srv.stop()
sys.exit(finish("t_serve_audit"))
