#!/usr/bin/python3
# t_cycle.py — the whole yearly cycle on the example organisation in headless
# Chromium (`make check-web` runs it as t_manager.py says).
#
#   1. HR (Agnes, K10062, granted hr) opens round 2025 on /rounds, imports
#      the roster, the catalogue and 2025's ratings on /imports, closes 2025,
#      opens 2026 and imports its ratings (the example's, in which Åsa has
#      none);
#   2. the employee (Åsa, K10037) rates each of her areas, one page each, and
#      shares from the summary;
#   3. her manager (Sara, K10032) adjusts a level with a reason on the
#      conversation page, records it held, creates the plan from the
#      suggestions and agrees it;
#   4. a trainer (Märta, K10063, trainer:ai-resa) records Åsa's attendance
#      on /participation;
#   5. HR reads needs by area, 2026 against 2025, on /reports/needs (the
#      page's CSV is the CLI's) and downloads it as XLSX (a zip with
#      xl/workbook.xml, the CLI's sheets);
#   6. a coordinator (Samir, K10064, coordinator of Administrativa staben)
#      reads the report of their unit only; another unit's and HR's summary
#      are 404.
# Each change is checked in the store (the digikomp CLI: round list,
# catalogue list, person export, plan show, audit; sqlite3 for counts) and
# in the audit, each new row with the signed-in person as its actor.  Every
# page visited passes axe-core at 1280 and 320 px and does not scroll
# sideways at 320.
#
# Set-up with the CLI, for what has no page: the store and its framework
# (`init`), HR's own person (a one-row roster, so that Agnes can sign in to
# import the rest), the passwords (`user password`) and the grants (`user
# grant`).
import csv
import json
import os
import re
import sys
import time
import urllib.parse
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_lib as b  # noqa: E402
b.setup()
from browser_lib import By, check  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

HR, EMPLOYEE, MANAGER, TRAINER, COORDINATOR = "K10062", "K10037", "K10032", "K10063", "K10064"
ORG = "Kulturförvaltningen"
COORDINATED = ORG + "/Administrativa staben"
ELSEWHERE = ORG + "/Kulturskolan"
EXAMPLES = os.path.join(b.TOP, "examples")
COMPETENCE = "4.2"          # the level Sara adjusts
T = b.serve_lib.T


def sql(query):
    return b.serve_lib.sql(query).strip()


def audit_mark():
    return int(sql("SELECT coalesce(max(id), 0) FROM audit"))


def audited(since, actor, what, entity=None):
    """The audit rows after SINCE exist, all with ACTOR; with ENTITY (an SQL
    LIKE pattern), one of them is about it."""
    rows = sql("SELECT actor, entity FROM audit WHERE id > %d" % since).splitlines()
    check(rows, "%s: no audit row" % what)
    actors = {r.split("|")[0] for r in rows}
    check(actors == {actor}, "%s: the audit's actors are %s, expected %s" % (what, sorted(actors), actor))
    if entity:
        n = sql("SELECT count(*) FROM audit WHERE id > %d AND entity LIKE '%s'" % (since, entity))
        check(n != "0", "%s: no audit row about %s" % (what, entity))


def in_person_audit(person, actor, pattern, what):
    """`digikomp audit PERSON` has a row by ACTOR matching PATTERN."""
    a = b.ok(b.dk("audit", person)).stdout
    check(re.search(re.escape(actor) + r".*" + pattern, a) is not None,
          "`digikomp audit %s` lacks %s by %s:\n%s" % (person, what, actor, a[-2000:]))


def submit(d, form_selector, button=None):
    """Clicks the first button of the first form FORM_SELECTOR matches (or BUTTON in it)."""
    forms = d.find_elements(By.CSS_SELECTOR, form_selector)
    check(forms, "no form %s on %s" % (form_selector, b.path(d)))
    if not forms:
        return
    e = forms[0].find_element(By.CSS_SELECTOR, button or "button")
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", e)
    b.follow(d, e)


def sign_in(d, person):
    d.delete_all_cookies()
    b.go(d, "/login")
    d.find_element(By.ID, "username").send_keys(person)
    d.find_element(By.ID, "password").send_keys(b.PASSWORD)
    submit(d, 'form[action="/login"]')
    check(b.path(d) == "/", "%s signed in lands on %s" % (person, b.path(d)))


def sign_out(d):
    submit(d, 'form[action="/logout"]')


def status(d):
    """The text of the page's status message (role=status), or ""."""
    found = d.find_elements(By.CSS_SELECTOR, '[role="status"]')
    return " ".join(e.text for e in found)


def assessment(person, round_code):
    data = json.loads(b.ok(b.dk("person", "export", person)).stdout)
    return next((a for a in data["assessments"] if a["round"] == round_code), None)


def rated(round_code):
    """How many people have a level of ROUND_CODE in the store (opening a
    round registers everyone with no level yet)."""
    return sql("SELECT count(*) FROM assessment a JOIN round r ON r.id = a.round_id WHERE r.code = '%s'"
               " AND hex(a.levels) GLOB '*[1-9A-F]*'" % round_code)


def cells(z):
    """The cells of each sheet of the XLSX Z, its <sheetData> (the column
    widths around it follow the words of the headings, not the figures)."""
    return {n: re.search(rb"<sheetData>.*</sheetData>", z.read(n), re.S).group(0)
            for n in z.namelist() if n.startswith("xl/worksheets/")}


def people_in(path):
    with open(path, newline="") as f:
        return {row["person_id"] for row in csv.DictReader(f)}


# ---- set-up (the CLI: no page makes a store, HR's first account or passwords) ----
b.ok(b.dk("init", "--framework", os.path.join(b.TOP, "frameworks/kommun-digcomp-12.xml")))
with open(os.path.join(EXAMPLES, "roster.csv"), newline="") as f:
    rows = list(csv.reader(f))
hr_row = next(r for r in rows if r[0] == HR)
first = os.path.join(T, "hr.csv")
with open(first, "w", newline="") as f:
    csv.writer(f).writerows([rows[0], hr_row[:5] + [""] + hr_row[6:]])   # her manager is not there yet
b.ok(b.dk("import", "roster", first))
b.ok(b.dk("user", "password", HR, stdin=b.PASSWORD + "\n"))
b.ok(b.dk("user", "grant", HR, "hr"))
b.start()
d = b.chromium(downloads=os.path.join(T, "downloads"))

# ---- 1. HR: rounds and imports --------------------------------------------------
def open_round(code, title):
    b.go(d, "/rounds")
    d.find_element(By.ID, "round-code").send_keys(code)
    d.find_element(By.ID, "round-title").send_keys(title)
    Select(d.find_element(By.ID, "round-framework")).select_by_index(0)    # the store's only framework
    mark = audit_mark()
    submit(d, 'form[action="/rounds"]:has(input[name="action"][value="open"])')
    listed = b.ok(b.dk("round", "list")).stdout
    check(re.search(r"^%s\b.*open" % code, listed, re.M | re.I) is not None,
          "round %s is not open in `round list`:\n%s" % (code, listed))
    audited(mark, HR, "opening round " + code)


def close_round(code):
    b.go(d, "/rounds")
    mark = audit_mark()
    submit(d, 'form[action="/rounds"]:has(input[name="round"][value="%s"])' % code)
    listed = b.ok(b.dk("round", "list")).stdout
    check(re.search(r"^%s\b.*closed" % code, listed, re.M | re.I) is not None,
          "round %s is not closed in `round list`:\n%s" % (code, listed))
    audited(mark, HR, "closing round " + code)


def upload(kind, path, round_code=""):
    b.go(d, "/imports")
    Select(d.find_element(By.ID, "kind")).select_by_value(kind)
    field = d.find_element(By.ID, "round")
    field.clear()
    field.send_keys(round_code)
    d.find_element(By.ID, "file").send_keys(path)
    mark = audit_mark()
    submit(d, 'form[action="/imports"]', 'button:not([name="dry-run"])')
    check(not d.find_elements(By.CSS_SELECTOR, '[role="alert"]'), "importing %s: %s" % (
        os.path.basename(path), " ".join(e.text for e in d.find_elements(By.CSS_SELECTOR, '[role="alert"]'))))
    check(status(d), "importing %s: no message of what was done" % os.path.basename(path))
    audited(mark, HR, "importing " + os.path.basename(path))


sign_in(d, HR)
b.look(d, "HR's start page")
b.go(d, "/rounds")
b.look(d, "the rounds without a round")
open_round("2025", "Skattning våren 2025")
b.look(d, "the rounds with 2025 open")

b.go(d, "/imports")
b.look(d, "the import page")
upload("roster", os.path.join(EXAMPLES, "roster.csv"))
b.look(d, "the roster imported")
check(sql("SELECT count(*) FROM person") == str(len(rows) - 1), "the roster's people: %s in the store, %d in the file"
      % (sql("SELECT count(*) FROM person"), len(rows) - 1))
check(sql("SELECT m.ext_id FROM person p JOIN person m ON m.id = p.manager_id WHERE p.ext_id = '%s'" % HR)
      == hr_row[5], "the roster did not update HR's manager")

upload("catalogue", os.path.join(EXAMPLES, "catalogue.xml"))
catalogue = b.ok(b.dk("catalogue", "list")).stdout
check("ai-resa" in catalogue and sql("SELECT count(*) FROM activity") == "60",
      "the catalogue: %s activities" % sql("SELECT count(*) FROM activity"))

ratings25 = os.path.join(EXAMPLES, "ratings-2025.csv")
upload("ratings", ratings25, "2025")
b.look(d, "the ratings imported")
stored25 = rated("2025")
check(stored25 == str(len(people_in(ratings25))), "round 2025: %s people's ratings stored, %d people in the file"
      % (stored25, len(people_in(ratings25))))
check(assessment(EMPLOYEE, "2025") is not None, "Åsa's rating of 2025 is not stored")
close_round("2025")
open_round("2026", "Skattning vintern 2026")
ratings26 = os.path.join(EXAMPLES, "ratings-2026.csv")
check(EMPLOYEE not in people_in(ratings26), "the example's 2026 ratings have Åsa's: she rates herself here")
upload("ratings", ratings26, "2026")
stored26 = rated("2026")
check(stored26 == str(len(people_in(ratings26))), "round 2026: %s people's ratings stored, %d people in the file"
      % (stored26, len(people_in(ratings26))))
b.go(d, "/rounds")
b.look(d, "the rounds with 2026 open")
running = [e.text for e in d.find_elements(By.CSS_SELECTOR, "main h2") if "2026" in e.text]
check(running and d.find_elements(By.CSS_SELECTOR, "main figure svg"),
      "the rounds page does not follow 2026 with its charts")
sign_out(d)

# the others' accounts (no page sets a first password or a grant)
for person in (EMPLOYEE, MANAGER, TRAINER, COORDINATOR):
    b.ok(b.dk("user", "password", person, stdin=b.PASSWORD + "\n"))
b.ok(b.dk("user", "grant", TRAINER, "trainer:ai-resa"))
b.ok(b.dk("user", "grant", COORDINATOR, "coordinator:" + COORDINATED))

# ---- 2. the employee rates one area per page and shares --------------------------
sign_in(d, EMPLOYEE)
b.look(d, "the employee's start page")
b.go(d, "/assessment")
mark = audit_mark()
areas = []
for _ in range(12):
    levels = d.find_elements(By.CSS_SELECTOR, 'input[type="radio"][name^="level-"]')
    if not levels:
        break
    names = list(dict.fromkeys(e.get_attribute("name") for e in levels))
    areas.append([n[len("level-"):] for n in names])
    b.look(d, "the self-rating page %d" % len(areas))
    for name in names:
        c = name[len("level-"):]
        for field, value in (("level-" + c, "1" if c == COMPETENCE else "3"), ("motivation-" + c, "4")):
            r = d.find_element(By.CSS_SELECTOR, 'input[name="%s"][value="%s"]' % (field, value))
            d.execute_script("arguments[0].scrollIntoView({block: 'center'})", r)
            d.find_element(By.CSS_SELECTOR, 'label[for="%s"]' % r.get_attribute("id")).click()
    buttons = [e for e in d.find_elements(By.CSS_SELECTOR, "main form button")
               if re.search(r"nästa|fortsätt|vidare|klar|sammanfattning", e.text, re.I)]
    check(buttons, "the self-rating page %d has no button on" % len(areas))
    if not buttons:
        break
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", buttons[-1])
    b.follow(d, buttons[-1])
check(len(areas) == 5 and all(areas), "the self-rating's pages: %s (one area each, 5 for an employee)" % areas)
rated = [c for cs in areas for c in cs]
a = assessment(EMPLOYEE, "2026")
got = {c["competence"]: c["self"] for c in (a or {}).get("competences", [])}
check(all(got.get(c) == (1 if c == COMPETENCE else 3) for c in rated), "Åsa's stored levels: %s" % got)
check(a is not None and not a["shared"], "Åsa's rating is shared before she shares it")
b.go(d, "/assessment/summary")
b.look(d, "the employee's summary")
submit(d, 'form[action="/assessment/share"]')
check(assessment(EMPLOYEE, "2026")["shared"], "Åsa's rating is not shared")
b.look(d, "the page after sharing")
audited(mark, EMPLOYEE, "Åsa's self-rating and sharing")
in_person_audit(EMPLOYEE, EMPLOYEE, "shar", "sharing")
sign_out(d)

# ---- 3. the manager: the conversation and the plan -------------------------------
sign_in(d, MANAGER)
b.go(d, "/team")
b.look(d, "the manager's team")
b.go(d, "/people/%s/conversation" % EMPLOYEE)
b.look(d, "the conversation")
mark = audit_mark()
Select(d.find_element(By.ID, "manager-" + COMPETENCE)).select_by_value("2")
d.find_element(By.ID, "reason-" + COMPETENCE).send_keys("Visade i samtalet att hon hanterar personuppgifter rätt")
submit(d, 'form[action="/people/%s/ratings"]' % EMPLOYEE)
got = next(c for c in assessment(EMPLOYEE, "2026")["competences"] if c["competence"] == COMPETENCE)
check(got["manager"] == 2, "the adjustment is not stored: %s" % got)
in_person_audit(EMPLOYEE, MANAGER, r"manager.*" + re.escape(COMPETENCE), "the adjustment")
check("personuppgifter" in b.ok(b.dk("audit", EMPLOYEE)).stdout + json.dumps(assessment(EMPLOYEE, "2026")),
      "the adjustment's reason is stored nowhere")
submit(d, 'form[action="/people/%s/conversation"]' % EMPLOYEE)
check(assessment(EMPLOYEE, "2026").get("conversation"), "the conversation held is not stored")
in_person_audit(EMPLOYEE, MANAGER, "conversation", "the conversation held")
b.look(d, "the conversation held")
b.go(d, "/people/%s/plan" % EMPLOYEE)
b.look(d, "the plan's suggestions")
submit(d, 'form[action="/people/%s/plan"]' % EMPLOYEE)
b.look(d, "the draft plan")
submit(d, 'form[action="/people/%s/plan/agree"]' % EMPLOYEE)
b.look(d, "the agreed plan")
shown = b.ok(b.dk("plan", "show", EMPLOYEE, "--round", "2026", "--lang", "en")).stdout
check(re.search(r"agreed", shown, re.I) and MANAGER in shown, "`plan show` does not say agreed by Sara:\n" + shown)
in_person_audit(EMPLOYEE, MANAGER, "agree", "agreeing the plan")
audited(mark, MANAGER, "the conversation and the plan")
sign_out(d)

# ---- 4. the trainer records attendance --------------------------------------------
sign_in(d, TRAINER)
b.go(d, "/participation")
b.look(d, "the trainer's participation page")
mark = audit_mark()
for name, value in (("person", EMPLOYEE), ("activity", "ai-resa"), ("hours", "2")):
    d.find_element(By.ID, name).send_keys(value)
d.execute_script("document.getElementById('date').value = '2027-04-15'")
submit(d, 'form[action="/participation"]')
check("2027-04-15" in status(d), "the trainer's record: %s" % status(d))
b.look(d, "the participation recorded")
check(sql("SELECT a.activity_id, a.date FROM participation a JOIN person p ON p.id = a.person_id"
          " WHERE p.ext_id = '%s'" % EMPLOYEE) == "ai-resa|2027-04-15", "Åsa's attendance is not stored")
audited(mark, TRAINER, "recording attendance", "participation%")
in_person_audit(EMPLOYEE, TRAINER, "participation|ai-resa", "the attendance")
sign_out(d)

# ---- 5. HR: the report, round against round, and its XLSX ------------------------
sign_in(d, HR)
mark = audit_mark()
b.go(d, "/reports")
b.look(d, "the reports")
b.go(d, "/reports/needs?round=2026&compare=2025&by=area")
b.look(d, "needs by area, 2026 against 2025")
main = d.find_element(By.TAG_NAME, "main").text
check("2025" in main and "2026" in main, "the report does not show both rounds")
query = ["--round", "2026", "--compare", "2025", "--by", "area"]
# (b.fetch sends no Accept-Language: the page answers in English)
want = b.ok(b.dk("report", "needs", "--lang", "en", "--format", "csv", *query)).stdout
r = b.fetch(d, "/reports/needs?round=2026&compare=2025&by=area&format=csv")
check(r.status == 200 and r.body.decode("utf-8").splitlines() == want.splitlines(), "the page's CSV is not the CLI's:\n%s\n---\n%s"
      % (r.body.decode("utf-8", "replace")[:600], want[:600]))
links = d.find_elements(By.CSS_SELECTOR, 'main a[href*="format=xlsx"]')
check(links, "the report has no XLSX download")
if links:
    links[0].click()
    folder = os.path.join(T, "downloads")
    for _ in range(300):
        done = [f for f in os.listdir(folder) if f.endswith(".xlsx")] if os.path.isdir(folder) else []
        if done:
            break
        time.sleep(0.1)
    check(done, "the XLSX download did not arrive")
    if done:
        path = os.path.join(folder, done[0])
        check(zipfile.is_zipfile(path), "the download %s is not a zip" % done[0])
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as z:
                check("xl/workbook.xml" in z.namelist(), "the XLSX has no xl/workbook.xml: %s" % z.namelist())
                got = cells(z)
                words = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() \
                    else ""
            # the browser asked in Swedish: the framework's Swedish titles
            check("Digital säkerhet" in words, "the downloaded XLSX is not in Swedish")
            cli = os.path.join(T, "cli.xlsx")
            b.ok(b.dk("report", "needs", "--lang", "sv", "--format", "xlsx", "--output", cli, *query))
            with zipfile.ZipFile(cli) as z:
                want_x = cells(z)
            check(got == want_x, "the downloaded XLSX's figures are not the CLI's")
check(audit_mark() == mark, "reading a report changed the audit")
sign_out(d)

# ---- 6. the coordinator: their unit only -------------------------------------------
sign_in(d, COORDINATOR)
b.go(d, "/reports/needs?round=2026&by=unit")
b.look(d, "the coordinator's report")
main = d.find_element(By.TAG_NAME, "main").text
check("Ekonomi" in main, "the coordinator's report lacks their sub-unit Ekonomi")
check("Kulturskolan" not in main and "Stadsbiblioteket" not in main, "the coordinator's report shows another unit")
want = b.ok(b.dk("report", "needs", "--lang", "en", "--format", "csv", "--round", "2026", "--by", "unit",
                 "--unit", COORDINATED)).stdout
r = b.fetch(d, "/reports/needs?round=2026&by=unit&format=csv")
check(r.status == 200 and r.body.decode("utf-8").splitlines() == want.splitlines(), "the coordinator's CSV is not their unit's:\n%s\n---\n%s"
      % (r.body.decode("utf-8", "replace")[:600], want[:600]))
elsewhere = "/reports/needs?round=2026&unit=" + urllib.parse.quote(ELSEWHERE, safe="")
for path in (elsewhere, "/reports/summary", "/rounds",
             "/imports", "/people/%s/conversation" % EMPLOYEE):
    check(b.fetch(d, path).status == 404, "the coordinator reaches %s" % path)
# in the browser too: the plain "no such page" (text, not a page for axe), nothing of the unit
b.go(d, elsewhere)
shown = d.find_element(By.TAG_NAME, "body").text
check("Kulturskolan" not in shown and "%" not in shown, "the refused page shows the other unit: " + shown[:300])
b.go(d, "/")
sign_out(d)

b.stop()
sys.exit(b.finish("t_cycle"))
