#!/usr/bin/python3
# t_imports.py — HR's import page and the participation page in headless
# Chromium (`make check-web` runs it as t_manager.py says).
#
# On the example organisation: Sara (K10032, granted HR) tries the example
# roster as a dry run, which stores nothing, and records a participation;
# Åsa (K10037, trainer of ai-resa) records one for her activity.  Every page
# passes axe-core at 1280 and 320 px and nothing scrolls sideways at 320.
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


def sign_in(d, person):
    b.go(d, "/login")
    d.find_element(By.ID, "username").send_keys(person)
    d.find_element(By.ID, "password").send_keys(b.PASSWORD)
    b.follow(d, d.find_element(By.CSS_SELECTOR, 'form[action="/login"] button'))


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

sign_in(d, HR)
b.go(d, "/imports")
b.look(d, "the import page", "imports-form")
before = people()
Select(d.find_element(By.ID, "kind")).select_by_value("roster")
d.find_element(By.ID, "file").send_keys(os.path.join(b.TOP, "examples/roster.csv"))
b.follow(d, d.find_element(By.CSS_SELECTOR, 'button[name="dry-run"]'))
check('role="status"' in d.page_source and "1165" in d.page_source, "the dry run's count")
check(people() == before, "the dry run changed the store")
b.look(d, "the dry run", "imports-dry-run")
record(d, TRAINER, "ai-resa")
check('role="status"' in d.page_source and "2026-03-02" in d.page_source, "HR records")
b.look(d, "the participation page", "imports-participation")
b.go(d, "/logout")

d.delete_all_cookies()
sign_in(d, TRAINER)
record(d, HR, "ai-resa")
check('role="status"' in d.page_source and "2026-03-02" in d.page_source, "the trainer records for their activity")
b.look(d, "the trainer's participation page")
b.stop()
sys.exit(b.finish("t_imports"))
