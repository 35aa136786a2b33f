#!/usr/bin/env python3
# t_serve_assessment.py — the employee's self-rating pages of `digikomp
# serve` as a browser sees them (run by t_serve_assessment.sh; the standard
# library only).
#
#   python3 t_serve_assessment.py DIGIKOMP TOP SCRATCH
#
# Rates an area, goes back, changes an answer, finds it again after signing
# out and in, reads what is unanswered, shares and changes after sharing;
# every bad form (a level off the scale, an unknown competence, one that does
# not apply to the role, no CSRF token) stores nothing and keeps the typed
# answers; a closed round is read-only; nobody sees another person's rating.
import html
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib  # noqa: E402
serve_lib.setup(*sys.argv[1:4])
from serve_lib import *  # noqa: E402,F401,F403

PEOPLE = {
    "M1": ("Maja Chefsson", "Org/A", "manager", ""),
    "E1": ("Eva Anställdsdotter", "Org/A/X", "employee", "M1"),
    "E2": ("Emil Kollegasson", "Org/A/X", "employee", "M1"),
}
roster = write_roster(PEOPLE)
assert dk("init", "--framework", os.path.join(TOP, "frameworks/kommun-digcomp-12.xml")).returncode == 0
assert dk("import", "roster", roster).returncode == 0
for pid in PEOPLE:
    assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid


def stored(pid="E1"):
    """Everything the store holds of PID's rating: levels, flags, notes, audit."""
    person = "(SELECT id FROM person WHERE ext_id = '%s')" % pid
    return sql("SELECT flags, hex(levels) FROM assessment WHERE person_id = %s;"
               "SELECT competence, comment FROM rating_note WHERE person_id = %s ORDER BY competence;"
               "SELECT count(*) FROM audit WHERE entity = 'rating' AND person_id = %s;"
               % (person, person, person))


def checked(page, name, value):
    """Whether the radio NAME=VALUE is checked in PAGE."""
    m = re.search(r'<input type="radio" id="[^"]*" name="%s" value="%s"([^>]*)>'
                  % (re.escape(name), re.escape(value)), page)
    return m is not None and "checked" in m.group(1)


set_clock(START)
srv = Server()
e1 = Browser(srv)
check(e1.sign_in("E1").status == 303, "E1 signs in")

# no open round: a plain page says so
r = e1.get("/assessment")
check(r.status == 200 and "There is no self-rating for you to do now" in r.text, "no round: %d" % r.status)
check(e1.get("/assessment/summary").status == 200, "no round: the summary")

assert dk("round", "open", "r1", "--title", "Runda 1", "--framework", "kommun-digcomp-12").returncode == 0

# ---- the first area -----------------------------------------------------------------------
r = e1.get("/assessment")
page = r.text
check(r.status == 200, "GET /assessment: %d" % r.status)
check("<h1>Area 1 of 5: " in page, "the heading of the first area")
check('name="level-1.1" value="3"' in page and 'name="level-1.2" value="?"' in page,
      "the level choices of area 1")
check('name="motivation-1.1" value="5"' in page and 'name="comment-1.2"' in page,
      "the motivation and comment of area 1")
check('name="level-2.1"' not in page and 'name="level-6.1"' not in page, "another area on area 1's page")
check("<legend><h2>" in page and "Foundation" in page and "Needs support to manage simple tasks." in page,
      "the legends or the scale's labels and descriptors")
check('<label class="choice" for="level-1.1-dk">' in page and "Don&#39;t know" in page,
      "don't know is not a labelled choice")
check('name="area" value="1"' in page and 'name="go" value="next"' in page, "the hidden area, the button")
check('name="go" value="back"' not in page, "a back button on the first area")
check(not re.search(r'<input type="radio"[^>]*checked', page), "an unanswered rating has a choice checked")

r = e1.post("/assessment", {"round": "r1", "area": "1", "go": "next",
                            "level-1.1": "3", "motivation-1.1": "4", "comment-1.1": "Jag vill lära mig mer",
                            "level-1.2": "?", "motivation-1.2": "2", "comment-1.2": ""})
check(r.status == 303 and r.getheader("Location") == "/assessment?area=2",
      "save and go on: %d %s" % (r.status, r.getheader("Location")))
check(level("E1", 0) == "3" and level("E1", 1) == "?" and level("E1", 0, "motivation") == "4",
      "the answers of area 1 are not stored")
check("1.1|Jag vill lära mig mer" in stored(), "the comment is not stored")
audit = sql("SELECT actor, field, new_value FROM audit WHERE entity = 'rating'")
check("E1|self 1.1|3" in audit and "E1|motivation 1.2|2" in audit, "the audit rows name the person:\n" + audit)

# the first area not fully answered is area 2 now; "back" saves, then goes back
r = e1.get("/assessment")
check("<h1>Area 2 of 5: " in r.text and 'name="go" value="back"' in r.text, "the next unanswered area")
r = e1.post("/assessment", {"round": "r1", "area": "2", "go": "back", "level-2.1": "2"})
check(r.status == 303 and r.getheader("Location") == "/assessment?area=1", "back: %s" % r.getheader("Location"))
check(level("E1", 2) == "2", "back did not save")

# the answers are there, pre-checked; change one
r = e1.get("/assessment?area=1")
check(checked(r.text, "level-1.1", "3") and checked(r.text, "level-1.2", "?")
      and checked(r.text, "motivation-1.1", "4"), "the saved answers are not checked")
check("Jag vill lära mig mer</textarea>" in r.text, "the saved comment is not shown")
r = e1.post("/assessment", {"round": "r1", "area": "1", "go": "next", "level-1.1": "4"})
check(r.status == 303 and level("E1", 0) == "4", "changing an answer")

# signed out and in again, the answers are there
e1.post("/logout", {})
check(e1.get("/assessment").status == 404, "the self-rating signed out")
e1 = Browser(srv)
e1.sign_in("E1")
r = e1.get("/assessment?area=1")
check(checked(r.text, "level-1.1", "4") and checked(r.text, "level-1.2", "?"), "the answers after signing in again")
check(e1.get("/assessment?area=99").status == 404, "an area that does not exist")

# ---- the summary ----------------------------------------------------------------------------
r = e1.get("/assessment/summary")
page = r.text
check(r.status == 200 and "<svg" in page and "<table>" in page, "the summary's chart and table")
check("<script" not in page and "style=" not in page, "the summary has script or inline style")
check(re.search(r"<th scope=\"row\">1\.1 [^<]*</th><td>4 [^<]*</td><td>\d", page) is not None,
      "the table lacks own and expected level of 1.1")
check('href="/assessment?area=2#level-2.2"' in page and 'href="/assessment?area=5#level-5.1"' in page,
      "the unanswered list does not link to its areas")
check('href="/assessment?area=1#' not in page, "area 1 is listed as unanswered")
check('href="/assessment?area=2#motivation-2.1"' in page, "a missing motivation is not listed")
check("Your manager will see your answers and comments." in page and 'action="/assessment/share"' in page,
      "the share statement or button")

# ---- bad forms: 400, the typed answers kept, nothing stored ---------------------------------
before = stored()
typed = {"round": "r1", "area": "1", "go": "next", "level-1.2": "1", "motivation-1.2": "5",
         "comment-1.2": "Mitt <svar> & mer"}
BAD = [
    ({"level-1.1": "9"}, "level-1.1"),
    ({"level-1.1": "0"}, "level-1.1"),
    ({"level-1.1": "x"}, "level-1.1"),
    ({"motivation-1.1": "6"}, "motivation-1.1"),
    ({"motivation-1.1": "?"}, "motivation-1.1"),
    ({"level-9.9": "3"}, None),
    ({"comment-9.9": "x"}, None),
    ({"level-6.1": "3"}, None),
    ({"comment-1.1": "x" * 2001}, "comment-1.1"),
]
for bad, field in BAD:
    r = e1.post("/assessment", dict(typed, **bad))
    what = "bad form %r" % bad if len(repr(bad)) < 60 else "a long comment"
    check(r.status == 400, "%s: %d" % (what, r.status))
    check('role="alert"' in r.text and "Nothing was saved" in r.text, "%s: no alert" % what)
    if field:
        check('href="#%s"' % field in r.text, "%s: the alert does not link to the field" % what)
        check('aria-describedby="error-%s' % field in r.text, "%s: the field is not tied to its error" % what)
    else:
        check("9.9" in r.text or "6.1" in r.text, "%s: the message does not name the competence" % what)
    check("<h1>Area 1 of 5: " in r.text, "%s: not the same area" % what)
    check(checked(r.text, "level-1.2", "1") and checked(r.text, "motivation-1.2", "5")
          and "Mitt &lt;svar&gt; &amp; mer</textarea>" in r.text, "%s: the typed answers are lost" % what)
    check(stored() == before, "%s: the store changed" % what)

# CSRF: a POST without the session's token stores nothing
other = Browser(srv)
other.sign_in("E2")
for token in (None, "0" * 64, other.csrf("/")):
    fields = {"round": "r1", "area": "1", "level-1.1": "1"}
    if token:
        fields["csrf"] = token
    check(e1.request("POST", "/assessment", fields).status == 403, "CSRF %r" % token)
    check(e1.request("POST", "/assessment/share", dict(fields)).status == 403, "CSRF share %r" % token)
check(stored() == before, "a POST without its CSRF token changed the store")

# ---- nobody sees another person's rating ----------------------------------------------------
for path in ("/assessment", "/assessment?area=1", "/assessment/summary"):
    r = other.get(path)
    check(r.status == 200 and "Jag vill lära mig mer" not in r.text and PEOPLE["E1"][0] not in r.text,
          "E2's %s shows E1's rating" % path)
    check(not re.search(r'<input type="radio"[^>]*checked', r.text), "E2's %s has E1's answers" % path)
# a form naming E1 in any field still changes only E2's own rating
r = other.post("/assessment", {"round": "r1", "area": "1", "person": "E1", "level-1.1": "1"})
check(r.status == 303 and level("E2", 0) == "1" and stored() == before, "E2's POST changed E1's rating")
# the manager's self-rating is the manager's own: area 6 applies to a manager
m1 = Browser(srv)
m1.sign_in("M1")
r = m1.get("/assessment")
check("<h1>Area 1 of 6: " in r.text and "Jag vill lära mig mer" not in r.text, "the manager's own self-rating")

# ---- sharing --------------------------------------------------------------------------------
r = e1.post("/assessment/share", {"round": "r1"})
check(r.status == 303 and r.getheader("Location") == "/assessment/summary", "share: %d" % r.status)
check(sql("SELECT flags & 1 FROM assessment WHERE person_id = (SELECT id FROM person WHERE ext_id = 'E1')").strip()
      == "1", "the rating is not shared")
r = e1.get("/assessment/summary")
check("You shared your self-rating with your manager on 20" in r.text, "the summary does not say it is shared")
check('action="/assessment/share"' not in r.text, "the share button after sharing")
r = e1.get("/assessment?area=1")
check("You shared your self-rating with your manager on" in r.text, "the area page does not say it is shared")
r = e1.post("/assessment", {"round": "r1", "area": "1", "go": "next", "level-1.1": "2"})
check(r.status == 303 and level("E1", 0) == "2", "a change after sharing is not saved")
conv = dk("conversation", "E1")
check(conv.returncode == 0 and re.search(r"1\.1 .*\b2\b", conv.stdout) is not None,
      "the manager's sheet lacks the change:\n" + conv.stdout)

# ---- Swedish ----------------------------------------------------------------------------------
e1.post("/settings", {"lang": "sv"})
r = e1.get("/assessment?area=2")
check("<h1>Område 2 av 5: " in r.text and "Vet ej" in r.text and "Spara och gå vidare" in r.text,
      "the Swedish page")
e1.post("/settings", {"lang": "en"})

# ---- a closed round is read-only ---------------------------------------------------------------
assert dk("round", "close", "r1").returncode == 0
before = stored()
r = e1.get("/assessment?area=1")
check(r.status == 200 and "This rating round is closed" in r.text, "the closed round's page: %d" % r.status)
check(checked(r.text, "level-1.1", "2") and "disabled" in r.text and 'action="/assessment"' not in r.text,
      "the closed round's answers are not shown read-only")
r = e1.post("/assessment", {"round": "r1", "area": "1", "level-1.1": "5"})
check(r.status == 409 and "closed" in r.text, "a POST to the closed round: %d" % r.status)
r = e1.post("/assessment/share", {"round": "r1"})
check(r.status == 409, "a share in the closed round: %d" % r.status)
r = e1.get("/assessment/summary")
check(r.status == 200 and 'action="/assessment/share"' not in r.text, "the closed round's summary")
check(stored() == before, "the closed round changed")

rc, log = srv.stop()
check(rc == 0, "SIGTERM: exit %d" % rc)
check("Jag vill lära mig mer" not in log and "csrf" not in log, "the log shows a secret")
sys.exit(finish("serve_assessment"))
