#!/usr/bin/env python3
# t_serve_paper.py — a manager enters a person's paper form in `digikomp
# serve` (run by t_serve_paper.sh; the standard library only).
#
#   python3 t_serve_paper.py DIGIKOMP TOP SCRATCH
#
# The manager enters levels, "?" and motivation from paper: the store has
# them, shared; the audit names the manager as actor, the person, and
# "paper"; the person sees them on their own /assessment and can change
# them.  What the person entered in the browser themself is shown and never
# replaced without the manager ticking to replace it.  Another manager and
# the employee get 404; a POST without its CSRF token stores nothing; a
# refused form keeps what was typed and stores nothing.  The CLI's
# `rate --self PERSON C LEVEL --by MANAGER` audits alike.
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib  # noqa: E402
serve_lib.setup(*sys.argv[1:4])
from serve_lib import *  # noqa: E402,F401,F403

PEOPLE = {
    # id: (name, unit, role, manager)
    "M1": ("Maja Chefsson", "Org/A", "manager", ""),
    "E1": ("Eva Pappersdotter", "Org/A/X", "employee", "M1"),
    "E2": ("Emil Webbsson", "Org/A/X", "employee", "M1"),
    "E4": ("Ebba Kommandodotter", "Org/A/X", "employee", "M1"),
    "M2": ("Mats Andrechef", "Org/B", "manager", ""),
    "E3": ("Erik Annanenhet", "Org/B/Y", "employee", "M2"),
}
roster = write_roster(PEOPLE)
assert dk("init", "--framework", os.path.join(TOP, "tests/data/framework/small.xml")).returncode == 0
assert dk("import", "roster", roster).returncode == 0
assert dk("round", "open", "r1", "--title", "Runda 1", "--framework", "small", now=START - 86400 * 10).returncode == 0
for pid in PEOPLE:
    assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid


def stored():
    return sql("SELECT person_id, flags, hex(levels), shared_at FROM assessment ORDER BY person_id;"
               "SELECT * FROM rating_note ORDER BY person_id, competence;"
               "SELECT count(*) FROM audit WHERE entity <> 'account';")


def shared(pid):
    return json.loads(dk("person", "export", pid).stdout)


def checked(page, name, value):
    return re.search(r'<input type="radio" id="[^"]*" name="%s" value="%s" checked=""'
                     % (re.escape(name), re.escape(value)), page) is not None


set_clock(START)
srv = Server()
m1, m2, e1, e2 = Browser(srv), Browser(srv), Browser(srv), Browser(srv)
for b, pid in ((m1, "M1"), (m2, "M2"), (e1, "E1"), (e2, "E2")):
    check(b.sign_in(pid).status == 303, pid + " signs in")

# ---- the links --------------------------------------------------------------------------------
t = m1.get("/team").text
check('href="/people/E1/assessment"' in t and "Enter a paper form" in t, "the team page has no paper link")
r = m1.get("/people/E1/conversation")
check(r.status == 200 and 'href="/people/E1/assessment"' in r.text, "the conversation has no paper link")

# ---- who may: the recorded manager only -------------------------------------------------------
before = stored()
for b, path, who in ((m2, "/people/E1/assessment", "another manager"), (e1, "/people/E1/assessment", "the employee"),
                     (m1, "/people/E3/assessment", "another manager's person"),
                     (m1, "/people/NOBODY/assessment", "nobody")):
    check(b.get(path).status == 404, "GET: %s: not 404" % who)
    r = b.post(path, {"round": "r1", "area": "1", "level-1.1": "1"})
    check(r.status == 404, "POST: %s: %d" % (who, r.status))
check(stored() == before, "a refused person changed the store")

# ---- the page ---------------------------------------------------------------------------------
r = m1.get("/people/E1/assessment")
t = r.text
check(r.status == 200 and "Eva Pappersdotter" in t and "paper form" in t, "the paper page: %d" % r.status)
check("counts as shared" in t and "can still change" in t, "the page does not say it counts as shared")
check('action="/people/E1/assessment"' in t and 'name="level-1.1"' in t and 'value="?"' in t
      and 'name="motivation-1.2"' in t, "the area form is not there")
check("already answered" not in t and 'name="replace"' not in t, "a warning without own answers")
# the questions are about the person, not the manager who types
check("How much does Eva Pappersdotter want to learn more in" in t and "do you want to learn" not in t,
      "the motivation question is not about Eva")
sv = html.unescape(m1.get("/people/E1/assessment", headers={"Accept-Language": "sv"}).text)
check("Hur mycket vill Eva Pappersdotter lära sig mer om" in sv and "vill du lära dig" not in sv,
      "the Swedish motivation question is not about Eva")

# CSRF
other = Browser(srv)
other.sign_in("M2")
for token in (None, "0" * 64, other.csrf("/")):
    fields = {"round": "r1", "area": "1", "level-1.1": "1"}
    if token:
        fields["csrf"] = token
    check(m1.request("POST", "/people/E1/assessment", fields).status == 403, "CSRF %r" % token)
check(stored() == before, "a POST without its CSRF token changed the store")

# a bad field: 400, the typed answers kept, nothing stored
r = m1.post("/people/E1/assessment", {"round": "r1", "area": "1", "level-1.1": "9", "level-1.2": "?",
                                      "motivation-1.1": "4", "motivation-1.2": "9", "level-2.1": "3",
                                      "comment-1.1": "Från <pappret>"})
check(r.status == 400 and "Nothing was saved" in r.text, "a level off the scale: %d" % r.status)
t = html.unescape(r.text)
check("choose how much Eva Pappersdotter wants to learn, 1 to 5" in t, "the motivation's error is not about Eva")
check("not part of the self-rating for Eva Pappersdotter's role" in t and "your role" not in t,
      "the competence's error is not about Eva's role")
check(checked(r.text, "level-1.2", "?") and checked(r.text, "motivation-1.1", "4")
      and "Från &lt;pappret&gt;</textarea>" in r.text, "the 400 page lost what was typed")
check(stored() == before, "a refused form changed the store")

# the paper form entered
r = m1.post("/people/E1/assessment", {"round": "r1", "area": "1", "level-1.1": "2", "level-1.2": "?",
                                      "motivation-1.1": "4", "motivation-1.2": "3",
                                      "comment-1.1": "Från pappret", "go": "next"})
check(r.status == 303 and r.getheader("Location") == "/people/E1/conversation", "entering: %d" % r.status)
check(level("E1", 0) == "2" and level("E1", 1) == "?" and level("E1", 0, "motivation") == "4"
      and level("E1", 1, "motivation") == "3", "the levels are not stored")
sheet = dk("conversation", "E1", "--format", "csv").stdout
check("2" in sheet and "?" in sheet.replace("? (", "("), "the CLI's sheet:\n" + sheet)
exp = dk("person", "export", "E1").stdout
check('"shared"' in exp and re.search(r'"shared"\s*:\s*true', exp) is not None, "not shared:\n" + exp[:2000])
a = dk("audit", "E1").stdout
check(re.search(r"M1.*self 1\.1.*2 \(from paper\)", a) is not None, "the audit does not name M1 and paper:\n" + a)
check(re.search(r"M1.*motivation 1\.2.*3 \(from paper\)", a) is not None, "the motivation's audit:\n" + a)
check(re.search(r"M1.*shared.*yes \(from paper\)", a) is not None, "the sharing's audit:\n" + a)
check('"2 (paper)"' in dk("audit", "E1", "--format", "json").stdout, "the JSON audit lacks the stored marker")
check("2 (från papper)" in dk("audit", "E1", "--lang", "sv").stdout, "the Swedish audit lacks the marker")
check("E1" in dk("audit", "E1", "--format", "csv").stdout, "the audit's person")
t = m1.get("/people/E1/conversation").text
check("Från pappret" in t and "not shared yet" not in t, "the conversation does not show the paper form")

# the employee sees it as their own, shared, and can change it
t = e1.get("/assessment").text
check(checked(t, "level-1.1", "2") and checked(t, "level-1.2", "?") and "Från pappret" in t,
      "the employee does not see the paper answers")
check("shared your self-rating" in t, "the employee's page does not say it is shared")
r = e1.post("/assessment", {"round": "r1", "area": "1", "level-1.1": "3", "go": "next"}, csrf_from="/assessment")
check(r.status == 303 and level("E1", 0) == "3", "the employee cannot change it: %d" % r.status)
check(re.search(r"E1.*self 1\.1.*2 .*3", dk("audit", "E1").stdout) is not None, "the employee's change")

# ---- the person's own answers are never silently replaced -------------------------------------
r = e2.post("/assessment", {"round": "r1", "area": "1", "level-1.1": "4", "motivation-1.1": "5"},
            csrf_from="/assessment")
check(r.status == 303 and level("E2", 0) == "4", "E2 rates in the browser: %d" % r.status)
t = m1.get("/people/E2/assessment").text
check("already answered" in t and "Emil Webbsson" in t and 'name="replace"' in t, "no warning of E2's answers")
check(re.search(r"<li>[^<]*1\.1|<li>“[^”]*”: their level: 4", t) is not None, "the warning does not show E2's level")
before = stored()
r = m1.post("/people/E2/assessment", {"round": "r1", "area": "1", "level-1.1": "1", "motivation-1.1": "5",
                                      "level-1.2": "2"})
check(r.status == 400 and "answered this themself" in r.text, "replacing without ticking: %d" % r.status)
check(checked(r.text, "level-1.1", "1") and checked(r.text, "level-1.2", "2"), "the 400 page lost what was typed")
check('aria-describedby="error-level-1.1' in r.text, "the error is not tied to its field")
check(stored() == before and level("E2", 0) == "4", "E2's own answer was replaced")
# the same value as E2's, and a new one: no conflict
r = m1.post("/people/E2/assessment", {"round": "r1", "area": "1", "level-1.1": "4", "level-1.2": "2"})
check(r.status == 303 and level("E2", 0) == "4" and level("E2", 1) == "2", "keeping E2's own answer: %d" % r.status)
r = m1.post("/people/E2/assessment", {"round": "r1", "area": "1", "level-1.1": "1", "replace": "yes"})
check(r.status == 303 and level("E2", 0) == "1", "replacing after ticking: %d" % r.status)
check(re.search(r"M1.*self 1\.1.*4.*1 \(from paper\)", dk("audit", "E2").stdout) is not None, "the replacement's audit")

# ---- the CLI: the same core path, audited alike -----------------------------------------------
before = stored()
p = dk("rate", "--self", "E3", "1.1", "3", "--by", "M1")
check(p.returncode != 0 and "not E3's manager" in p.stderr, "the CLI let M1 enter E3's form: " + p.stderr)
check(stored() == before, "a refused CLI entry changed the store")
p = dk("rate", "--self", "E4", "1.1", "?", "--by", "M1")
check(p.returncode == 0 and level("E4", 0) == "?", "the CLI's paper entry: " + p.stderr)
p = dk("rate", "--motivation", "E4", "1.1", "2", "--by", "M1")
check(p.returncode == 0 and level("E4", 0, "motivation") == "2", "the CLI's motivation: " + p.stderr)
a = dk("audit", "E4").stdout
check(re.search(r"M1.*self 1\.1.*\? \(from paper\)", a) and re.search(r"M1.*shared.*yes \(from paper\)", a),
      "the CLI's audit:\n" + a)

# ---- a closed round: read only, nothing stored --------------------------------------------------
assert dk("round", "close", "r1").returncode == 0
before = stored()
r = m1.get("/people/E1/assessment")
check(r.status == 200 and "can no longer change" in r.text and "<form" not in r.text.split("</header>")[-1],
      "the closed round's paper page: %d" % r.status)
r = m1.post("/people/E1/assessment", {"round": "r1", "area": "1", "level-1.1": "1"})
check(r.status == 409 and stored() == before, "entering in a closed round: %d" % r.status)
check("The answers cannot change any more" in r.text and "your answers" not in r.text,
      "the closed round's refusal speaks to the manager as the person")

srv.stop()
sys.exit(finish("t_serve_paper"))
