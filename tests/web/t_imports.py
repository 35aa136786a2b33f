#!/usr/bin/python3
# t_imports.py — HR's import page and the participation page in headless
# Chromium (`make check-web` runs it as t_manager.py says).
#
# On the example organisation: Sara (K10032, granted HR) tries the example
# roster, the example ratings and the catalogue as dry runs, which store
# nothing, searches the catalogue and records a participation; Åsa (K10037,
# trainer of ai-resa) records one for her activity.  Every page passes
# axe-core at 1280 and 320 px and nothing scrolls sideways at 320.  HR
# then asks for the participation report of a period of days (refused at
# its field) and of a half-year.
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_lib as b  # noqa: E402
b.setup()
from browser_lib import By, check  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

HR, TRAINER = "K10032", "K10037"


def people():
    return subprocess.run(["sqlite3", os.path.join(b.serve_lib.T, "store.db"),
                           "SELECT ext_id, name, unit_id FROM person ORDER BY 1"],
                          capture_output=True, text=True).stdout


def store():
    """What an import may change, as the CLI shows it."""
    return [b.dk("report", "response", "--round", "2026", "--format", "csv").stdout,
            b.dk("catalogue", "list", "--format", "csv").stdout, people()]


def status():
    return d.find_element(By.CSS_SELECTOR, '[role="status"]').text


def dry_run(kind, path, round_code=""):
    Select(d.find_element(By.ID, "kind")).select_by_value(kind)
    d.find_element(By.ID, "round").clear()
    d.find_element(By.ID, "round").send_keys(round_code)
    d.find_element(By.ID, "file").send_keys(os.path.join(b.TOP, path))
    b.follow(d, d.find_element(By.CSS_SELECTOR, 'button[name="dry-run"]'))


def record(d, person, activity):
    b.go(d, "/participation")
    for name, value in (("person", person), ("activity", activity), ("hours", "2")):
        d.find_element(By.ID, name).send_keys(value)
    d.execute_script("document.getElementById('date').value = '2026-03-02'")
    b.follow(d, d.find_element(By.CSS_SELECTOR, 'form[action="/participation"] button'))


b.example_store([])
for person, grant in ((HR, "hr"), (TRAINER, "trainer:ai-resa")):
    b.ok(b.dk("user", "password", person, stdin=b.PASSWORD + "\n"))
    b.ok(b.dk("user", "grant", person, grant))
b.start()
d = b.chromium()

b.sign_in(d, HR)
b.go(d, "/imports")
b.look(d, "the import page", "imports-form")
before = store()
dry_run("roster", "examples/roster.csv")
check('role="status"' in d.page_source and "1165" in d.page_source, "the dry run's count")
check(store() == before, "the dry run changed the store")
b.look(d, "the dry run", "imports-dry-run")
dry_run("ratings", "examples/ratings-2026.csv", "2026")
# (the page is in Swedish, the browser's language)
check(status().startswith("Provkörning, inget skrivet. 12658 rader; 1093 tillagda, 0 uppdaterade"),
      "the ratings' dry run: " + status())
check(store() == before, "the ratings' dry run changed the store")
b.look(d, "the ratings' dry run")
dry_run("catalogue", "examples/catalogue.xml")
check(status() == "Provkörning, inget skrivet. 60 rader; 0 tillagda, 0 ersatta, 60 oförändrade.",
      "the catalogue's dry run: " + status())
check(store() == before, "the catalogue's dry run changed the store")

# the catalogue: every activity for HR, searched, and the links to the coverage report
b.go(d, "/catalogue")
d.find_element(By.ID, "q").send_keys("e-post")
b.follow(d, d.find_element(By.CSS_SELECTOR, 'form[role="search"] button'))
check(status().startswith("Aktiviteter som passar sökningen:") and "/reports/coverage#table-wishes" in d.page_source,
      "HR's catalogue search: " + status())
b.look(d, "HR's catalogue search", "catalogue-search")
b.follow(d, d.find_element(By.CSS_SELECTOR, 'a[href="/reports/coverage"]'))
check(b.path(d) == "/reports/coverage" and "table-wishes" in d.page_source, "the coverage report from the catalogue")
b.look(d, "the coverage report")
record(d, TRAINER, "ai-resa")
check('role="status"' in d.page_source and "2026-03-02" in d.page_source, "HR records")
b.look(d, "the participation page", "imports-participation")

# the fund report: a period that is not a calendar year or a half of one is
# refused at its field, what was typed kept; a half-year shows the report
b.go(d, "/reports/participation?from=2026-01-15&to=2026-06-30")
check(d.find_element(By.ID, "report-from").get_attribute("value") == "2026-01-15"
      and "2026-01-01" in d.find_element(By.ID, "report-from-error").text
      and not d.find_elements(By.ID, "report-title"), "a period of days is refused at its field")
b.look(d, "the refused period")
b.go(d, "/reports/participation?from=2026-01-01&to=2026-06-30")
check(d.find_elements(By.ID, "report-title") and "ai-resa" not in d.find_element(By.ID, "report-title").text,
      "the half-year's participation report")
b.look(d, "the participation report", "reports-participation")
b.go(d, "/logout")

d.delete_all_cookies()
b.sign_in(d, TRAINER)
record(d, HR, "ai-resa")
check('role="status"' in d.page_source and "2026-03-02" in d.page_source, "the trainer records for their activity")
b.look(d, "the trainer's participation page")
b.stop()
sys.exit(b.finish("t_imports"))
