# browser_lib.py — what the browser tests (tests/web/t_*.py) share: the
# example organisation's store, `digikomp serve` on a free loopback port
# (tests/cli/serve_lib.py's Server), headless Chromium driven by selenium
# (Debian's chromium, chromium-driver and python3-selenium: run with
# /usr/bin/python3), axe-core's WCAG 2.0/2.1 A and AA rules, and
# screenshots into docs/images/ when DK_SCREENSHOTS=1 (`make screenshots`).
#
#   import browser_lib as b; b.setup()     # from DIGIKOMP, TOP, T, AXE_JS
#   b.example_store(...); server = b.start(); d = b.chromium()
#   ... b.check(cond, what) ... b.axe(d, "the start page") ...
#   d.quit(); sys.exit(b.finish("name"))
import atexit
import csv
import http.client
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
import serve_lib  # noqa: E402
from serve_lib import PASSWORD, check, dk  # noqa: E402,F401

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402,F401
from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402

TOP = AXE_JS = SERVER = None
drivers = []
SHOTS = os.environ.get("DK_SCREENSHOTS") == "1"
WIDE, NARROW = 1280, 320
SHOT_MAX = 4000     # px: a long page (the catalogue) is shown from its top
skipped = []
# the rules the law's bar (WCAG 2.1 AA) maps to in axe-core
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def setup():
    """Takes from the environment (tests/cli/run.sh and the Makefile set it)
    the program (DIGIKOMP), the source tree (TOP), the scratch folder (T)
    and axe-core's axe.min.js (AXE_JS)."""
    global TOP, AXE_JS
    serve_lib.setup(os.environ["DIGIKOMP"], os.environ["TOP"], os.environ["T"])
    TOP, AXE_JS = os.environ["TOP"], os.environ["AXE_JS"]


def finish(name):
    """Prints the parts skipped and the verdict; returns the exit status."""
    for what in skipped:
        print("SKIPPED:", what)
    return serve_lib.finish(name)


def skip(what):
    skipped.append(what)


def ok(p):
    if p.returncode != 0:
        sys.exit("digikomp failed: " + p.stderr)
    return p


def example_store(people, round_code="2026"):
    """The example organisation (examples/, as `make demo` builds it, less the
    ratings): the municipal framework, the roster, round ROUND_CODE open, the
    catalogue; for each (person, manager) of PEOPLE the password PASSWORD and
    an agreed plan with an activity that has a session and a wish."""
    ok(dk("init", "--framework", os.path.join(TOP, "frameworks/kommun-digcomp-12.xml")))
    ok(dk("import", "roster", os.path.join(TOP, "examples/roster.csv")))
    ok(dk("round", "open", round_code, "--title", "Skattning vintern 2026", "--framework", "kommun-digcomp-12"))
    ok(dk("catalogue", "import", os.path.join(TOP, "examples/catalogue.xml")))
    for person, manager in people:
        ok(dk("user", "password", person, stdin=PASSWORD + "\n"))
        ok(dk("plan", "create", person, "--round", round_code))
        ok(dk("plan", "add", person, "--round", round_code, "--competence", "5.2", "--activity", "ai-resa",
              "--due", "2027-06-30"))
        ok(dk("plan", "add", person, "--round", round_code, "--competence", "3.1", "--wish",
              "Kvällskurs i bildredigering", "--due", "2027-03-31"))
        ok(dk("plan", "agree", person, "--round", round_code, "--by", manager))


def invitations(round_code, unit):
    """One-time sign-in links for the people of UNIT: {person: "/invite/TOKEN"}."""
    out = os.path.join(serve_lib.T, "links.csv")
    ok(dk("user", "invite", "--round", round_code, "--unit", unit, "--output", out))
    with open(out, newline="") as f:
        return {row["person"]: "/invite/" + row["link"].rsplit("/invite/", 1)[1] for row in csv.DictReader(f)}


def start():
    """Starts `digikomp serve` on a free loopback port, its clock at the real time."""
    global SERVER
    serve_lib.set_clock(int(time.time()))
    SERVER = serve_lib.Server()
    atexit.register(stop)
    return SERVER


def stop():
    """Ends the browsers and the server (also when a test dies half-way)."""
    while drivers:
        drivers.pop().quit()
    if SERVER is not None and SERVER.proc.poll() is None:
        SERVER.stop()


def url(path):
    return "http://127.0.0.1:%d%s" % (SERVER.port, path)


def chromium(javascript=True, downloads=None):
    """Headless Chromium, Swedish first, WIDE px wide; JAVASCRIPT False turns
    scripts off for the pages (the test's own execute_script still runs, but
    no timer or promise does: axe needs JavaScript on); DOWNLOADS names the
    folder downloads go to."""
    o = webdriver.ChromeOptions()
    o.binary_location = "/usr/bin/chromium"
    profile = tempfile.mkdtemp(prefix="chromium-", dir=serve_lib.T)
    # no connection of Chromium's own: this machine's network is closed
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
              "--no-first-run", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--disable-extensions", "--hide-scrollbars", "--lang=sv-SE",
              "--user-data-dir=" + profile, "--window-size=%d,900" % WIDE):
        o.add_argument(a)
    prefs = {"intl.accept_languages": "sv-SE,sv"}
    if not javascript:
        prefs["profile.managed_default_content_settings.javascript"] = 2
    if downloads is not None:
        prefs.update({"download.default_directory": downloads, "download.prompt_for_download": False,
                      "plugins.always_open_pdf_externally": True})
    o.add_experimental_option("prefs", prefs)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver", log_path=os.path.join(serve_lib.T, "chromedriver.log")),
                         options=o)
    drivers.append(d)
    d.javascript = javascript
    d.set_page_load_timeout(30)
    d.set_script_timeout(60)
    width(d, WIDE)
    return d


def close(d):
    drivers.remove(d)
    d.quit()


def width(d, px, height=900):
    """Makes the page's viewport PX CSS pixels wide (and HEIGHT high)."""
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": px, "height": height, "deviceScaleFactor": 1, "mobile": False})
    d.viewport = px


def go(d, path):
    d.get(url(path))


def follow(d, element):
    """Clicks ELEMENT (a link or a submit button) and waits for the page it leads to."""
    # the page shown now is marked; the one the click leads to is not
    d.execute_script("document.documentElement.setAttribute('data-left', '')")
    element.click()

    def arrived(d):
        try:
            return d.execute_script("return document.readyState === 'complete' &&"
                                    " !document.documentElement.hasAttribute('data-left')")
        except WebDriverException:      # between two pages
            return False
    WebDriverWait(d, 30).until(arrived)


def path(d):
    """The path (and query) of the page the browser shows."""
    u = d.current_url
    return u[len(url("")):] if u.startswith(url("")) else u


def fetch(d, path, method="GET"):
    """Asks the server for PATH with the browser's cookies; returns the
    response, its body bytes in .body."""
    cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in d.get_cookies())
    c = http.client.HTTPConnection("127.0.0.1", SERVER.port, timeout=60)
    c.request(method, path, headers={"Cookie": cookies} if cookies else {})
    r = c.getresponse()
    r.body = r.read()
    c.close()
    return r


def have(d, route, part, pending=False):
    """True when ROUTE answers the signed-in browser with anything but 404
    (or 405: a route only for POST). Else PART fails, or with PENDING (a
    test written before its page) is reported as skipped."""
    status = fetch(d, route).status
    if status in (404, 405):
        if pending:
            skip("%s: %s answers %d (not yet in the program)" % (part, route, status))
        else:
            check(False, "%s: %s answers %d" % (part, route, status))
        return False
    return True


def axe(d, where):
    """Runs axe-core's WCAG 2.0/2.1 A and AA rules on the page shown; each
    violation (rule, impact, elements) is a failure named after WHERE."""
    with open(AXE_JS) as f:
        d.execute_script(f.read())
    found = d.execute_async_script("""
      const done = arguments[arguments.length - 1];
      axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}})
        .then(r => done(JSON.stringify(r.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(n => n.target.join(' '))})))))
        .catch(e => done(JSON.stringify({error: String(e)})));""", AXE_TAGS)
    found = json.loads(found)
    if isinstance(found, dict):
        check(False, "axe on %s did not run: %s" % (where, found["error"]))
        return
    for v in found:
        check(False, "axe on %s at %d px: %s (%s): %s — %s" % (where, d.viewport, v["id"], v["impact"], v["help"],
                                                               ", ".join(v["targets"])))


def no_sideways_scroll(d, where):
    """The page needs no horizontal scrolling at its width (WCAG 1.4.10)."""
    wide = d.execute_script("return document.documentElement.scrollWidth")
    if wide <= d.viewport + 1:
        return
    # the innermost elements that reach past the edge, or whose content does
    # (a long word in a narrow box)
    past = d.execute_script("""
      const w = document.documentElement.clientWidth;
      const past = e => e.getBoundingClientRect().right > w + 1 ||
        (getComputedStyle(e).overflowX === 'visible' &&
         e.getBoundingClientRect().left + e.scrollWidth > w + 1);
      return [...document.querySelectorAll('body *')]
        .filter(e => past(e) && ![...e.children].some(past))
        .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.getAttribute('class') ? '.' + e.getAttribute('class') : '') +
                              ' "' + (e.textContent || '').trim().slice(0, 40) + '"');""")
    check(False, "%s at %d px is %d px wide: it scrolls sideways (%s)" % (where, d.viewport, wide, "; ".join(past)))


def shot(d, name):
    """With DK_SCREENSHOTS=1, saves the whole page (its first SHOT_MAX px) as
    docs/images/NAME-WIDTH.png."""
    if not SHOTS:
        return
    px = d.viewport
    width(d, px, 100)    # a short viewport first: the page's own height, not the viewport's
    tall = d.execute_script("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)")
    width(d, px, min(tall, SHOT_MAX))
    out = os.path.join(TOP, "docs", "images", "%s-%d.png" % (name, px))
    d.save_screenshot(out)
    print("wrote", os.path.relpath(out, TOP))
    width(d, px)


def sign_in(d, person):
    """Signs PERSON in on the sign-in page, by typing and clicking, with PASSWORD."""
    go(d, "/login")
    d.find_element(By.ID, "username").send_keys(person)
    d.find_element(By.ID, "password").send_keys(PASSWORD)
    follow(d, d.find_element(By.CSS_SELECTOR, 'form[action="/login"] button'))


def look(d, where, name=None):
    """The page shown passes axe at 1280 and 320 px and does not scroll
    sideways at 320; NAME: its screenshots (DK_SCREENSHOTS=1)."""
    axe(d, where)
    if name:
        shot(d, name)
    width(d, NARROW)
    no_sideways_scroll(d, where)
    axe(d, where)
    if name:
        shot(d, name)
    width(d, WIDE)


def focusable(d):
    """The controls Tab should reach, in document order: each link, button
    and field, a group of radio buttons once (its checked one, else its first)."""
    return d.execute_script("""
      const all = [...document.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex="-1"])')]
        .filter(e => !e.disabled && e.getClientRects().length > 0);
      const seen = new Set();
      return all.filter(e => {
        if (e.type !== 'radio') return true;
        const key = (e.form ? 'f' : '') + e.name;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }).map(e => e.type === 'radio'
        ? (all.find(o => o.type === 'radio' && o.name === e.name && o.checked) || e) : e);""")


def focus_visible(d):
    """True when the element with focus shows it: an outline or a box shadow."""
    return d.execute_script("""
      const e = document.activeElement, s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';""")


def describe(d, e):
    return d.execute_script("""const e = arguments[0];
      return e.tagName.toLowerCase() + (e.name ? '[name=' + e.name + ']' : '') +
             (e.getAttribute('href') ? '[href=' + e.getAttribute('href') + ']' : '') +
             (e.value && e.type === 'radio' ? '[value=' + e.value + ']' : '') +
             ' "' + (e.innerText || e.value || '').trim().slice(0, 30) + '"';""", e)
