#!/usr/bin/env python3
# t_serve_imports.py — /participation from outside (run by t_serve_imports.sh):
# HR records for anyone, a coordinator for their units' people, a trainer for
# their own activity only (another's is 404, as is every rating page); the
# audit names the signed-in person; the page shows no rating.  /imports: HR's
# only; a dry run of each kind (roster, ratings, catalogue, participation)
# shows the counts (and the ratings' kept values as FILE:LINE, 50 at most
# and how many more) and changes nothing, as the store and the CLI show; the
# import then counts the same.  Ratings with no round named go where
# `digikomp import ratings` puts them: config.ini's round, else the open
# one; the page says which.
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib  # noqa: E402
serve_lib.setup(*sys.argv[1:4])
from serve_lib import *  # noqa: E402,F401,F403

PEOPLE = {
    "M1": ("Maja Chefsson", "Org/A", "manager", "", None),
    "E1": ("Eva Anställdsdotter", "Org/A/X", "employee", "M1", None),
    "E3": ("Erik Annanenhet", "Org/B/Y", "employee", "", None),
    "C1": ("Cecilia Samordnare", "Org/A", "employee", "", "coordinator:Org/A"),
    "T1": ("Tove Utbildare", "Org/B", "employee", "", "trainer:phishing"),
    "H1": ("Hanna Personalsson", "Org", "employee", "", "hr"),
}
build_org(PEOPLE)

set_clock(START)
srv = Server()
b = {}
for pid in ("E1", "C1", "T1", "H1"):
    b[pid] = Browser(srv)
    check(b[pid].sign_in(pid).status == 303, pid + " signs in")


def record(pid, person, activity, date="2026-03-02", hours="2"):
    return b[pid].post("/participation", {"person": person, "activity": activity, "date": date, "hours": hours},
                       csrf_from="/participation")


def stored():
    return sql("SELECT p.ext_id, a.activity_id, a.date, a.hours FROM participation a"
               " JOIN person p ON p.id = a.person_id ORDER BY 1, 2, 3")


# the trainer: their activity for anyone, another's is 404 and stores nothing
r = record("T1", "E3", "phishing")
check(r.status == 200 and "E3: phishing on 2026-03-02 recorded." in r.text, "the trainer records: %d" % r.status)
check("E3|phishing|2026-03-02|2.0" in stored(), "the trainer's record is not stored: " + stored())
before = stored()
r = record("T1", "E1", "chefskurs")
check(r.status == 404, "the trainer records another's activity: %d" % r.status)
check(stored() == before, "a refused record changed the store")
for path in ("/people/E3/conversation", "/people/E3/plan", "/team"):
    check(b["T1"].get(path).status == 404, "the trainer reaches " + path)
page = b["T1"].get("/participation").text
check("secret-comment" not in page and "Record participation" in page, "the trainer's page")

# the coordinator: their units' people only
check(record("C1", "E1", "chefskurs").status == 200, "the coordinator records for their unit")
before = stored()
check(record("C1", "E3", "chefskurs").status == 404, "the coordinator records outside their unit")
check(record("C1", "NOBODY", "chefskurs").status == 404, "the coordinator records for nobody")
check(stored() == before, "a refused record changed the store")

# HR: anyone; a bad value is 400 with the message, the form kept, nothing stored
check(record("H1", "E3", "chefskurs", date="2026-03-03").status == 200, "HR records")
before = stored()
r = record("H1", "E3", "chefskurs", hours="many")
check(r.status == 400 and 'role="alert"' in r.text and 'value="many"' in r.text, "bad hours: %d" % r.status)
r = record("H1", "E3", "nosuch")
check(r.status == 400 and 'role="alert"' in r.text, "an unknown activity: %d" % r.status)
check(stored() == before, "a refused record changed the store")

# the fund report by period and gender: HR's, nobody else's
r = b["H1"].get("/participation?from=2026-01-01&to=2026-12-31&target-participants=10")
check(r.status == 200 and 'class="report"' in r.text and 'value="2026-01-01"' in r.text, "HR's fund report")
# its few participants are hidden under the server's minimum group, as in `report participation`
check("fewer than 0 people" not in r.text and re.search(r"\nParticipants +– ", r.text), "the fund report's few participants")
# a period the report does not protect (not a calendar year or a half of one) is
# refused, as `report participation` refuses it: 400, the message, what was typed kept
r = b["H1"].get("/participation?from=2026-01-01&to=2026-06-15")
check(r.status == 400 and 'role="alert"' in r.text and "end on 2026-06-30 or 2026-12-31" in r.text
      and 'value="2026-06-15"' in r.text and 'value="2026-01-01"' in r.text and 'class="report"' not in r.text,
      "a period in days: %d" % r.status)
check(stored() == before, "a refused period changed the store")
for pid in ("C1", "T1"):
    check('class="report"' not in b[pid].get("/participation").text, pid + " sees the fund report")

# an employee may not record at all
check(record("E1", "E1", "phishing").status == 404, "an employee records")

# the audit names who recorded
actors = sql("SELECT DISTINCT actor FROM audit WHERE entity LIKE 'participation%' ORDER BY 1")
check("T1" in actors and "C1" in actors and "H1" in actors, "the audit's actors: " + actors)

# ---- /imports: HR only ------------------------------------------------------
def upload(pid, kind, name, content, dry=False, round=None):
    fields = {"csrf": b[pid].csrf("/imports") if pid == "H1" else b[pid].csrf("/"), "kind": kind}
    if dry:
        fields["dry-run"] = "1"
    if round is not None:
        fields["round"] = round
    bound = "----dkboundary"
    parts = ['--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' % (bound, k, v)
             for k, v in fields.items()]
    parts.append('--%s\r\nContent-Disposition: form-data; name="file"; filename="%s"\r\n'
                 'Content-Type: text/csv\r\n\r\n%s\r\n--%s--\r\n' % (bound, name, content, bound))
    return b[pid].request("POST", "/imports", body="".join(parts).encode("utf-8"),
                          headers={"Content-Type": "multipart/form-data; boundary=" + bound})


def people():
    return sql("SELECT ext_id, name, unit_id FROM person ORDER BY 1")


ROSTER = ("person_id,name,email,unit,role,manager_id,gender\r\n"
          "E1,Eva Nynamn,e1@example.se,Org/A/X,employee,M1,\r\n"
          "N1,Nils Nyanställd,n1@example.se,Org/A/X,employee,M1,\r\n")
check(b["H1"].get("/imports").status == 200, "HR's import page")
for pid in ("E1", "C1", "T1"):
    check(b[pid].get("/imports").status == 404, pid + " reaches /imports")
before = people()
r = upload("H1", "roster", "roster.csv", ROSTER, dry=True)
check(r.status == 200 and "Dry run, nothing written." in r.text and "1 added, 1 updated" in r.text,
      "the dry run: %d %s" % (r.status, r.text[-600:]))
check(people() == before, "the dry run changed the store")
r = upload("H1", "roster", "roster.csv", ROSTER)
check(r.status == 200 and "1 added, 1 updated" in r.text, "the import: %d" % r.status)
after = people()
check("N1|Nils Nyanställd" in after and "E1|Eva Nynamn" in after and after != before, "the import's people")
bad = "person_id,name,email,unit,role,manager_id,gender\r\nN2,,n2@example.se,Org/A/X,employee,M1,\r\n"
r = upload("H1", "roster", "bad.csv", bad)
check(r.status == 400 and re.search(r"bad\.csv:2: ", r.text) is not None and 'role="alert"' in r.text,
      "a bad roster: %d %s" % (r.status, r.text[-600:]))
check("digikomp-import-" not in r.text, "the message names the server's temporary file")
check(people() == after, "a bad roster changed the store")
check(upload("C1", "roster", "roster.csv", ROSTER).status == 404, "a coordinator imports")
actors = sql("SELECT DISTINCT actor FROM audit WHERE entity LIKE 'person%' AND at > '2026'")
check("H1" in actors, "the import's audit actor: " + actors)



# ---- a dry run of every kind: the counts on the page, the store unchanged -----
def content():
    """What an import may change, as the store and the CLI hold it (not the
    sessions, which a request touches)."""
    tables = ("person", "assessment", "rating_note", "activity", "participation", "plan_item", "audit",
              "audit_levels")
    cli = [dk("person", "export", pid).stdout for pid in ("E1", "E3")]
    return [sql(".dump " + t) for t in tables] + cli + [dk("catalogue", "list").stdout]


def dry_then_real(kind, name, text, counts, round=None):
    """A dry run of TEXT shows COUNTS and changes nothing; the import then
    shows the same counts."""
    before = content()
    r = upload("H1", kind, name, text, dry=True, round=round)
    check(r.status == 200 and "Dry run, nothing written. " + counts in r.text,
          "the %s dry run: %d %s" % (kind, r.status, r.text[-900:]))
    check(content() == before, "the %s dry run changed the store" % kind)
    r = upload("H1", kind, name, text, round=round)
    check(r.status == 200 and counts in r.text and "Dry run" not in r.text.split("<form")[0],
          "the %s import: %d %s" % (kind, r.status, r.text[-900:]))
    check(content() != before, "the %s import changed nothing" % kind)
    return r


# ratings: E1 changed, E3's motivation set by hand since is kept, M1 the same
check(dk("rate", "--motivation", "E3", "1.1", "1").returncode == 0, "E3's motivation by hand")
RATINGS = ("person_id,round,competence,self,motivation,comment,shared\r\n"
           "E1,r1,1.1,3,3,secret-comment-E1,yes\r\n"
           "E3,r1,1.1,2,4,secret-comment-E3,yes\r\n"
           "M1,r1,1.1,2,3,secret-comment-M1,yes\r\n")
r = dry_then_real("ratings", "ratings.csv", RATINGS, "3 rows; 0 added, 1 updated, 2 unchanged. Values kept because someone set them by hand since the last import: 1.",
                  round="r1")
check("ratings.csv:3: kept the motivation 1 set on" in r.text and "digikomp-import-" not in r.text,
      "the kept value's notice: " + r.text[-900:])
check(level("E1", 0) == "3" and level("E3", 0, "motivation") == "1", "the ratings import's levels")

# the catalogue: one activity new, one changed
with open(os.path.join(TOP, "tests/data/catalogue/good.xml"), encoding="utf-8") as f:
    catalogue = f.read().replace('id="chefskurs"', 'id="nykurs"').replace('hours="1.5"', 'hours="2"')
dry_then_real("catalogue", "catalogue.xml", catalogue, "2 rows; 1 added, 1 replaced, 0 unchanged.")
check("nykurs" in dk("catalogue", "list").stdout, "the catalogue import's new activity")

# participation: one new, one the same as HR recorded above
ATTENDED = ("person_id,activity_id,date,hours,status\r\n"
            "E1,nykurs,2026-04-01,3,completed\r\n"
            "E3,chefskurs,2026-03-03,2,completed\r\n")
dry_then_real("participation", "attended.csv", ATTENDED, "2 rows; 1 added, 0 updated, 1 unchanged. Plan items marked done: 0.")
check("E1|nykurs|2026-04-01|3.0" in stored(), "the participation import: " + stored())

# a bad file in a dry run: 400 with its line, nothing changed
before = content()
r = upload("H1", "participation", "attended.csv", ATTENDED.replace("E1,", "NOBODY,"), dry=True)
check(r.status == 400 and "attended.csv:2: no person NOBODY" in r.text and 'role="alert"' in r.text,
      "a bad dry run: %d %s" % (r.status, r.text[-600:]))
check(content() == before, "a bad dry run changed the store")

# ---- ratings with no round named -------------------------------------------
def ratings_of(round, rows):
    """A ratings file of ROUND: ROWS are (person, competence, self, motivation)."""
    return "person_id,round,competence,self,motivation,comment,shared\r\n" + "".join(
        "%s,%s,%s,%s,%s,,yes\r\n" % (pid, round, comp, self, motivation) for pid, comp, self, motivation in rows)


# one round open: that one, and the page says so
r = upload("H1", "ratings", "one.csv", ratings_of("r1", [("E1", "1.2", "4", "4")]), round="")
check(r.status == 200 and "1 updated" in r.text and "Round: r1 (Runda 1)." in r.text,
      "ratings with an empty round: %d %s" % (r.status, r.text[-900:]))
check(level("E1", 1) == "4", "the ratings with an empty round are not in r1")

# two open rounds and none configured: refused as the command line does, nothing changed
check(dk("round", "open", "r2", "--title", "Runda 2", "--framework", "small").returncode == 0, "open r2")
cli = dk("import", "ratings", os.path.join(T, "nothing.csv"))
before = content()
r = upload("H1", "ratings", "two.csv", ratings_of("r2", [("E1", "1.2", "2", "2")]), round="")
message = cli.stderr.split(": ")[-1].split(";")[0].strip() + "; name one in the field Round."
check(r.status == 400 and 'role="alert"' in r.text and message and message in r.text,
      "two open rounds, no round named: %d, %r not in %s" % (r.status, message, r.text[-900:]))
check(content() == before, "a refused upload changed the store")

# kept values: the first 50 listed, the rest counted
NEW = ["P%02d" % i for i in range(1, 31)]
people = {pid: ("Person " + pid, "Org/A/X", "employee", "M1") for pid in NEW}
people.update({pid: PEOPLE[pid][:4] for pid in PEOPLE})
assert dk("import", "roster", write_roster(people)).returncode == 0
for pid in NEW:
    for comp in ("1.1", "1.2"):
        rated = dk("rate", "--motivation", pid, comp, "1", "--round", "r1")
        assert rated.returncode == 0, rated.stderr
r = upload("H1", "ratings", "many.csv",
           ratings_of("r1", [(pid, comp, "", "5") for pid in NEW for comp in ("1.1", "1.2")]),
           dry=True, round="r1")
kept = re.findall(r"<li>many\.csv:\d+: kept", r.text)
check(r.status == 200 and "Values kept because someone set them by hand since the last import: 60." in r.text,
      "the dry run of 60 kept values: %d %s" % (r.status, r.text[-900:]))
check(len(kept) == 50 and "<li>… and 10 more</li>" in r.text, "the kept values listed: %d" % len(kept))

# config.ini's round, read when the server starts
srv.stop()
config = os.path.join(os.environ["XDG_CONFIG_HOME"], "digikomp")
os.makedirs(config, exist_ok=True)
with open(os.path.join(config, "config.ini"), "w") as f:
    f.write("[digikomp]\nround = r2\n")
srv = Server()
os.remove(os.path.join(config, "config.ini"))
b["H1"] = Browser(srv)
check(b["H1"].sign_in("H1").status == 303, "H1 signs in again")
r = upload("H1", "ratings", "two.csv", ratings_of("r2", [("E1", "1.2", "2", "2")]), round="")
check(r.status == 200 and "Round: r2 (Runda 2)." in r.text,
      "ratings with an empty round and r2 configured: %d %s" % (r.status, r.text[-900:]))
levels = sql("SELECT hex(levels) FROM assessment a JOIN round r ON r.id = a.round_id"
             " JOIN person p ON p.id = a.person_id WHERE r.code = 'r2' AND p.ext_id = 'E1'").strip()
check(levels[2:4] == "02", "E1's self 1.2 is not 2 in r2: %r" % levels)

srv.stop()
sys.exit(finish("t_serve_imports"))
