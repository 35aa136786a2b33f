#!/usr/bin/env python3
# t_serve_manager.py — the manager's pages of `digikomp serve` as a browser
# sees them (run by t_serve_manager.sh; the standard library only).
#
#   python3 t_serve_manager.py DIGIKOMP TOP SCRATCH
#
# The manager's part of the cycle: the team page (status, gaps of shared
# ratings only, the share with needs only when k allows it, filter and
# sort), the conversation (levels, comments, adjusting with a reason,
# recording it as held, the printable summary) and the plan (suggestions,
# creating, adding, agreeing, following up, done and cancelled, reopening).
# Each step is checked in the store and in `digikomp audit` with the
# manager as actor; every refused form stores nothing; another manager,
# the employee and a manager without a team get 404; an unshared rating
# never shows a level.
import html
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
    "E1": ("Eva Anställdsdotter", "Org/A/X", "employee", "M1"),
    "E2": ("Emil Kollegasson", "Org/A/X", "employee", "M1"),
    "E4": ("Ebba Fjärdedotter", "Org/A/X", "employee", "M1"),
    "E5": ("Elof Femtesson", "Org/A/X", "employee", "M1"),
    "M2": ("Mats Andrechef", "Org/B", "manager", ""),
    "E3": ("Erik Annanenhet", "Org/B/Y", "employee", "M2"),
    "M3": ("Mona Utanlag", "Org/C", "manager", ""),
}
roster = write_roster(PEOPLE)
assert dk("init", "--framework", os.path.join(TOP, "tests/data/framework/small.xml")).returncode == 0
assert dk("import", "roster", roster).returncode == 0
assert dk("round", "open", "r1", "--title", "Runda 1", "--framework", "small", now=START - 86400 * 10).returncode == 0
assert dk("catalogue", "import", os.path.join(TOP, "tests/data/catalogue/good.xml")).returncode == 0
# E1 shared: a need in 1.1 (1 < 3); E2 rated 5 but did not share; E5 shared, no need
import_ratings([["E1", "r1", "1.1", "1", "", "4", "secret-comment-E1", "", "yes", ""],
                ["E1", "r1", "1.2", "2", "", "2", "", "", "yes", ""],
                ["E2", "r1", "1.1", "5", "", "5", "secret-comment-E2", "", "no", ""],
                ["E5", "r1", "1.1", "4", "", "3", "", "", "yes", ""],
                ["E3", "r1", "1.1", "2", "", "3", "secret-comment-E3", "", "yes", ""]])
for pid in PEOPLE:
    assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid


def stored():
    """What the manager's steps change: levels, notes, plans, the audit."""
    return sql("SELECT person_id, flags, hex(levels), conversation_at FROM assessment ORDER BY person_id;"
               "SELECT * FROM rating_note ORDER BY person_id, competence;"
               "SELECT * FROM plan ORDER BY id; SELECT * FROM plan_item ORDER BY id;"
               "SELECT count(*) FROM audit WHERE entity <> 'account';")


def audit(pid):
    return dk("audit", pid).stdout


def plan_state(pid="E1"):
    return sql("SELECT state, agreed_by FROM plan WHERE person_id = (SELECT id FROM person WHERE ext_id = '%s')"
               % pid).strip()


def row_of(page, name):
    """The table row of the person NAME on the team page."""
    m = re.search(r"<tr><th scope=\"row\"><a [^>]*>%s</a></th>(.*?)</tr>" % re.escape(html.escape(name)), page)
    return m.group(1) if m else ""


set_clock(START)
TODAY = "2026-09-21"
srv = Server()
m1, m2, m3, e1 = Browser(srv), Browser(srv), Browser(srv), Browser(srv)
for b, pid in ((m1, "M1"), (m2, "M2"), (m3, "M3"), (e1, "E1")):
    check(b.sign_in(pid).status == 303, pid + " signs in")

# ---- the team ---------------------------------------------------------------------
r = m1.get("/team")
check(r.status == 200, "GET /team: %d" % r.status)
t = r.text
for pid in ("E1", "E2", "E4", "E5"):
    check(html.escape(PEOPLE[pid][0]) in t, "the team page lacks " + pid)
check("Erik Annanenhet" not in t and "secret-comment" not in t, "the team page shows too much")
check("Shared" in row_of(t, PEOPLE["E1"][0]) and "+2" in row_of(t, PEOPLE["E1"][0]), "E1's row: " + row_of(t, PEOPLE["E1"][0]))
e2row = row_of(t, PEOPLE["E2"][0])
check("Begun" in e2row and "Not shared" in e2row, "E2's row: " + e2row)
check(not re.search(r"[0-9]", re.sub(r"<[^>]*>", "", e2row)), "an unshared rating shows a level: " + e2row)
check("Not started" in row_of(t, PEOPLE["E4"][0]), "E4's row: " + row_of(t, PEOPLE["E4"][0]))
check('href="/people/E1/conversation"' in t, "no link to the conversation")
check("Fewer than 5 people in your team" in t and "%" not in re.sub(r"<style.*?</style>", "", t),
      "two shared ratings under k = 5 showed a share")
# filter and sort, without script
t = m1.get("/team?status=shared").text
check(PEOPLE["E1"][0] in t and PEOPLE["E5"][0] in t and PEOPLE["E2"][0] not in t, "the filter by status")
check('<option value="shared" selected=""' in t, "the filter keeps its choice")
t = m1.get("/team?sort=needs").text
check(t.find(PEOPLE["E1"][0]) < t.find(PEOPLE["E5"][0]) < t.find(PEOPLE["E2"][0]) or
      t.find(PEOPLE["E1"][0]) < t.find(PEOPLE["E2"][0]), "sorting by needs")
t = m1.get("/team?status=bogus&sort=bogus").text
check(PEOPLE["E2"][0] in t, "a bad filter shows everyone")

# ---- an unshared rating: no level anywhere ---------------------------------------------------
before = stored()
r = m1.get("/people/E2/conversation")
check(r.status == 200 and "not shared yet" in r.text, "E2's conversation before sharing: %d" % r.status)
check("secret-comment-E2" not in r.text and "Levels against" not in r.text and "<svg" not in r.text,
      "the unshared conversation shows the rating")
r = m1.post("/people/E2/ratings", {"round": "r1", "manager-1.1": "3", "reason-1.1": "seen it"})
check(r.status == 409 and "secret-comment-E2" not in r.text, "adjusting an unshared rating: %d" % r.status)
r = m1.post("/people/E2/conversation", {"round": "r1", "held": TODAY})
check(r.status == 409, "recording an unshared conversation: %d" % r.status)
r = m1.get("/people/E2/conversation/summary")
check(r.status == 200 and "secret-comment-E2" not in r.text, "the unshared summary")
check(stored() == before, "the unshared rating's refusals changed the store")

# ---- the conversation ------------------------------------------------------------------------
r = m1.get("/people/E1/conversation")
t = r.text
check(r.status == 200 and "secret-comment-E1" in t and "<svg" in t, "E1's conversation: %d" % r.status)
check("Levels against the expected ones" in t and "(a need)" in t, "the levels table")
check('name="manager-1.1"' in t and 'name="reason-1.1"' in t and 'name="held"' in t, "the forms")
check('href="/people/E1/conversation/summary"' in t, "the printable summary's link")

# an adjustment without a reason: 400, the form again with what was typed, nothing stored
before = stored()
r = m1.post("/people/E1/ratings", {"round": "r1", "manager-1.1": "2", "reason-1.1": "  "})
check(r.status == 400 and "say why" in r.text, "an adjustment without a reason: %d" % r.status)
check(re.search(r'<option value="2" selected=""', r.text) is not None, "the typed level is not kept")
check('aria-describedby="error-reason-1.1"' in r.text, "the error is not tied to its field")
for fields, what in (({"manager-1.1": "9", "reason-1.1": "x"}, "a level off the scale"),
                     ({"manager-1.1": "two", "reason-1.1": "x"}, "a level that is no number"),
                     ({"manager-9.9": "2", "reason-9.9": "x"}, "an unknown competence"),
                     ({"manager-2.1": "2", "reason-2.1": "x"}, "a competence not of the role"),
                     ({"manager-1.1": "2", "reason-1.1": "x" * 1001}, "a reason too long")):
    fields["round"] = "r1"
    r = m1.post("/people/E1/ratings", fields)
    check(r.status == 400, "%s: %d" % (what, r.status))
check(stored() == before, "a refused adjustment changed the store")

r = m1.post("/people/E1/ratings", {"round": "r1", "manager-1.1": "2", "reason-1.1": "Visat i praktiken",
                                   "manager-1.2": "", "reason-1.2": ""})
check(r.status == 303 and r.getheader("Location") == "/people/E1/conversation", "the adjustment: %d" % r.status)
check(level("E1", 0, "manager") == "2" and level("E1", 1, "manager") == "", "the manager's level is not stored")
a = audit("E1")
check(re.search(r"M1.*manager.*1\.1.*2", a) is not None and "Visat i praktiken" in a, "the adjustment's audit:\n" + a)
t = m1.get("/people/E1/conversation").text
check("Visat i praktiken" in t, "the reason is not shown")

# the conversation held: a date between the round's opening and today
before = stored()
for held in ("not-a-date", "2026-02-30", "2026-09-01", "2026-09-22", ""):
    r = m1.post("/people/E1/conversation", {"round": "r1", "held": held})
    check(r.status == 400 and 'aria-describedby="error-held"' in r.text, "held %r: %d" % (held, r.status))
check(stored() == before, "a refused date changed the store")
r = m1.post("/people/E1/conversation", {"round": "r1", "held": "2026-09-20"})
check(r.status == 303, "the conversation held: %d" % r.status)
check(sql("SELECT conversation_at FROM assessment WHERE person_id = (SELECT id FROM person WHERE ext_id = 'E1')")
      .strip() == "2026-09-20", "the date is not stored")
check(re.search(r"M1.*conversation.*2026-09-20", audit("E1")) is not None, "the conversation's audit:\n" + audit("E1"))
r = m1.get("/people/E1/conversation/summary")
check(r.status == 200 and "Visat i praktiken" in r.text and "secret-comment-E1" in r.text
      and "<form" not in r.text.split("</header>")[-1], "the printable summary")

# ---- the plan ----------------------------------------------------------------------------------
r = m1.get("/people/E1/plan")
t = r.text
check(r.status == 200 and "There is no plan yet" in t, "the plan page without a plan: %d" % r.status)
check("Phishing exercise" in t and "develops 1.1" in t, "the suggestions with their reasons:\n" + t[-3000:])
before = stored()
r = m1.post("/people/E1/plan", {"round": "r1", "from": "bogus"})
check(r.status == 400 and stored() == before, "creating from a bad choice: %d" % r.status)
r = m1.post("/people/E1/plan", {"round": "r1", "from": "suggestions"})
check(r.status == 303 and r.getheader("Location") == "/people/E1/plan", "creating the plan: %d" % r.status)
check(plan_state().startswith("draft"), "the plan is not a draft: " + plan_state())
check("phishing" in sql("SELECT activity_id FROM plan_item"), "the suggestion is not an item")

before = stored()
for fields, what in (({"competence": "1.2"}, "neither activity nor wish"),
                     ({"competence": "1.2", "activity": "phishing", "wish": "both"}, "both"),
                     ({"competence": "9.9", "wish": "x"}, "an unknown competence"),
                     ({"competence": "2.1", "wish": "x"}, "a competence not of the role"),
                     ({"competence": "1.2", "activity": "nosuch"}, "an unknown activity"),
                     ({"competence": "1.2", "wish": "x", "target": "9"}, "a target off the scale"),
                     ({"competence": "1.2", "wish": "x", "due": "2026-13-01"}, "a bad due date")):
    fields["round"] = "r1"
    r = m1.post("/people/E1/plan/items", fields)
    check(r.status == 400 and "Nothing was saved" in r.text, "%s: %d" % (what, r.status))
r = m1.post("/people/E1/plan/items", {"round": "r1", "competence": "1.2", "wish": "Mentorskap", "due": "bad"})
check('value="Mentorskap"' in r.text, "the typed wish is not kept")
for n, status, what in (("1", "bogus", "a bad status"), ("99", "done", "no such item"), ("x", "done", "no number")):
    r = m1.post("/people/E1/plan/items/" + n, {"round": "r1", "status": status})
    check(r.status == 400, "%s: %d" % (what, r.status))
r = m1.post("/people/E1/plan/follow-ups", {"round": "r1", "on": TODAY})
check(r.status == 409 and "Agree the plan before you follow it up" in r.text, "a follow-up of a draft")
check(stored() == before, "a refused plan change changed the store")

r = m1.post("/people/E1/plan/items", {"round": "r1", "competence": "1.2", "wish": "Mentorskap",
                                      "target": "3", "due": "2026-12-01"})
check(r.status == 303, "adding a wish: %d" % r.status)
check("1.2|3||Mentorskap|2026-12-01|planned" in sql("SELECT competence, target, activity_id, wish, due, status "
                                                      "FROM plan_item"), "the wish is not stored")
r = m1.post("/people/E1/plan/agree", {"round": "r1"})
check(r.status == 303 and plan_state() == "agreed|M1", "agreeing: %d %s" % (r.status, plan_state()))
t = m1.get("/team").text
check("Plan agreed" in row_of(t, PEOPLE["E1"][0]), "E1's status once agreed: " + row_of(t, PEOPLE["E1"][0]))
before = stored()
r = m1.post("/people/E1/plan/items", {"round": "r1", "competence": "1.2", "wish": "Mer"})
check(r.status == 409 and stored() == before, "adding to an agreed plan: %d" % r.status)
check("Reopen it to change its activities" in r.text, "the refusal does not say what to do")
r = m1.post("/people/E1/plan/follow-ups", {"round": "r1", "on": "21/9"})
check(r.status == 400 and stored() == before, "a follow-up on a bad day: %d" % r.status)
for on, notes in (("2026-09-21", "Första uppföljningen"), ("2026-09-21", "Andra uppföljningen")):
    r = m1.post("/people/E1/plan/follow-ups", {"round": "r1", "on": on, "notes": notes})
    check(r.status == 303, "a follow-up: %d" % r.status)
t = m1.get("/people/E1/plan").text
check("Första uppföljningen" in t and "Andra uppföljningen" in t, "every follow-up is kept")
check("Followed up" in row_of(m1.get("/team").text, PEOPLE["E1"][0]), "E1's status once followed up")
t = m1.get("/people/E1/conversation/summary").text
check("Phishing exercise" in t and "Mentorskap" in t and "(planned)" in t, "the summary lacks the plan")
r = m1.post("/people/E1/plan/items/1", {"round": "r1", "status": "done"})
check(r.status == 303, "an item done: %d" % r.status)
r = m1.post("/people/E1/plan/items/2", {"round": "r1", "status": "cancelled"})
check(r.status == 303, "an item cancelled: %d" % r.status)
check(sql("SELECT status FROM plan_item ORDER BY id").split() == ["done", "cancelled"], "the items' status")
r = m1.post("/people/E1/plan/reopen", {"round": "r1"})
check(r.status == 303 and plan_state().startswith("draft"), "reopening: %d %s" % (r.status, plan_state()))
a = audit("E1")
for what in ("agree", "follow", "reopen", "done", "cancelled", "Mentorskap"):
    check(re.search(r"M1.*" + what, a) is not None, "the audit lacks %s by M1:\n%s" % (what, a))
check(re.search(r"^(?!.*M1).*(agree|reopen|Mentorskap)", a, re.M) is None, "a plan change not by M1:\n" + a)

# ---- the team page after the steps ---------------------------------------------------------------
t = m1.get("/team").text
check("Conversation held" in row_of(t, PEOPLE["E1"][0]), "E1's status: " + row_of(t, PEOPLE["E1"][0]))

# ---- who may see what ----------------------------------------------------------------------------
ROUTES = [("GET", "/people/E1/conversation"), ("GET", "/people/E1/conversation/summary"),
          ("GET", "/people/E1/plan"), ("POST", "/people/E1/ratings"), ("POST", "/people/E1/conversation"),
          ("POST", "/people/E1/plan"), ("POST", "/people/E1/plan/items"), ("POST", "/people/E1/plan/items/1"),
          ("POST", "/people/E1/plan/agree"), ("POST", "/people/E1/plan/follow-ups"),
          ("POST", "/people/E1/plan/reopen")]
before = stored()
for who, b in (("another manager", m2), ("the employee", e1), ("a manager without a team", m3)):
    for method, path in ROUTES:
        fields = {"round": "r1", "manager-1.1": "5", "reason-1.1": "x", "held": TODAY, "from": "empty",
                  "competence": "1.1", "wish": "x", "status": "done", "on": TODAY}
        r = b.post(path, fields) if method == "POST" else b.get(path)
        check(r.status == 404, "%s %s as %s: %d" % (method, path, who, r.status))
        check("secret-comment" not in r.text and PEOPLE["E1"][0] not in r.text, "%s %s as %s leaks" % (method, path, who))
for method, path in ROUTES:
    r = m1.post(path.replace("E1", "NOBODY"), {"round": "r1"}) if method == "POST" else m1.get(path.replace("E1", "NOBODY"))
    check(r.status == 404, "%s %s for nobody: %d" % (method, path, r.status))
    r = m1.post(path.replace("E1", "E3"), {"round": "r1"}) if method == "POST" else m1.get(path.replace("E1", "E3"))
    check(r.status == 404 and "secret-comment-E3" not in r.text, "%s %s for another's employee: %d" % (method, path, r.status))
check(stored() == before, "a denied request changed the store")
# the manager's own forms need their CSRF token too
for method, path in ROUTES:
    if method == "POST":
        r = m1.request("POST", path, {"round": "r1", "manager-1.1": "5", "reason-1.1": "x", "held": TODAY,
                                      "from": "empty", "status": "done", "on": TODAY})
        check(r.status == 403, "%s without a CSRF token: %d" % (path, r.status))
check(stored() == before, "a POST without its token changed the store")
check(m3.get("/team").status == 404 and e1.get("/team").status == 404, "/team without a team")
check("/team" not in m3.get("/").text, "a manager without a team is sent to /team")
check("/team" in m1.get("/").text, "the manager is not sent to /team")

# ---- the share with needs when k allows it ------------------------------------------------------------
srv.stop()
os.makedirs(os.path.join(os.environ["XDG_CONFIG_HOME"], "digikomp"), exist_ok=True)
with open(os.path.join(os.environ["XDG_CONFIG_HOME"], "digikomp", "config.ini"), "w") as f:
    f.write("[digikomp]\nmin-group = 3\n")
# a third shared rating: three people with a level, one with a need
import_ratings([["E4", "r1", "1.1", "3", "", "3", "yes"]],
               ["person_id", "round", "competence", "self", "manager", "motivation", "shared"])
# one worker thread: the connection that kept the pattern answers again
srv = Server("--threads", "1")
m1 = Browser(srv)
m1.sign_in("M1")
# the team is all of Org/A's people with a level, and the organisation has
# one more, E3 in Org/B: the organisation's figure minus the team's would
# give E3's, so the pattern of suppression hides the team's too
t = m1.get("/team").text
check("33.3 %" not in t and "together with the figures HR publishes" in t,
      "the team's share beside the organisation's and one more person:\n" + t[:3000])
# two more people with a level in Org/B: no group of fewer than 3 is left.
# The server keeps the round's pattern between requests; the import, by
# another process while it runs, shows at the next one.
PEOPLE["E6"] = ("Edit Sjätte", "Org/B/Y", "employee", "M2")
PEOPLE["E7"] = ("Elis Sjunde", "Org/B/Y", "employee", "M2")
assert dk("import", "roster", write_roster(PEOPLE)).returncode == 0
import_ratings([["E6", "r1", "1.1", "3", "", "3", "yes"], ["E7", "r1", "1.1", "3", "", "3", "yes"]],
               ["person_id", "round", "competence", "self", "manager", "motivation", "shared"])
t = m1.get("/team").text
check("33.3 % of the people in your team" in t, "the share with needs at k = 3:\n" + t[:3000])
srv.stop()
sys.exit(finish("t_serve_manager"))
