#!/usr/bin/env python3
# t_serve_reports.py — HR's reports and rounds of `digikomp serve` as a
# browser sees them (run by t_serve_reports.sh; the standard library only).
#
#   python3 t_serve_reports.py DIGIKOMP TOP SCRATCH
#
# HR reads each report with the figures of `digikomp report … --format csv`
# for the same options, as captioned tables, and downloads it as CSV, JSON,
# XLSX and PDF; a coordinator reads only their unit and below (any other
# unit, and the reports of the whole organisation, are 404); an employee
# and a manager get 404; a bad field is 400 with the form and the message
# at the field.  HR opens and closes a round by POST, checked in the store
# and the audit.
import difflib
import io
import json
import os
import re
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib  # noqa: E402
serve_lib.setup(*sys.argv[1:4])
from serve_lib import *  # noqa: E402,F401,F403

PEOPLE = {"M1": ("Maja Chefsson", "Org/A", "manager", "")}
for i in range(1, 8):
    PEOPLE["A%d" % i] = ("Anna %d" % i, "Org/A/X", "employee", "M1")
for i in range(1, 4):
    PEOPLE["B%d" % i] = ("Bo %d" % i, "Org/B", "employee", "")
PEOPLE["C1"] = ("Cecilia Samordnare", "Org/A", "employee", "")
PEOPLE["H1"] = ("Hanna Personalsson", "Org", "employee", "")
roster = write_roster(PEOPLE)
assert dk("init", "--framework", os.path.join(TOP, "tests/data/framework/small.xml")).returncode == 0
assert dk("import", "roster", roster).returncode == 0
assert dk("round", "open", "r0", "--title", "Runda 0", "--framework", "small", now=START - 86400 * 400).returncode == 0
import_ratings([[pid, "r0", "1.1", str(1 + n % 4), "", "3", "", "", "yes", ""]
                for n, pid in enumerate(PEOPLE) if pid != "H1"], round="r0")
assert dk("round", "close", "r0", now=START - 86400 * 300).returncode == 0
assert dk("round", "open", "r1", "--title", "Runda 1", "--framework", "small", now=START - 86400 * 10).returncode == 0
import_ratings([[pid, "r1", c, str(1 + (n + int(c[-1])) % 5), "", "4", "", "", "yes", "2026-09-01" if n % 2 else ""]
                for n, pid in enumerate(PEOPLE) if pid not in ("H1", "B3") for c in ("1.1", "1.2")])
assert dk("catalogue", "import", os.path.join(TOP, "tests/data/catalogue/good.xml")).returncode == 0
for pid in PEOPLE:
    assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid
assert dk("user", "grant", "H1", "hr").returncode == 0
assert dk("user", "grant", "C1", "coordinator:Org/A").returncode == 0

set_clock(START)
srv = Server("--lang", "en")
hr, coord, emp, mgr = Browser(srv), Browser(srv), Browser(srv), Browser(srv)
for b, pid in ((hr, "H1"), (coord, "C1"), (emp, "A1"), (mgr, "M1")):
    check(b.sign_in(pid).status == 303, "%s signs in" % pid)


def cli_csv(kind, *options):
    """The CLI's CSV, its bytes as they are (CRLF line ends)."""
    p = subprocess.run([serve_lib.DK, "report", kind, "--lang", "en", "--format", "csv", *options],
                       capture_output=True, env=dict(os.environ, DIGIKOMP_DB=serve_lib.DB))
    check(p.returncode == 0, "digikomp report %s %s" % (kind, " ".join(options)))
    return p.stdout.decode("utf-8")


# ---- HR: the same figures as the CLI, for the same options -------------------------
CASES = [
    ("needs", "round=r1", ["--round", "r1"]),
    ("needs", "round=r1&by=unit", ["--round", "r1", "--by", "unit"]),
    ("needs", "round=r1&by=unit%2Carea&compare=r0", ["--round", "r1", "--by", "unit,area", "--compare", "r0"]),
    ("average", "round=r1&by=competence&compare=r0&panel=1", ["--round", "r1", "--by", "competence",
                                                              "--compare", "r0", "--panel"]),
    ("motivation", "round=r1&by=role", ["--round", "r1", "--by", "role"]),
    ("response", "round=r1&by=unit&unit=Org%2FA", ["--round", "r1", "--by", "unit", "--unit", "Org/A"]),
    ("conversations", "round=r1&by=gender", ["--round", "r1", "--by", "gender"]),
    ("summary", "round=r1&compare=r0", ["--round", "r1", "--compare", "r0"]),
    ("coverage", "round=r1", ["--round", "r1"]),
    ("goals", "round=r1", ["--round", "r1"]),
    ("participation", "", []),
]
for kind, query, options in CASES:
    want = cli_csv(kind, *options)
    r = hr.get("/reports/%s?%s&format=csv" % (kind, query))
    check(r.status == 200 and r.text == want, "HR's %s?%s as CSV differs from the CLI's: %s"
          % (kind, query, "".join(difflib.unified_diff(want.splitlines(True), r.text.splitlines(True)))[:800]))
    check(r.getheader("Content-Type") == "text/csv; charset=utf-8", "%s: CSV type" % kind)
    check(re.fullmatch(r'attachment; filename="%s(-r1)?\.csv"' % kind,
                       r.getheader("Content-Disposition") or "") is not None,
          "%s: CSV disposition %s" % (kind, r.getheader("Content-Disposition")))
    page = hr.get("/reports/%s?%s" % (kind, query))
    check(page.status == 200, "HR's %s page: %d" % (kind, page.status))
    check("<caption>" in page.text and 'scope="col"' in page.text, "%s: no caption or scoped headings" % kind)
    check("format=xlsx" in page.text and "format=pdf" in page.text, "%s: no downloads" % kind)
# a suppressed cell shows – and never a value: Org/B has 3 people, fewer than k = 5
byunit = hr.get("/reports/needs?round=r1&by=unit").text
check("–" in byunit, "no suppressed cell in needs by unit")
# the page has the chart that core draws
check("<svg" in hr.get("/reports/needs?round=r1&compare=r0").text, "no chart on a comparison")

# the downloads: types, and the same values as the CLI's
want = json.loads(dk("report", "needs", "--lang", "en", "--round", "r1", "--by", "unit", "--format",
                     "json").stdout)
r = hr.get("/reports/needs?round=r1&by=unit&format=json")
check(r.getheader("Content-Type") == "application/json" and json.loads(r.text) == want, "JSON differs")
r = hr.get("/reports/needs?round=r1&by=unit&format=xlsx")
check(r.getheader("Content-Type") == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "XLSX type %s" % r.getheader("Content-Type"))
xlsx = os.path.join(T, "cli.xlsx")
dk("report", "needs", "--lang", "en", "--round", "r1", "--by", "unit", "--format", "xlsx", "--output", xlsx)


def sheets(data):
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/") or "sharedStrings" in n}


with open(xlsx, "rb") as f:
    check(sheets(r.data) == sheets(f.read()), "XLSX values differ from the CLI's")
r = hr.get("/reports/needs?round=r1&by=unit&format=pdf")
check(r.getheader("Content-Type") == "application/pdf" and r.data.startswith(b"%PDF"), "PDF")
check(r.getheader("Content-Disposition") == 'attachment; filename="needs-r1.pdf"', "PDF disposition")

# ---- a coordinator: their unit and below only ----------------------------------------
r = coord.get("/reports/needs?round=r1&by=unit&format=csv")
check(r.status == 200 and r.text == cli_csv("needs", "--round", "r1", "--by", "unit", "--unit", "Org/A"),
      "the coordinator's report is not their unit's")
check("Org/B" not in r.text, "the coordinator sees Org/B")
check(coord.get("/reports/needs?round=r1&unit=Org%2FA%2FX").status == 200, "the coordinator's sub-unit")
for path in ("/reports/needs?unit=Org%2FB", "/reports/needs?unit=Org", "/reports/summary",
             "/reports/participation", "/reports/needs?unit=Org%2FB&format=csv", "/rounds"):
    check(coord.get(path).status == 404, "the coordinator reaches %s" % path)
index = coord.get("/reports").text
check("/reports/needs" in index and "/reports/summary" not in index, "the coordinator's list of reports")
# ---- an employee and a manager: nothing -------------------------------------------------
for b, who in ((emp, "employee"), (mgr, "manager")):
    for path in ("/reports", "/reports/needs", "/reports/needs?format=csv", "/rounds"):
        check(b.get(path).status == 404, "the %s reaches %s" % (who, path))

# ---- bad input: 400, the form again, the message at its field ----------------------------
for query, name, words in (("compare=nope", "compare", "no round"),
                           ("round=r0&compare=r1", "compare", "not earlier"),
                           ("by=bogus", "by", "grouping"),
                           ("unit=..%2Fx", "unit", "unit path"),
                           ("panel=1", "panel", "compares two rounds"),
                           ("round=zz", "round", "no round")):
    r = hr.get("/reports/needs?" + query)
    m = re.search(r'<p class="error" role="alert" id="report-%s-error">([^<]*)</p>' % name, r.text)
    check(r.status == 400 and m is not None and words in m.group(1).lower(),
          "needs?%s: %d, no message at %s" % (query, r.status, name))
    check(re.search(r'id="report-%s" name="%s"[^>]*aria-invalid="true"' % (name, name), r.text) is not None,
          "needs?%s: the field is not marked" % query)
r = hr.get("/reports/participation?from=2026-13-01")
check(r.status == 400 and 'id="report-from-error"' in r.text, "a bad date")
# a period is a calendar year or a half of one, as on the command line: a day's
# difference would give that day's participants; what was typed stays in the form
for query, name, words in (("from=2026-01-15&to=2026-06-30", "from", "start on 2026-01-01 or 2026-07-01"),
                           ("from=2026-01-01&to=2026-03-31", "to", "end on 2026-06-30 or 2026-12-31"),
                           ("from=2026-07-01&to=2027-06-30", "to", "end on 2026-12-31")):
    for kind in ("participation", "summary"):
        r = hr.get("/reports/%s?%s" % (kind, query))
        m = re.search(r'<p class="error" role="alert" id="report-%s-error">([^<]*)</p>' % name, r.text)
        check(r.status == 400 and m is not None and words in m.group(1), "%s?%s: %d" % (kind, query, r.status))
        check('value="%s"' % query.split("&")[0 if name == "from" else 1].split("=")[1] in r.text,
              "%s?%s: what was typed is lost" % (kind, query))
check(hr.get("/reports/participation?from=2026-01-01&to=2026-06-30").status == 200, "a half-year")
check(hr.get("/reports/nope").status == 404, "an unknown report")

# ---- rounds: follow, open, close ---------------------------------------------------------
page = hr.get("/rounds")
check(page.status == 200 and "r0" in page.text and "Runda 1" in page.text, "the rounds list")
check("Response rate" in page.text and "Org/A" in page.text, "the running round's rates per unit")
check("Anna 1" not in page.text, "the rounds page names a person")
before = sql("SELECT * FROM round; SELECT count(*) FROM audit;")
r = hr.request("POST", "/rounds", {"action": "open", "code": "r2", "title": "Runda 2", "framework": "small@1"})
check(r.status == 403 and sql("SELECT * FROM round; SELECT count(*) FROM audit;") == before,
      "a POST without its CSRF token")
r = hr.post("/rounds", {"action": "open", "code": "r1", "title": "Again", "framework": "small@1"}, csrf_from="/rounds")
check(r.status == 400 and 'id="round-code-error"' in r.text, "opening r1 again: %d" % r.status)
check('name="code" value="r1"' in r.text and 'name="title" value="Again"' in r.text
      and re.search(r'<option value="small@1" selected', r.text) is not None,
      "the refused form does not keep what was typed and chosen:\n" + r.text[:3000])
r = hr.post("/rounds", {"action": "open", "code": "r2", "title": "", "framework": "small@1"}, csrf_from="/rounds")
check(r.status == 400 and 'id="round-title-error"' in r.text, "a round without a title")
check(sql("SELECT * FROM round; SELECT count(*) FROM audit;") == before, "a refused round changed the store")
r = hr.post("/rounds", {"action": "close", "round": "r1"}, csrf_from="/rounds")
check(r.status == 303 and r.getheader("Location") == "/rounds", "closing r1: %d" % r.status)
check(sql("SELECT state FROM round WHERE code = 'r1'").strip() == "closed", "r1 is not closed")
r = hr.post("/rounds", {"action": "open", "code": "r2", "title": "Runda 2", "framework": "small@1"},
            csrf_from="/rounds")
check(r.status == 303, "opening r2: %d" % r.status)
check(sql("SELECT title, state FROM round WHERE code = 'r2'").strip() == "Runda 2|open", "r2 is not open")
actors = sql("SELECT actor FROM audit WHERE entity = 'round' ORDER BY id DESC LIMIT 2")
check(actors == "H1\nH1\n", "the rounds' audit names %r, not H1" % actors)
# (digikomp audit lists a person's changes; a round's are in the same table)
check(hr.post("/rounds", {"action": "close", "round": "nope"}, csrf_from="/rounds").status == 400,
      "closing no round")
check(mgr.post("/rounds", {"action": "close", "round": "r2"}).status == 404, "a manager closes a round")

rc, log = srv.stop()
check(rc == 0, "the server's exit: %d" % rc)
sys.exit(finish("serve_reports"))
