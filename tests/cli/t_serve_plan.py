#!/usr/bin/env python3
# t_serve_plan.py — the employee's pages of `digikomp serve` from outside
# (run by t_serve_plan.sh): the start page's one button in each state of
# the self-rating and the plan, /plan with a plan agreed on the command
# line, its PDF and iCalendar files, wishes added to a draft and refused
# otherwise (nothing stored), /catalogue marking the person's needs,
# /settings, and /accessibility read signed out.  Nobody reaches another
# person's plan.
#
#   python3 t_serve_plan.py DIGIKOMP TOP SCRATCH
import calendar
import csv
import html
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib  # noqa: E402
serve_lib.setup(*sys.argv[1:4])
from serve_lib import *  # noqa: E402,F401,F403

PEOPLE = {
    # id: (name, role, manager, self level on 1.1, shared)
    "M1": ("Maja Chefsson", "manager", "", None, None),
    "E1": ("Eva Avtalsdotter", "employee", "M1", "1", "yes"),   # agreed plan
    "E2": ("Emil Ostartad", "employee", "M1", None, None),      # not started
    "E3": ("Erik Påbörjad", "employee", "M1", "1", "no"),       # begun, not shared
    "E4": ("Ella Delad", "employee", "M1", "4", "yes"),         # shared, no plan
    "E5": ("Elin Utkast", "employee", "M1", "1", "yes"),        # draft plan
}
roster = os.path.join(T, "roster.csv")
with open(roster, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["person_id", "name", "email", "unit", "role", "manager_id", "gender"])
    for pid, (name, role, manager, *_rest) in PEOPLE.items():
        w.writerow([pid, name, pid.lower() + "@example.se", "Org/A", role, manager, ""])
catalogue = os.path.join(T, "catalogue.xml")
with open(catalogue, "w") as f:
    f.write("""<?xml version="1.0" encoding="UTF-8"?>
<catalogue xmlns="urn:digikomp:catalogue:1" framework="small">
  <activity id="kurs11" kind="course" format="on-site" hours="3" language="sv">
    <title xml:lang="sv">Skydda din dator</title>
    <title xml:lang="en">Protect your computer</title>
    <develops competence="1.1" from="1" to="3"/>
    <theme>sakerhet</theme>
    <session start="2030-11-02T13:00" end="2030-11-02T16:00" place="Biblioteket"/>
    <session start="2030-10-05T09:00" end="2030-10-05T12:00" place="Stadshuset" seats="20"/>
    <preparation>Läs lathunden.</preparation>
    <follow-up>Berätta för en kollega.</follow-up>
  </activity>
  <activity id="kalkyl" kind="webinar" format="digital" hours="1" language="sv">
    <title xml:lang="sv">Kalkylark på djupet</title>
    <develops competence="1.2" from="3" to="4"/>
    <always-available/>
  </activity>
  <activity id="chefskurs" kind="course" format="on-site" hours="4" language="sv">
    <title xml:lang="sv">Dataskydd för chefer</title>
    <develops competence="1.1" from="1" to="4"/>
    <audience><role>manager</role></audience>
    <always-available/>
  </activity>
  <activity id="gammal" kind="course" format="on-site" hours="2" language="sv">
    <title xml:lang="sv">Förra årets kurs</title>
    <develops competence="1.1" from="1" to="3"/>
    <session start="2025-03-01T09:00" end="2025-03-01T12:00" place="Stadshuset"/>
  </activity>
</catalogue>
""")
assert dk("init", "--framework", os.path.join(TOP, "tests/data/framework/small.xml")).returncode == 0
assert dk("import", "roster", roster).returncode == 0
assert dk("round", "open", "r1", "--title", "Runda 1", "--framework", "small").returncode == 0
assert dk("catalogue", "import", catalogue).returncode == 0
ratings = os.path.join(T, "ratings.csv")
with open(ratings, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["person_id", "round", "competence", "self", "manager", "motivation", "comment",
                "reason", "shared", "conversation"])
    for pid, (_, _, _, level, shared) in PEOPLE.items():
        if level is not None:
            w.writerow([pid, "r1", "1.1", level, "", "", "", "", shared, ""])
            if shared == "yes":
                w.writerow([pid, "r1", "1.2", "2", "", "", "", "", shared, ""])
assert dk("import", "ratings", ratings, "--round", "r1").returncode == 0
assert dk("plan", "create", "E1", "--round", "r1", "--from-suggestions").returncode == 0
assert dk("plan", "agree", "E1", "--round", "r1", "--by", "M1").returncode == 0
assert dk("plan", "create", "E5", "--round", "r1", "--from-suggestions").returncode == 0
for pid in PEOPLE:
    assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid

# the sessions lie years ahead: the planner takes today's date from the system
NOW = calendar.timegm((2030, 9, 21, 14, 0, 0))     # both sessions of kurs11 are to come
set_clock(NOW)
srv = Server()
try:
    browsers = {}
    for pid in PEOPLE:
        browsers[pid] = Browser(srv)
        check(browsers[pid].sign_in(pid).status == 303, "%s signs in" % pid)


    def text_of(page):
        """The page's text, tags dropped and entities decoded."""
        return html.unescape(re.sub(r"<[^>]+>", " ", page))


    def main_action(page):
        """The href of the page's one main button, or the list of them when not one."""
        found = re.findall(r'<p class="main-action"><a class="button" href="([^"]+)"', page)
        return found[0] if len(found) == 1 else found


    # ---- the start page: one button, the next step --------------------------------------------
    home = {pid: browsers[pid].get("/") for pid in PEOPLE}
    for pid, r in home.items():
        check(r.status == 200, "/ as %s: %d" % (pid, r.status))
    check(main_action(home["E2"].text) == "/assessment" and "Start your self-rating" in home["E2"].text
          and "Not started." in text_of(home["E2"].text), "not started: " + str(main_action(home["E2"].text)))
    check(main_action(home["E3"].text) == "/assessment" and "Go on with your self-rating" in home["E3"].text
          and "Begun: 1 of 2 answered." in text_of(home["E3"].text), "begun: " + str(main_action(home["E3"].text)))
    check(main_action(home["E4"].text) == "/catalogue" and "Shared with your manager" in home["E4"].text
          and "None yet." in text_of(home["E4"].text), "shared, no plan: " + str(main_action(home["E4"].text)))
    check(main_action(home["E5"].text) == "/plan" and "A draft: not agreed yet." in text_of(home["E5"].text),
          "draft plan: " + str(main_action(home["E5"].text)))
    e1 = text_of(home["E1"].text)
    check(main_action(home["E1"].text) == "/plan" and "Agreed." in e1, "agreed plan: " + str(main_action(home["E1"].text)))
    # the next session is the earlier of the two, however the catalogue orders them
    check("Protect your computer: 5 October 2030, 09:00–12:00, Stadshuset" in e1, "the next session:\n" + e1)
    check("Runda 1" in e1, "the round's title on the start page")
    # the other roles' links stay
    check("/team" in home["M1"].text and "/team" not in home["E1"].text, "the manager's link to the team")
    check(all('href="/accessibility"' in r.text for r in home.values()), "the footer's link to the statement")
    # after the first session, the second is next; after both, none
    # (a session lives 8 hours: a new one at each time)
    for days, want in ((20, "2 November 2030, 13:00–16:00, Biblioteket"), (60, "No session is coming up.")):
        set_clock(NOW + days * 86400)
        later = Browser(srv)
        later.sign_in("E1")
        check(want in text_of(later.get("/").text), "the next session %d days later" % days)
    set_clock(NOW)
    for pid in PEOPLE:       # the sessions older than 8 hours are gone
        browsers[pid] = Browser(srv)
        browsers[pid].sign_in(pid)
    sv = text_of(browsers["E2"].get("/", headers={"Accept-Language": "sv"}).text)
    check("Vad du gör nu" in sv or "Börja" in sv, "the start page in Swedish:\n" + sv[:400])

    # ---- /plan: the agreed plan --------------------------------------------------------------------
    r = browsers["E1"].get("/plan")
    p = text_of(r.text)
    check(r.status == 200, "/plan: %d" % r.status)
    for want in ("You and your manager have agreed this plan.", "r1 (Runda 1)", "1.1 Protect devices",
                 "Protect your computer", "Before: Läs lathunden.", "After: Berätta för en kollega.",
                 "Session: 5 October 2030, 09:00–12:00, Stadshuset", "Session: 2 November 2030, 13:00–16:00, Biblioteket",
                 "target level 3", "Why: "):
        check(want in p, "/plan lacks %r:\n%s" % (want, p))
    check('action="/plan/wishes"' not in r.text, "an agreed plan offers the wish form")
    check(r.getheader("Cache-Control") == "no-store", "/plan's Cache-Control")
    check('href="/plan.pdf"' in r.text and 'href="/plan.ics"' in r.text, "/plan's downloads")

    pdf = browsers["E1"].request("GET", "/plan.pdf")
    check(pdf.status == 200 and pdf.getheader("Content-Type") == "application/pdf", "/plan.pdf: %d %s"
          % (pdf.status, pdf.getheader("Content-Type")))
    check((pdf.getheader("Content-Disposition") or "").startswith("attachment;"), "/plan.pdf is no attachment")
    # the raw bytes: Browser decodes text, so fetch again without decoding
    import http.client  # noqa: E402


    def raw_get(b, path):
        c = http.client.HTTPConnection("127.0.0.1", srv.port, timeout=60)
        c.request("GET", path, headers={"Cookie": "; ".join("%s=%s" % kv for kv in b.cookies.items())})
        resp = c.getresponse()
        data = resp.read()
        c.close()
        return resp, data


    _, data = raw_get(browsers["E1"], "/plan.pdf")
    check(data.startswith(b"%PDF-"), "/plan.pdf is no PDF")
    if shutil.which("pdftotext"):
        path = os.path.join(T, "plan.pdf")
        open(path, "wb").write(data)
        out = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
        check("Protect your computer" in out, "the PDF lacks the activity:\n" + out[:500])
    else:
        print("pdftotext missing: the PDF's text not checked")

    resp, data = raw_get(browsers["E1"], "/plan.ics")
    check(resp.status == 200 and (resp.getheader("Content-Type") or "").startswith("text/calendar"),
          "/plan.ics: %d %s" % (resp.status, resp.getheader("Content-Type")))
    check((resp.getheader("Content-Disposition") or "").startswith("attachment;"), "/plan.ics is no attachment")
    try:
        import icalendar
        cal = icalendar.Calendar.from_ical(data)
        starts = sorted(str(e.get("DTSTART").dt) for e in cal.walk("VEVENT"))
        check(starts == ["2030-10-05 09:00:00", "2030-11-02 13:00:00"], "the calendar's DTSTART: %s" % starts)
        places = sorted(str(e.get("LOCATION")) for e in cal.walk("VEVENT"))
        check(places == ["Biblioteket", "Stadshuset"], "the calendar's places: %s" % places)
    except ImportError:
        print("python3 icalendar missing: DTSTART read as text")
        check(b"DTSTART" in data and b"20301005T090000" in data, "the calendar lacks the session")

    # ---- wishes --------------------------------------------------------------------------------------
    def plan_of(pid):
        return dk("plan", "show", pid, "--round", "r1").stdout


    before = plan_of("E1")
    r = browsers["E1"].post("/plan/wishes", {"competence": "1.1", "text": "Mer om lösenord"}, csrf_from="/plan")
    check(r.status == 409 and "Your plan is agreed." in text_of(r.text), "a wish on an agreed plan: %d" % r.status)
    check(plan_of("E1") == before, "a refused wish changed the agreed plan")
    r = browsers["E4"].post("/plan/wishes", {"competence": "1.1", "text": "Mer om lösenord"}, csrf_from="/plan")
    check(r.status == 409 and "You have no plan yet" in text_of(r.text), "a wish without a plan: %d" % r.status)
    check(dk("plan", "show", "E4", "--round", "r1").returncode != 0, "a wish without a plan made one")

    r = browsers["E5"].get("/plan")
    check('action="/plan/wishes"' in r.text and "This plan is a draft." in text_of(r.text), "the draft's wish form")
    before = plan_of("E5")
    long_text = "å" * 501
    for fields, why in (({"competence": "9.9", "text": "Kalkylark"}, "Choose what the wish is about"),
                        ({"competence": "2.1", "text": "Kalkylark"}, "Choose what the wish is about"),
                        ({"text": "Kalkylark"}, "Choose what the wish is about"),
                        ({"competence": "1.2", "text": "   "}, "Write your wish."),
                        ({"competence": "1.2", "text": long_text}, "at most 500 characters")):
        r = browsers["E5"].post("/plan/wishes", fields, csrf_from="/plan")
        check(r.status == 400 and why in text_of(r.text), "a bad wish %r: %d" % (fields, r.status))
        check('role="alert"' in r.text and 'aria-invalid="true"' in r.text, "the error is not tied to its field")
        if fields.get("text", "").strip():
            check(html.escape(fields["text"], quote=False) in r.text or fields["text"] in html.unescape(r.text),
                  "the text is not kept in the form")
        check(plan_of("E5") == before, "a bad wish %r was stored" % fields)
    r = browsers["E5"].post("/plan/wishes", {"competence": "1.2", "text": "Kalkylark <på> djupet"}, csrf_from="/plan")
    check(r.status == 303 and r.getheader("Location", "").startswith("/plan"), "a good wish: %d" % r.status)
    check("wish: Kalkylark <på> djupet" in plan_of("E5"), "the wish is not stored:\n" + plan_of("E5"))
    r = browsers["E5"].get("/plan")
    check("Your wishes" in r.text and "Kalkylark &lt;på&gt; djupet" in r.text, "the wish is not on the plan page")
    # a wish without the form's token is refused
    r = browsers["E5"].request("POST", "/plan/wishes", {"competence": "1.2", "text": "x"})
    check(r.status == 403, "a wish without CSRF: %d" % r.status)

    # ---- nobody reaches another person's plan ----------------------------------------------------------
    for pid in ("E2", "E4", "M1"):
        for path in ("/plan", "/plan.pdf", "/plan.ics", "/plan?person=E1", "/plan.pdf?person=E1"):
            r = browsers[pid].get(path)
            t = text_of(r.text)
            check("Protect your computer" not in t and PEOPLE["E1"][0] not in t and "Kalkylark <på>" not in t,
                  "%s %s shows another person's plan" % (pid, path))
        check(browsers[pid].get("/plan.pdf").status == 404, "%s: /plan.pdf without a plan" % pid)
        check("You have no plan yet." in text_of(browsers[pid].get("/plan").text), "%s: no plan, plainly" % pid)
    signed_out = Browser(srv)
    for path in ("/plan", "/plan.pdf", "/plan.ics", "/catalogue", "/settings"):
        check(signed_out.get(path).status == 404, "signed out: %s" % path)
    check(signed_out.post("/plan/wishes", {"competence": "1.1", "text": "x"}, csrf_from="/login").status == 404,
          "signed out: POST /plan/wishes")

    # ---- /catalogue: what is offered, the needs marked --------------------------------------------------
    def activities(page):
        """{title: marked} of the page's activities."""
        return {html.unescape(t): cls == "activity need"
                for cls, t in re.findall(r'<article class="(activity(?: need)?)"><h3>([^<]+)</h3>', page)}


    r = browsers["E1"].get("/catalogue")
    got = activities(r.text)
    check(r.status == 200 and got == {"Protect your computer": True, "Kalkylark på djupet": False},
          "E1's catalogue: %s" % got)
    check("Säkerhet" in r.text, "the catalogue is not grouped by area")
    check("Themes: sakerhet" in text_of(r.text), "the catalogue lacks the themes")
    check("your level is 1, your role expects 3" in text_of(r.text), "the need is not said")
    # a self-rating not shared is the person's own: their page marks it
    got = activities(browsers["E3"].get("/catalogue").text)
    check(got.get("Protect your computer") is True, "E3's own unshared need: %s" % got)
    # E4 rated 4 on 1.1: no need; E2 rated nothing: nothing marked, and told why
    got = activities(browsers["E4"].get("/catalogue").text)
    check(got == {"Protect your computer": False, "Kalkylark på djupet": False}, "E4's catalogue: %s" % got)
    r = browsers["E2"].get("/catalogue")
    check(not any(activities(r.text).values()) and "Rate your own competence first" in r.text, "E2's catalogue")
    got = activities(browsers["M1"].get("/catalogue").text)
    check("Dataskydd för chefer" in got and "Förra årets kurs" not in got, "the manager's catalogue: %s" % got)

    # ---- /settings and /accessibility -------------------------------------------------------------------
    r = browsers["E1"].get("/settings")
    check(r.status == 200 and 'name="lang"' in r.text and 'href="/me/data.json"' in r.text, "/settings")
    check("everything digikomp stores about you" in r.text, "/settings does not say what the export holds")
    r = browsers["E1"].post("/settings", {"lang": "sv"}, csrf_from="/settings")
    check(r.status == 303 and r.getheader("Location") == "/settings", "POST /settings: %d" % r.status)
    r = browsers["E1"].get("/plan")
    check('lang="sv"' in r.text and "Din utvecklingsplan" in r.text, "/plan in Swedish")
    check("godkänd" in text_of(r.text).lower() or "överens" in text_of(r.text), "the plan's state in Swedish")
    browsers["E1"].post("/settings", {"lang": "en"}, csrf_from="/settings")

    r = signed_out.get("/accessibility")
    a = text_of(r.text)
    check(r.status == 200, "/accessibility signed out: %d" % r.status)
    for want in ("WCAG 2.1", "axe-core", "DOS-lagen", "Myndigheten för digital förvaltning", "DIGG", "HR"):
        check(want in a, "/accessibility lacks %r" % want)
    check('href="/accessibility"' in signed_out.get("/login").text, "the login page's footer")
    r = signed_out.get("/accessibility", headers={"Accept-Language": "sv"})
    check("Tillgänglighetsredogörelse" in r.text, "the statement in Swedish")

finally:
    rc, log = srv.stop()
check(rc == 0, "SIGTERM: exit %d" % rc)
check("digikomp serve: GET" not in log, "the server logged a failure:\n" + log)
sys.exit(finish("serve_plan"))
