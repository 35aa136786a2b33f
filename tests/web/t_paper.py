#!/usr/bin/python3
# t_paper.py — a manager enters a person's paper form in headless Chromium
# (`make check-web` runs it through tests/cli/run.sh, which sets DIGIKOMP,
# TOP, T; AXE_JS names axe-core's axe.min.js).
#
# On the example organisation: Nadia (K10039) filled in a paper form and
# gave it to Sara (K10032), her manager.  Sara signs in, follows the team
# page's "Enter a paper form" for Nadia, chooses each answer by its label,
# area by area, and lands on the conversation: the store has the levels,
# shared, and the audit names Sara for Nadia from paper.  Karin (K10038)
# answered a question in the browser herself: her page warns and shows her
# answer.  On every page axe-core's WCAG 2.0/2.1 A and AA rules find
# nothing at 1280 and at 320 px, and at 320 px nothing scrolls sideways.
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_lib as b  # noqa: E402
b.setup()
from browser_lib import By, check  # noqa: E402

PERSON, OWN, MANAGER, ROUND = "K10039", "K10038", "K10032", "2026"


def assessment(person):
    data = json.loads(b.dk("person", "export", person).stdout)
    return next(a for a in data["assessments"] if a["round"] == ROUND)


def choose(d, field, value):
    """Chooses VALUE of FIELD by clicking its label."""
    rid = "%s-%s" % (field, "dk" if value == "?" else value)
    labels = d.find_elements(By.CSS_SELECTOR, 'label[for="%s"]' % rid)
    check(labels, "%s=%s has no label" % (field, value))
    if labels:
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", labels[0])
        labels[0].click()


def submit_next(d):
    button = d.find_element(By.CSS_SELECTOR, 'main form button[name="go"][value="next"]')
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    b.follow(d, button)


b.example_store([])
b.ok(b.dk("user", "password", MANAGER, stdin=b.PASSWORD + "\n"))
# Karin's own answer, audited as by herself, as her browser's would be
b.ok(b.dk("rate", "--self", OWN, "1.1", "2", "--by", OWN))
server = b.start()
d = b.chromium()

b.go(d, "/login")
d.find_element(By.ID, "username").send_keys(MANAGER)
d.find_element(By.ID, "password").send_keys(b.PASSWORD)
b.follow(d, d.find_element(By.CSS_SELECTOR, 'form[action="/login"] button'))
b.go(d, "/team")
links = d.find_elements(By.CSS_SELECTOR, 'a[href="/people/%s/assessment"]' % PERSON)
check(links and "pappersblankett" in links[0].text, "the team page has no paper link for Nadia")
if links:
    b.follow(d, links[0])
check(b.path(d).startswith("/people/%s/assessment" % PERSON), "the paper link leads to %s" % b.path(d))
check("Nadia Yilmaz" in d.find_element(By.TAG_NAME, "main").text, "the page does not name Nadia")
look_name = "manager-paper"
areas = 0
while b.path(d).startswith("/people/%s/assessment" % PERSON) and areas < 20:
    b.look(d, "the paper form, area %d" % (areas + 1), look_name)
    look_name = None
    for fs in d.find_elements(By.CSS_SELECTOR, "main fieldset.competence"):
        choose(d, fs.get_attribute("id"), "?" if areas == 0 else "3")
    for fs in d.find_elements(By.CSS_SELECTOR, "main fieldset.motivation"):
        choose(d, fs.get_attribute("id"), "4")
    submit_next(d)
    areas += 1
check(b.path(d) == "/people/%s/conversation" % PERSON, "the last area leads to %s" % b.path(d))
b.look(d, "the conversation after the paper form")
a = assessment(PERSON)
check(a["shared"], "the paper form is not shared")
log = b.dk("audit", PERSON).stdout
check(re.search(MANAGER + r".*self 1\.1.*\? \((from paper|från papper)\)", log) is not None, "the audit lacks Sara's paper entry:\n" + log)
check(re.search(MANAGER + r".*shared.*paper", log) is not None, "the audit lacks the sharing:\n" + log)

# Karin answered 1.1 herself: the page shows it and keeps it
b.go(d, "/people/%s/assessment" % OWN)
warning = d.find_elements(By.ID, "own")
check(warning and "Karin Holm" in warning[0].text, "no warning of Karin's own answer")
check(d.find_elements(By.ID, "replace"), "no box to replace Karin's own answers")
b.look(d, "the paper form with the person's own answers", "manager-paper-own")

b.stop()
sys.exit(b.finish("t_paper"))
