#!/usr/bin/python3
# t_admin_people.py — the admin's accounts page, an invitation made there,
# and the erasure of a person, in headless Chromium (`make check-web` runs
# it as t_manager.py says).
#
# On the example organisation: Olof (K10001, granted admin) opens the
# accounts, makes an invitation link for Maria (K10041), opens Eva's
# (K10040) erasure, types a wrong id (refused, what he typed kept), then
# hers, and Eva is gone from the store.  Every page passes axe-core at 1280
# and 320 px and nothing scrolls sideways at 320.
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_lib as b  # noqa: E402
b.setup()
from browser_lib import By, check  # noqa: E402

ADMIN, INVITED, ERASED = "K10001", "K10041", "K10040"


def person(pid):
    return subprocess.run(["sqlite3", os.path.join(b.serve_lib.T, "store.db"),
                           "SELECT name FROM person WHERE ext_id = '%s'" % pid],
                          capture_output=True, text=True).stdout.strip()


b.example_store([(ERASED, "K10032")])
b.ok(b.dk("user", "password", ADMIN, stdin=b.PASSWORD + "\n"))
b.ok(b.dk("user", "grant", ADMIN, "admin"))
b.start()
d = b.chromium()

b.sign_in(d, ADMIN)
b.go(d, "/admin/users")
b.look(d, "the accounts page", "admin-users")

d.find_element(By.ID, "invite-person").send_keys(INVITED)
b.follow(d, d.find_element(By.CSS_SELECTOR, 'form[action="/admin/invitations"] button'))
check("/invite/" in d.page_source and "Maria Berg" in d.page_source, "the invitation link is shown")
b.look(d, "the invitation link", "admin-invitation")

b.go(d, "/admin/people/%s/erase" % ERASED)
check("Eva Nordström" in d.page_source, "the erasure page names Eva")
b.look(d, "the erasure's confirmation", "admin-erase")
d.find_element(By.ID, "confirm").send_keys("K10004")
b.follow(d, d.find_element(By.CSS_SELECTOR, 'form[action="/admin/people/%s/erase"] button' % ERASED))
check(d.find_element(By.ID, "confirm").get_attribute("value") == "K10004", "the wrong id typed is kept")
check(person(ERASED) == "Eva Nordström", "a wrong id erased Eva")
b.look(d, "the refused erasure")
field = d.find_element(By.ID, "confirm")
field.clear()
field.send_keys(ERASED)
b.follow(d, d.find_element(By.CSS_SELECTOR, 'form[action="/admin/people/%s/erase"] button' % ERASED))
check('role="status"' in d.page_source and "Eva Nordström (%s)" % ERASED in d.page_source, "the erasure's outcome")
check(person(ERASED) == "", "Eva is still in the store")
b.look(d, "the erasure's outcome")
b.stop()
sys.exit(b.finish("t_admin_people"))
