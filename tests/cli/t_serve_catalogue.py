#!/usr/bin/env python3
# t_serve_catalogue.py — /catalogue from outside (run by t_serve_catalogue.sh):
# a search by words (title, description, a competence's id or title, in
# either language) and by competence narrows the list and says how many
# match; an employee sees what is open to them and no link to HR's reports,
# which are 404 for them; HR sees every activity and, as a coordinator does,
# the links to the coverage report and its wishes, which show what
# `digikomp report coverage` shows: a wish that fewer than k plans name is
# left out.
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib  # noqa: E402
serve_lib.setup(*sys.argv[1:4])
from serve_lib import *  # noqa: E402,F401,F403

PEOPLE = {"M1": ("Maja Chefsson", "Org/A", "manager", "", None)}
for i in range(1, 7):
    PEOPLE["E%d" % i] = ("Eva %d" % i, "Org/A/X", "employee", "M1", None)
PEOPLE["C1"] = ("Cecilia Samordnare", "Org/A", "employee", "", "coordinator:Org/A")
PEOPLE["H1"] = ("Hanna Personalsson", "Org", "employee", "", "hr")
build_org(PEOPLE)
# five plans wish for the same course, one for a course of its own
for pid in ("E1", "E2", "E3", "E4", "E5", "E6"):
    assert dk("plan", "create", pid, "--round", "r1").returncode == 0, pid
    wish = "Hemlig önskan" if pid == "E6" else "Kurs i kalkylark"
    assert dk("plan", "add", pid, "--round", "r1", "--competence", "1.1", "--wish", wish).returncode == 0, pid

set_clock(START)
srv = Server("--lang", "en")
b = {}
for pid in ("E1", "M1", "C1", "H1"):
    b[pid] = Browser(srv)
    check(b[pid].sign_in(pid).status == 303, pid + " signs in")


def titles(page):
    return re.findall(r"<h3>(.*?)</h3>", page)


def search(pid, query):
    r = b[pid].get("/catalogue?" + query)
    check(r.status == 200, "%s searches %s: %d" % (pid, query, r.status))
    return r.text


# an employee: the activities open to them, searched
page = b["E1"].get("/catalogue").text
check(titles(page) == ["Phishing exercise"], "the employee's catalogue: %s" % titles(page))
check('role="search"' in page and 'name="q"' in page and '<option value="1.1"' in page, "no search form")
check('role="status"' not in page, "a count without a search")
for query in ("q=phishing", "q=N%C3%84TFISKE", "q=k%C3%A4nn+igen", "q=protect+devices", "q=1.1", "competence=1.1",
              "q=exercise&competence=1.1"):
    page = search("E1", query)
    check(titles(page) == ["Phishing exercise"] and "Activities that match the search: 1." in page,
          "the search %s: %s" % (query, titles(page)))
for query in ("q=zzz", "q=phishing+chefer", "competence=1.2", "q=phishing&competence=9.9"):
    page = search("E1", query)
    check(titles(page) == [] and "No activity matches the search." in page, "the search %s: %s" % (query, titles(page)))
check('value="phishing chefer"' in search("E1", "q=phishing+chefer"), "the search field keeps the words")
check('<option value="1.1" selected' in search("E1", "competence=1.1"), "the competence stays chosen")

# the employee and the manager: no link to the reports, which are 404
for pid in ("E1", "M1"):
    page = b[pid].get("/catalogue").text
    check("/reports/coverage" not in page and "What the catalogue lacks" not in page, pid + " sees HR's links")
    for path in ("/reports/coverage", "/reports/coverage?round=r1", "/reports/goals"):
        check(b[pid].get(path).status == 404, "%s reaches %s" % (pid, path))


# HR: every activity, whoever it is open to, and the links
page = b["H1"].get("/catalogue").text
check(sorted(titles(page)) == ["Dataskydd för chefer", "Phishing exercise"], "HR's catalogue: %s" % titles(page))
check("<h1>The catalogue</h1>" in page, "HR's heading")
check('href="/reports/coverage"' in page and 'href="/reports/coverage#table-wishes"' in page, "HR's links")
check(titles(search("H1", "competence=1.2")) == ["Dataskydd för chefer"], "HR filters by competence")
# found by its competence's title in English, its own title Swedish only
check(titles(search("H1", "q=protect+data")) == ["Dataskydd för chefer"], "HR searches by a competence's title")

# the coverage report the links lead to: what the CLI shows, the rare wish left out
cli = subprocess.run([serve_lib.DK, "report", "coverage", "--lang", "en", "--format", "csv"], capture_output=True,
                     text=True, env=dict(os.environ, DIGIKOMP_DB=serve_lib.DB)).stdout
check("Kurs i kalkylark,5" in cli and "Hemlig" not in cli, "the CLI's coverage: " + cli)
r = b["H1"].get("/reports/coverage")
check(r.status == 200 and 'id="table-wishes"' in r.text and "Kurs i kalkylark" in r.text, "HR's coverage page")
check("Hemlig" not in r.text and "Wishes that fewer than 5 plans name are left out." in r.text,
      "the rare wish on HR's page")
check(b["H1"].get("/reports/coverage?format=csv").text.replace("\r\n", "\n") == cli.replace("\r\n", "\n"),
      "HR's coverage CSV differs from the CLI's")

# a coordinator: the links, and the coverage of their unit
page = b["C1"].get("/catalogue").text
check('href="/reports/coverage"' in page and 'href="/reports/coverage#table-wishes"' in page, "the coordinator's links")
r = b["C1"].get("/reports/coverage")
check(r.status == 200 and "Org/A" in r.text and "Kurs i kalkylark" in r.text and "Hemlig" not in r.text,
      "the coordinator's coverage: %d" % r.status)

srv.stop()
sys.exit(finish("t_serve_catalogue"))
