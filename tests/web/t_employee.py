#!/usr/bin/python3
# t_employee.py — an employee's way through the pages in headless Chromium
# (`make check-web` runs it with Debian's Python through tests/cli/run.sh,
# which sets DIGIKOMP, TOP, T; AXE_JS names axe-core's axe.min.js).
#
# With JavaScript on, at 1280 px: the invitation link, signing out, signing
# in by typing and clicking, the start page, the self-rating area by area (every choice by its label), on and
# back with the answers kept, a change, signing out and in with the change
# kept, the summary, sharing (and a change after it), the plan's PDF and
# iCalendar files, the catalogue, the settings, the accessibility statement;
# on every page axe-core's WCAG 2.0/2.1 A and AA rules find nothing, at
# 1280 and at 320 px, and at 320 px nothing scrolls sideways; the
# self-rating page by keyboard alone (Tab reaches each control in document
# order, focus always visible, no trap).  Then the same way with JavaScript
# off, as another employee.  Each part first asks for its route: a 404
# fails the part and names the route.
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser_lib as b  # noqa: E402
b.setup()
from browser_lib import By, Keys, check  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402

EMPLOYEE, SECOND, MANAGER = "K10037", "K10038", "K10032"  # Ekonomi's employees and their manager
ROUND = "2026"


def employee_areas():
    """The framework's areas an employee rates, each (id, [competence ids])."""
    root = ET.parse(os.path.join(b.TOP, "frameworks/kommun-digcomp-12.xml")).getroot()
    ns = {"f": root.tag[1:].split("}")[0]} if root.tag.startswith("{") else {"f": ""}
    out = []
    for area in root.iter("{%s}area" % ns["f"]):
        roles = area.get("roles")
        if roles is None or "employee" in roles.split():
            out.append((area.get("id"), [c.get("id") for c in area.iter("{%s}competence" % ns["f"])]))
    return out


AREAS = employee_areas()
check(len(AREAS) == 5, "the municipal framework gives an employee %d areas, expected 5" % len(AREAS))
# what the employee answers in each area: a level for each competence, "?"
# (don't know) for the last one of the first area, motivation 4
ANSWERS = {c: ("?" if (a, c) == (AREAS[0][0], AREAS[0][1][-1]) else str(2 + i % 3))
           for a, cs in AREAS for i, c in enumerate(cs)}
FIRST = AREAS[0][1][0]          # the competence changed later


def stored(person):
    """The person's self-rating in ROUND as the store holds it: (shared,
    {competence: (self or "?" or None, motivation)}), from `person export`."""
    p = b.dk("person", "export", person)
    data = json.loads(p.stdout)
    for a in data["assessments"]:
        if a["round"] == ROUND:
            return a["shared"], {c["competence"]: ("?" if c["dont_know"] else
                                                   None if c["self"] is None else str(c["self"]), c["motivation"])
                                 for c in a["competences"]}
    return None, {}


looked = set()


def look(d, where, name=None):
    """b.look, once per page, in the pass that looks (JavaScript on)."""
    if not d.looks or where in looked:
        return
    looked.add(where)
    b.look(d, where, name)


def submit(form, *patterns):
    """Clicks FORM's first submit button whose text matches the first of
    PATTERNS that one matches (else its last button)."""
    buttons = form.find_elements(By.CSS_SELECTOR, "button:not([type=button]):not([type=reset]), input[type=submit]")
    check(buttons, "a form without a button")
    if not buttons:
        return
    words = [" ".join([e.text, e.get_attribute("value") or "", e.get_attribute("name") or ""]) for e in buttons]
    for pattern in patterns:
        for e, w in zip(buttons, words):
            if re.search(pattern, w, re.I):
                b.follow(form.parent, e)
                return
    b.follow(form.parent, buttons[-1])


def invited(d, link):
    """Signs in the first time: the invitation link, then its button."""
    b.go(d, link)
    look(d, "the invitation page", "employee-invitation")
    submit(d.find_element(By.CSS_SELECTOR, 'main form'))
    check(b.path(d) == "/", "the invitation's button lands on %s, expected /" % b.path(d))


def sign_in(d, person):
    b.go(d, "/login")
    look(d, "the sign-in page", "employee-login")
    d.find_element(By.ID, "username").send_keys(person)
    d.find_element(By.ID, "password").send_keys(b.PASSWORD)
    submit(d.find_element(By.CSS_SELECTOR, 'form[action="/login"]'))
    check(b.path(d) == "/", "%s signed in lands on %s, expected /" % (person, b.path(d)))


def sign_out(d):
    submit(d.find_element(By.CSS_SELECTOR, 'form[action="/logout"]'))
    check(b.path(d) == "/login", "signing out lands on %s, expected /login" % b.path(d))
    b.go(d, "/")
    check(b.path(d) == "/login", "after signing out / shows %s, expected the sign-in page" % b.path(d))


def radio(d, field, value):
    found = d.find_elements(By.CSS_SELECTOR, 'input[name="%s"][value="%s"]' % (field, value))
    check(found, "%s: no choice %s on %s" % (field, value, b.path(d)))
    if found:
        check(found[0].get_attribute("type") == "radio", "%s=%s is not a radio button" % (field, value))
    return found[0] if found else None


def choose(d, field, value):
    """Chooses VALUE of FIELD by clicking its label, not the radio button."""
    r = radio(d, field, value)
    if r is None:
        return
    rid = r.get_attribute("id")
    labels = d.find_elements(By.CSS_SELECTOR, 'label[for="%s"]' % rid) if rid else []
    labels = labels or r.find_elements(By.XPATH, "ancestor::label")
    check(labels, "%s=%s has no label" % (field, value))
    if not labels:
        return
    d.execute_script("arguments[0].scrollIntoView({block: 'center'})", labels[0])
    labels[0].click()
    check(r.is_selected(), "clicking the label of %s=%s did not choose it" % (field, value))


def chosen(d, field):
    """The value of FIELD's checked radio button, or None."""
    found = d.find_elements(By.CSS_SELECTOR, 'input[name="%s"]:checked' % field)
    return found[0].get_attribute("value") if found else None


def rate_area(d, area, competences, answers, comment=None):
    """Answers every competence of the area shown by clicking the labels."""
    for c in competences:
        choose(d, "level-" + c, answers[c])
        choose(d, "motivation-" + c, "4")
    if comment:
        box = d.find_elements(By.NAME, "comment-" + competences[0])
        check(box, "area %s: no comment field for %s" % (area, competences[0]))
        if box:
            box[0].clear()
            box[0].send_keys(comment)


def shows_area(d, area, competences):
    return bool(d.find_elements(By.CSS_SELECTOR, 'input[name="level-%s"]' % competences[0]))


def go_on(d):
    """Saves the area shown and goes on, with the form's forward button."""
    submit(d.find_element(By.XPATH, '//input[starts-with(@name, "level-")]/ancestor::form'),
           r"nästa|next|fortsätt|continue|vidare", r"spara|save")


def go_back(d, area):
    """Goes back to AREA: the page's own link or button back, else its address."""
    back = [e for e in d.find_elements(By.CSS_SELECTOR, "main a[href], main button")
            if re.search(r"föregående|previous|tillbaka|back", e.text, re.I)]
    if back:
        b.follow(d, back[0])
    else:
        b.go(d, "/assessment?area=" + area)


def answers_kept(d, area, competences, answers, why):
    for c in competences:
        got = chosen(d, "level-" + c)
        check(got == answers[c], "%s: %s shows level %s, expected %s" % (why, c, got, answers[c]))
        got = chosen(d, "motivation-" + c)
        check(got == "4", "%s: %s shows motivation %s, expected 4" % (why, c, got))


def keyboard(d):
    """Tab alone reaches every control of the page in document order, each
    with its focus visible, and leaves the last one (no trap)."""
    want = b.focusable(d)
    d.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0)")
    reached = []
    for _ in range(len(want) + 1):
        ActionChains(d).send_keys(Keys.TAB).perform()
        e = d.switch_to.active_element
        if reached and e == reached[-1]:
            check(False, "keyboard: Tab stays on %s (a trap)" % b.describe(d, e))
            break
        if e.tag_name == "body" or (reached and e == reached[0]):
            break
        reached.append(e)
        check(b.focus_visible(d), "keyboard: the focus on %s is not visible" % b.describe(d, e))
    for i, w in enumerate(want):
        if i >= len(reached):
            check(False, "keyboard: Tab never reaches %s" % b.describe(d, w))
            break
        if reached[i] != w:
            check(False, "keyboard: Tab number %d reaches %s, expected %s (document order)"
                  % (i + 1, b.describe(d, reached[i]), b.describe(d, w)))
            break
    check(len(want) > 2 * len(AREAS[0][1]), "keyboard: only %d controls on the self-rating page" % len(want))


def self_rating(d, person, mode):
    """The self-rating area by area, the summary and sharing."""
    if not b.have(d, "/assessment", "the self-rating " + mode):
        return
    start_before = [e.text for e in d.find_elements(By.CSS_SELECTOR, 'main a[href="/assessment"]')]
    check(start_before, "the start page has no link to the self-rating")
    if start_before:
        b.follow(d, d.find_element(By.CSS_SELECTOR, 'main a[href="/assessment"]'))
    else:
        b.go(d, "/assessment")
    (a1, c1), (a2, c2) = AREAS[0], AREAS[1]
    check(shows_area(d, a1, c1), "the self-rating opens on %s, expected the first area %s" % (b.path(d), a1))

    # the first area, every answer by its label; on to the second
    rate_area(d, a1, c1, ANSWERS, comment="Jag vill bli säkrare på det här.")
    look(d, "the self-rating's area %s" % a1, "employee-assessment")
    go_on(d)
    check(shows_area(d, a2, c2), "after the first area %s shows no area %s" % (b.path(d), a2))
    look(d, "the self-rating's area %s" % a2)
    # back: the answers are there
    go_back(d, a1)
    check(shows_area(d, a1, c1), "going back shows %s, expected area %s" % (b.path(d), a1))
    answers_kept(d, a1, c1, ANSWERS, "back in area " + a1)
    box = d.find_elements(By.NAME, "comment-" + c1[0])
    check(box and "säkrare" in (box[0].get_attribute("value") or ""), "back in area %s the comment is gone" % a1)
    if d.looks:
        b.go(d, "/assessment?area=" + a1)
        keyboard(d)
    # a change, saved by going on
    changed = dict(ANSWERS, **{FIRST: "1"})
    choose(d, "level-" + FIRST, "1")
    go_on(d)
    shared, levels = stored(person)
    check(levels.get(FIRST) == ("1", 4), "the store holds %s for %s, expected ('1', 4)" % (levels.get(FIRST), FIRST))
    check(levels.get(c1[-1]) == ("?", 4), "the store holds %s for %s, expected ('?', 4) (don't know)"
          % (levels.get(c1[-1]), c1[-1]))
    # signed out and in again: the change is there
    sign_out(d)
    sign_in(d, person)
    b.go(d, "/assessment?area=" + a1)
    answers_kept(d, a1, c1, changed, "signed in again")

    # the other areas, each by its labels
    for area, cs in AREAS[1:]:
        b.go(d, "/assessment?area=" + area)
        check(shows_area(d, area, cs), "/assessment?area=%s shows no area %s" % (area, area))
        rate_area(d, area, cs, changed)
        look(d, "the self-rating's area %s" % area)
        go_on(d)
    shared, levels = stored(person)
    for c, want in changed.items():
        check(levels.get(c) == (want, 4), "the store holds %s for %s, expected %s" % (levels.get(c), c, (want, 4)))
    check(shared is False, "the self-rating is shared before the employee shares it")

    # the summary and sharing
    if not b.have(d, "/assessment/summary", "the summary and sharing " + mode):
        return
    b.go(d, "/assessment/summary")
    check(d.find_elements(By.CSS_SELECTOR, "main svg, main img"), "the summary shows no chart")
    look(d, "the summary", "employee-summary")
    forms = d.find_elements(By.CSS_SELECTOR, 'form[action="/assessment/share"]')
    check(forms, "the summary has no form to share the self-rating")
    if forms:
        submit(forms[0])
        check(stored(person)[0] is True, "after sharing the store holds the self-rating unshared")
        look(d, "the page after sharing")
        b.go(d, "/")
        after = [e.text for e in d.find_elements(By.CSS_SELECTOR, 'main a[href="/assessment"]')]
        check(after and after != start_before, "the start page says the same after sharing: %s" % after)
        # a change after sharing still saves (the manager sees it)
        b.go(d, "/assessment?area=" + a2)
        choose(d, "level-" + c2[0], "5")
        go_on(d)
        check(stored(person)[1].get(c2[0]) == ("5", 4), "a change after sharing was not saved")


def plan(d, mode):
    """The plan, reached from the start page, and its two files."""
    if not b.have(d, "/plan", "the plan " + mode):
        return
    b.go(d, "/")
    links = d.find_elements(By.CSS_SELECTOR, 'main a[href="/plan"]')
    check(links, "the start page has no link to the plan")
    if links:
        b.follow(d, links[0])
    else:
        b.go(d, "/plan")
    check(b.path(d) == "/plan", "the plan's link leads to %s" % b.path(d))
    look(d, "the plan", "employee-plan")
    check("Starta din AI-resa" in d.find_element(By.TAG_NAME, "main").text,
          "the plan does not show its activity 'Starta din AI-resa'")
    for suffix, magic, what in ((".pdf", b"%PDF-", "PDF"), (".ics", b"BEGIN:VCALENDAR", "iCalendar")):
        hrefs = [e.get_attribute("href") for e in d.find_elements(By.CSS_SELECTOR, "main a[href]")
                 if e.get_attribute("href").split("?")[0].endswith("/plan" + suffix)]
        check(hrefs, "the plan has no link to its %s file" % what)
        if not hrefs:
            continue
        r = b.fetch(d, hrefs[0][len(b.url("")):])
        check(r.status == 200 and r.body.startswith(magic),
              "the plan's %s link answers %d with %r" % (what, r.status, r.body[:20]))
        if suffix == ".ics":
            check(b"DTSTART:20270415T130000" in r.body, "the plan's iCalendar lacks the session of 15 April")


def flow(d, person):
    """The employee's way; with d.looks, axe, 320 px, keyboard and screenshots too."""
    mode = "with JavaScript %s" % ("on" if d.javascript else "off")
    invited(d, LINKS[person])
    look(d, "the start page", "employee-start")
    sign_out(d)
    sign_in(d, person)
    self_rating(d, person, mode)
    plan(d, mode)
    # the other pages of the employee
    for route, what, name in (("/catalogue", "the catalogue", "employee-catalogue"),
                              ("/settings", "the settings", None),
                              ("/accessibility", "the accessibility statement", None)):
        if b.have(d, route, what + " " + mode):
            b.go(d, route)
            check(b.path(d) == route, "%s shows %s" % (route, b.path(d)))
            look(d, what, name)
    sign_out(d)


b.example_store([(EMPLOYEE, MANAGER), (SECOND, MANAGER)])
LINKS = b.invitations(ROUND, "Kulturförvaltningen/Administrativa staben/Ekonomi")
b.start()
d = b.chromium(javascript=True)
d.looks = True
flow(d, EMPLOYEE)
b.close(d)

d = b.chromium(javascript=False)
d.looks = False
check(d.execute_script("return 1") == 1, "the test's own script does not run with JavaScript off")
flow(d, SECOND)
sys.exit(b.finish("t_employee"))
