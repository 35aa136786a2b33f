#!/usr/bin/python3
# t_admin_audit.py — the admin's audit log in headless Chromium (`make check-web`
# runs it as t_manager.py says).
#
# On the example organisation: Åsa (K10037) rates herself and keeps it to
# herself; Maria (K10040, granted admin) follows the accounts page's link to
# the audit log, narrows it with the form to Åsa's ratings — the field and
# time of her change, not its values — and pages back to older changes.
# Every page passes axe-core at 1280 and 320 px and nothing scrolls
# sideways at 320.
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_lib as b  # noqa: E402
b.setup()
from browser_lib import By, check  # noqa: E402
from selenium.webdriver.support.ui import Select  # noqa: E402

ADMIN, EMPLOYEE = "K10040", "K10037"

b.example_store([])
b.ok(b.dk("user", "password", ADMIN, stdin=b.PASSWORD + "\n"))
b.ok(b.dk("user", "grant", ADMIN, "admin"))
os.environ["DIGIKOMP_USER"] = EMPLOYEE
b.ok(b.dk("rate", "--self", EMPLOYEE, "1.1", "3"))
b.ok(b.dk("rate", "--motivation", EMPLOYEE, "1.1", "5"))
del os.environ["DIGIKOMP_USER"]
b.start()
d = b.chromium()

b.sign_in(d, ADMIN)
b.go(d, "/admin/users")
b.follow(d, d.find_element(By.CSS_SELECTOR, 'main a[href="/admin/audit"]'))
check(b.path(d) == "/admin/audit", "the accounts page's link leads to %s" % b.path(d))
rows = d.find_elements(By.CSS_SELECTOR, "tbody tr")
check(len(rows) == 50, "the first page shows %d changes, not 50" % len(rows))
b.look(d, "the audit log")

d.find_element(By.ID, "audit-person").send_keys(EMPLOYEE)
Select(d.find_element(By.ID, "audit-kind")).select_by_value("rating")
b.follow(d, d.find_element(By.CSS_SELECTOR, 'form[action="/admin/audit"] button'))
check(b.path(d) == "/admin/audit?person=%s&actor=&kind=rating&from=&to=" % EMPLOYEE,
      "the form asked for %s" % b.path(d))
cells = [[c.text for c in r.find_elements(By.CSS_SELECTOR, "th, td")]
         for r in d.find_elements(By.CSS_SELECTOR, "tbody tr")]
check([r[4] for r in cells] == ["motivation 1.1", "självskattning 1.1"], "Åsa's ratings: %r" % cells)
check(all(r[1] == EMPLOYEE and r[6] == "(inte delad)" for r in cells), "an unshared value is shown: %r" % cells)
check(d.find_element(By.ID, "audit-person").get_attribute("value") == EMPLOYEE, "the person typed is not kept")
b.look(d, "a person's ratings in the audit log", "admin-audit")

b.go(d, "/admin/audit")
b.follow(d, d.find_element(By.LINK_TEXT, "Tidigare ändringar"))
check(b.path(d) == "/admin/audit?page=2", "the older page is %s" % b.path(d))
check(d.find_elements(By.LINK_TEXT, "Senare ändringar"), "the older page has no link back")
b.look(d, "the audit log's second page")
b.stop()
sys.exit(b.finish("t_admin_audit"))
