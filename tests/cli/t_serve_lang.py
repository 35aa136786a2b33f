#!/usr/bin/env python3
# t_serve_lang.py — core's messages follow the page's language, not the
# server's (run by t_serve_lang.sh; the standard library only).
#
#   python3 t_serve_lang.py DIGIKOMP TOP SCRATCH
#
# Two managers, one who reads Swedish and one English, each try to create
# a second plan for their employee; core refuses, and the page shows core's
# message.  Two HR officers, one of each language, read the reports (their
# tables and notes come from core) and upload a bad CSV and a bad XML file
# on /imports (the CSV reader's and the XML reader's messages).  The server
# runs in English, with LANGUAGE=en in its environment.  With one worker
# thread all requests go through the same store connection, one after the
# other, so a language left behind by the previous request would show.
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
    "M2": ("Mats Andrechef", "Org/B", "manager", ""),
    "E2": ("Emil Kollegasson", "Org/B/Y", "employee", "M2"),
    "H1": ("Hanna Personalsson", "Org", "employee", ""),
    "H2": ("Henrik Personalsson", "Org", "employee", ""),
}
roster = write_roster(PEOPLE)
assert dk("init", "--framework", os.path.join(TOP, "tests/data/framework/small.xml")).returncode == 0
assert dk("import", "roster", roster).returncode == 0
assert dk("round", "open", "r1", "--title", "Runda 1", "--framework", "small", now=START - 86400 * 10).returncode == 0
import_ratings([["E1", "r1", "1.1", "2", "", "4", "", "", "yes", ""],
                ["E2", "r1", "1.1", "2", "", "4", "", "", "yes", ""]])
for pid in PEOPLE:
    assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid
for pid in ("H1", "H2"):
    assert dk("user", "grant", pid, "hr").returncode == 0, pid

SV = "E1 har redan en plan i omgång r1"
EN = "E2 has a plan in round r1 already"


def stored():
    return sql("SELECT * FROM plan ORDER BY id; SELECT * FROM plan_item ORDER BY id;"
               "SELECT count(*) FROM audit WHERE entity <> 'account';")


set_clock(START)
os.environ["LANGUAGE"] = "en"   # the server's environment: English, whoever asks
server = Server("--threads", "1", "--lang", "en")
sv, en = Browser(server), Browser(server)
check(sv.sign_in("M1").status == 303 and en.sign_in("M2").status == 303, "signing in")
check(sv.post("/settings", {"lang": "sv"}, csrf_from="/settings").status == 303, "M1 chooses Swedish")
check(en.post("/settings", {"lang": "en"}, csrf_from="/settings").status == 303, "M2 chooses English")

for b, pid in ((sv, "E1"), (en, "E2")):
    r = b.post("/people/%s/plan" % pid, {"round": "r1", "from": "empty"}, csrf_from="/people/%s/plan" % pid)
    check(r.status == 303, "%s's plan: %d" % (pid, r.status))

before = stored()
for turn in range(2):   # in turns, so each request follows one in the other language
    r = sv.post("/people/E1/plan", {"round": "r1", "from": "empty"}, csrf_from="/people/E1/plan")
    check(r.status == 409 and SV in r.text, "the Swedish manager's refusal (%d): %s" % (r.status, r.text[-600:]))
    check("has a plan" not in r.text, "English on the Swedish page")
    r = en.post("/people/E2/plan", {"round": "r1", "from": "empty"}, csrf_from="/people/E2/plan")
    check(r.status == 409 and EN in r.text, "the English manager's refusal (%d): %s" % (r.status, r.text[-600:]))
    check("har redan" not in r.text, "Swedish on the English page")
check(stored() == before, "a refused plan changed the store")

# ---- HR's reports and imports: core's words in each reader's language ----------------
hr_sv, hr_en = Browser(server), Browser(server)
check(hr_sv.sign_in("H1").status == 303 and hr_en.sign_in("H2").status == 303, "HR signs in")
check(hr_sv.post("/settings", {"lang": "sv"}, csrf_from="/settings").status == 303, "H1 chooses Swedish")
check(hr_en.post("/settings", {"lang": "en"}, csrf_from="/settings").status == 303, "H2 chooses English")

# each page: what core writes in Swedish, and the same in English
REPORTS = [
    ("/reports/needs?round=r1", "Hela organisationen", "Whole organisation"),
    ("/reports/needs?round=r1&by=gender", "Ej angivet", "Not given"),
    ("/reports/summary?round=r1", "Nyckeltal", "Headline figures"),
    ("/reports/coverage?round=r1", "Behov och täckning per kompetens", "Needs and coverage per competence"),
    ("/reports/goals?round=r1", "Personliga mål per kompetens", "Personal goals per competence"),
    ("/reports/participation", "Deltagare och timmar", "Participants and hours"),
]
for turn in range(2):
    for path, sv_text, en_text in REPORTS:
        r = hr_sv.get(path)
        check(r.status == 200 and sv_text in r.text and en_text not in r.text,
              "%s in Swedish (%d): %s" % (path, r.status, r.text[-600:]))
        r = hr_en.get(path)
        check(r.status == 200 and en_text in r.text and sv_text not in r.text,
              "%s in English (%d): %s" % (path, r.status, r.text[-600:]))
    # a unit nobody has: the gap engine's refusal
    for b, text in ((hr_sv, "ingen sådan enhet: &#39;Org/Nope&#39;"), (hr_en, "no such unit: &#39;Org/Nope&#39;")):
        r = b.get("/reports/needs?round=r1&by=unit&unit=Org%2FNope")
        check(r.status == 400 and text in r.text, "an unknown unit (%d): %s" % (r.status, r.text[-600:]))


def upload(b, kind, name, content):
    bound = "----dkboundary"
    fields = {"csrf": b.csrf("/imports"), "kind": kind}
    parts = ['--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (bound, k, v)
             for k, v in fields.items()]
    parts.append('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\n'
                 'Content-Type: text/plain\r\n\r\n%s\r\n--%s--\r\n' % (bound, name, content, bound))
    return b.request("POST", "/imports", body="".join(parts).encode("utf-8"),
                     headers={"Content-Type": "multipart/form-data; boundary=" + bound})


# each upload: the file, what its message says in Swedish, and in English
IMPORTS = [
    ("roster", "roster.csv", "person_id,name,email,unit,role,manager_id,gender,colour\r\n",
     "roster.csv:1: okänd kolumn &#39;colour&#39;; godtagna kolumner: ",
     "roster.csv:1: unknown column &#39;colour&#39;; accepted columns: "),
    ("roster", "quote.csv", 'person_id,name,email,unit,role,manager_id,gender\r\nN9,"Nils,n9@example.se\r\n',
     "quote.csv:2: ett fält inom citattecken avslutas aldrig", "quote.csv:2: a quoted field is never closed"),
    ("catalogue", "catalogue.xml", "<!DOCTYPE catalogue><catalogue/>",
     "catalogue.xml:1: DOCTYPE-deklarationer", "catalogue.xml:1: DOCTYPE declarations are not allowed"),
    ("catalogue", "other.xml", "<other/>",
     "other.xml:1: rotelementet måste vara &lt;catalogue&gt;",
     "other.xml:1: the root element must be &lt;catalogue&gt;"),
]
before = stored() + sql("SELECT * FROM person ORDER BY id; SELECT * FROM activity ORDER BY id;")
for turn in range(2):
    for kind, name, content, sv_text, en_text in IMPORTS:
        for b, text, lang in ((hr_sv, sv_text, "Swedish"), (hr_en, en_text, "English")):
            r = upload(b, kind, name, content)
            alert = re.search(r'role="alert"[^>]*>(.*?)</', r.text, re.S)
            check(r.status == 400 and alert is not None and text in alert.group(1),
                  "%s in %s (%d): %s" % (name, lang, r.status, alert.group(1) if alert else r.text[-800:]))
check(stored() + sql("SELECT * FROM person ORDER BY id; SELECT * FROM activity ORDER BY id;") == before,
      "a refused import changed the store")

rc, log = server.stop()
check(rc == 0, "the server's exit: %d\n%s" % (rc, log))
sys.exit(finish("t_serve_lang"))
