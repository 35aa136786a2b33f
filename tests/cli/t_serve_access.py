#!/usr/bin/env python3
# t_serve_access.py — the authorization matrix of `digikomp serve` over every
# route of web/server.c's table (run by t_serve_access.sh; the standard
# library only).
#
#   python3 t_serve_access.py DIGIKOMP TOP SCRATCH
#
# The routes are read from the table in web/server.c (its lines
# `{ "GET", "/path", DK_ACCESS_X, handler }`), so a new route is covered
# without a change here; what each role may do follows from the route's
# access level (LEVELS below, DESIGN.md "Who sees what").  A route of a
# level this test does not know, or with a placeholder it cannot fill,
# fails with a message that says so.
#
# For each route, each role (signed out, employee, manager, HR, coordinator,
# trainer, admin) and each way of filling the route's placeholders (ID: the
# role's own person, the manager's employee, someone else's employee, nobody;
# KIND: a report a coordinator may read, one of HR's only, none; TOKEN: a
# live invitation, a made-up one; a report's `unit`: none, the coordinator's,
# another one):
#   - allowed:  GET is 200 (303 where the page sends elsewhere: REDIRECTS),
#               a POST without its CSRF token is 403;
#   - refused: GET is 404, a POST is 404 with or without its CSRF token;
#   - about nothing (a made-up ID, KIND or TOKEN): GET is 404, a POST with
#               its token 404 (without it, 403 where the role may use the
#               route, as the token is checked before the target is looked up).
# No allowed POST is sent with its token, so the matrix changes nothing; the
# store's data (all but the sessions) is the same before and after.
import os
import re
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib  # noqa: E402
serve_lib.setup(*sys.argv[1:4])
from serve_lib import *  # noqa: E402,F401,F403

PEOPLE = ONE_OF_EACH            # serve_lib's: one person of each role
ROLES = {"anonymous": None, "employee": "E1", "manager": "M1", "hr": "H1",
         "coordinator": "C1", "trainer": "T1", "admin": "A1"}
COORDINATED = "Org/A"           # C1's unit
MANAGED = {"M1": {"E1"}}        # whom each role's person is the recorded manager of
HR_ONLY_REPORTS = {"summary", "participation"}   # they cannot be limited to a unit


def under(unit, top):
    return unit == top or unit.startswith(top + "/")


# what each access level lets a role do with a target: {"person": ext id or
# None, "unit": a report's unit or None, "kind": a report or None}
LEVELS = {
    "DK_ACCESS_PUBLIC": lambda role, t: True,
    "DK_ACCESS_SIGNED_IN": lambda role, t: role != "anonymous",
    "DK_ACCESS_OWN": lambda role, t: role != "anonymous",
    "DK_ACCESS_TEAM": lambda role, t: ROLES[role] in MANAGED,
    "DK_ACCESS_MANAGED": lambda role, t: t["person"] in MANAGED.get(ROLES[role], ()),
    "DK_ACCESS_REPORTS": lambda role, t: role == "hr" or (
        role == "coordinator" and (t["unit"] is None or under(t["unit"], COORDINATED))
        and t["kind"] not in HR_ONLY_REPORTS),
    "DK_ACCESS_HR": lambda role, t: role == "hr",
    "DK_ACCESS_PARTICIPATION": lambda role, t: role in ("hr", "coordinator", "trainer"),
    "DK_ACCESS_ADMIN": lambda role, t: role == "admin",
}
# the pages that send elsewhere when allowed: (method, pattern, signed in) → status
REDIRECTS = {("GET", "/", False): 303, ("GET", "/login", True): 303}


def routes():
    """web/server.c's route table: [(method, pattern, level)]."""
    with open(os.path.join(TOP, "web/server.c")) as f:
        text = f.read()
    table = re.search(r"static const Route routes\[\] = \{(.*?)\n\};", text, re.S)
    check(table is not None, "web/server.c has no route table (static const Route routes[] = { … };)")
    found = re.findall(r'\{\s*"([A-Z]+)",\s*"([^"]+)",\s*(\w+)\s*,', table.group(1) if table else "")
    check(len(found) >= 40, "only %d routes read from web/server.c" % len(found))
    return found


def fillings(pattern, role):
    """The paths (with their targets) PATTERN is tried with for ROLE: each
    [(path, target, exists)]; None when a placeholder is unknown."""
    own = ROLES[role]
    out = [("", {"person": None, "unit": None, "kind": None}, True)]
    for seg in pattern.strip("/").split("/"):
        if not seg or not seg.isupper():
            out = [(p + "/" + seg, t, e) for p, t, e in out]
            continue
        if seg == "ID":
            ids = [(pid, True) for pid in dict.fromkeys(x for x in (own, "E1", "E3") if x)] + [("NOBODY", False)]
            out = [(p + "/" + pid, dict(t, person=pid), e and real) for p, t, e in out for pid, real in ids]
        elif seg == "N":
            out = [(p + "/1", t, e) for p, t, e in out]
        elif seg == "KIND":
            kinds = [("needs", True), ("summary", True), ("nosuch", False)]
            out = [(p + "/" + k, dict(t, kind=k), e and real) for p, t, e in out for k, real in kinds]
        elif seg == "TOKEN":
            out = [(p + "/" + tok, t, e and real) for p, t, e in out for tok, real in ((TOKEN, True), ("0" * 64, False))]
        else:
            return None
    return out or [("/", {"person": None, "unit": None, "kind": None}, True)]


def with_units(fills):
    """A report's fillings, each also with the coordinator's unit and another
    (HR's own reports take no unit)."""
    out = []
    for p, t, e in fills:
        out.append((p, t, e))
        if t["kind"] in HR_ONLY_REPORTS:
            continue
        for unit in (COORDINATED + "/X", "Org/B"):
            out.append((p + "?unit=" + urllib.parse.quote(unit, safe=""), dict(t, unit=unit), e))
    return out


def data():
    """The store's data, all but the sessions (signing in and reading change those)."""
    tables = sql("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'session%'"
                 " AND name NOT LIKE 'sqlite%' ORDER BY 1").split()
    return {t: sql("SELECT * FROM %s ORDER BY 1" % t) for t in tables}


# ---- the organisation: one person of each role, each with a plan -------------
build_org(PEOPLE)
for pid in PEOPLE:
    assert dk("plan", "create", pid, "--round", "r1").returncode == 0, pid
    assert dk("plan", "add", pid, "--round", "r1", "--competence", "1.1", "--wish", "En kurs",
              "--due", "2027-06-30").returncode == 0, pid
links = os.path.join(T, "links.csv")
assert dk("user", "invite", "--round", "r1", "--unit", "Org/A/X", "--output", links).returncode == 0
with open(links) as f:
    TOKEN = re.search(r"/invite/([0-9A-Za-z_-]+)", f.read()).group(1)

set_clock(START)
srv = Server()
browsers = {}
for role, pid in ROLES.items():
    browsers[role] = Browser(srv)
    if pid:
        r = browsers[role].sign_in(pid)
        check(r.status == 303, "%s (%s) signs in: %d" % (role, pid, r.status))
tokens = {role: b.csrf("/" if ROLES[role] else "/login") for role, b in browsers.items()}
for role, tok in tokens.items():
    check(tok, "no CSRF token for %s" % role)
before = data()

table = routes()
tried = 0
for method, pattern, level in table:
    rule = LEVELS.get(level)
    if rule is None:
        check(False, "%s %s has access level %s, which t_serve_access.py does not know: add what each role "
                     "may do with it to LEVELS" % (method, pattern, level))
        continue
    for role, pid in ROLES.items():
        fills = fillings(pattern, role)
        if fills is None:
            check(False, "%s %s: a placeholder t_serve_access.py cannot fill (fillings() knows ID, N, KIND, "
                         "TOKEN)" % (method, pattern))
            break
        if level == "DK_ACCESS_REPORTS":
            fills = with_units(fills)
        b = browsers[role]
        for path, target, exists in fills:
            usable = rule(role, target)     # the route, whether or not its target is there
            allowed = exists and usable
            what = "%s %s (%s) as %s" % (method, path, level, role)
            tried += 1
            if method == "GET":
                want = REDIRECTS.get((method, pattern, pid is not None), 200) if allowed else 404
                r = b.get(path)
                check(r.status == want, "%s: %d, expected %d" % (what, r.status, want))
                continue
            # a POST: never an allowed one with its token (it would change something)
            if allowed:
                r = b.request("POST", path, {"lang": "en"})
                check(r.status == 403, "%s without its CSRF token: %d, expected 403" % (what, r.status))
            else:
                # about nothing on a route the role may use: the token is
                # checked first (403), unless the route's person is looked
                # up before (404); with the token, 404
                for token, want in (("", {403, 404} if usable else {404}), (tokens[role], {404})):
                    r = b.request("POST", path, {"lang": "en", "csrf": token} if token else {"lang": "en"})
                    check(r.status in want, "%s %s: %d, expected %s" % (
                        what, "with its CSRF token" if token else "without a CSRF token", r.status,
                        " or ".join(map(str, sorted(want)))))

check(tried > 500, "only %d requests tried" % tried)
after = data()
for t in before:
    check(before[t] == after.get(t), "the matrix changed the store's table %s" % t)
# each role still signed in: no request of the matrix signed anyone out
for role, pid in ROLES.items():
    if pid:
        check(browsers[role].get("/settings").status == 200, "%s is no longer signed in" % role)
srv.stop()
print("%d routes, %d requests" % (len(table), tried))
sys.exit(finish("t_serve_access"))
