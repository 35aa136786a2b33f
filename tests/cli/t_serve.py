#!/usr/bin/env python3
# t_serve.py — `digikomp serve` from outside, as a browser and an attacker
# see it (run by t_serve.sh; the standard library only).
#
#   python3 t_serve.py DIGIKOMP TOP SCRATCH
#
# Builds a store with a person of each kind, starts the server on a free
# loopback port with an injectable clock (DIGIKOMP_CLOCK_FILE), and checks:
# the authorization matrix (every route of DESIGN.md that exists, and the
# later ones that do not yet, × signed out and each kind of person), CSRF,
# session fixation, logout, idle and absolute timeouts, a disabled account's
# live session, throttling, the trusted proxy's header, invitation links,
# hostile names, the headers, the limits, the log and SIGTERM.
import csv
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import serve_lib  # noqa: E402
serve_lib.setup(*sys.argv[1:4])
from serve_lib import *  # noqa: E402,F401,F403


# ---- the organisation: one person of each kind ------------------------------
PEOPLE = dict(ONE_OF_EACH, **{
    # id: (name, unit, role, manager, grant)
    "E2": ("Emil Kollegasson", "Org/A/X", "employee", "M1", None),
    "X1": ('<script>alert(1)</script> & "Ö\'', "Org/A/X", "employee", "M1", None),
    "D1": ("Dora Avstängd", "Org/A/X", "employee", "M1", None),
})
# each person's ratings carry a comment that names them: no other page may show it
build_org(PEOPLE)

# `user password` refuses what DESIGN.md refuses, and changes nothing
before = dk("user", "list").stdout
for bad in ("short", "E1", "eva anställdsdotter"):
    p = dk("user", "password", "E1", stdin=bad + "\n")
    check(p.returncode == 3, "user password accepted %r" % bad)
check(dk("user", "password", "NOBODY", stdin=PASSWORD + "\n").returncode == 3, "user password for nobody")
check(dk("user", "grant", "E1", "coordinator:Org/Nowhere").returncode == 3, "grant of an unknown unit")
check(dk("user", "grant", "E1", "king").returncode == 3, "grant of no kind")
check(dk("user", "list").stdout == before, "a refused change changed the accounts")


set_clock(START)
srv = Server()

# ---- the authorization matrix ----------------------------------------------------
PERSONAS = {"signed out": None, "the employee": "E1", "another employee": "E3",
            "their manager": "M1", "another manager": "M2", "a coordinator": "C1",
            "a trainer": "T1", "HR": "H1", "admin": "A1"}
browsers = {}
for who, pid in PERSONAS.items():
    b = Browser(srv)
    if pid:
        r = b.sign_in(pid)
        check(r.status == 303 and r.getheader("Location") == "/", "%s signs in: %d" % (who, r.status))
    browsers[who] = b

IN = {who: 200 for who in PERSONAS if who != "signed out"}
# (method, path): expected status signed out, then signed in (every kind)
MATRIX = [
    ("GET", "/health", 200, 200),
    ("GET", "/style.css", 200, 200),
    ("GET", "/login", 200, 303),
    ("GET", "/", 303, 200),
    ("GET", "/me/data.json", 404, 200),
    ("GET", "/assessment", 404, 200),
    ("GET", "/assessment/summary", 404, 200),
    ("POST", "/assessment", 404, 303),
    ("POST", "/assessment/share", 404, 303),
    ("POST", "/settings", 404, 303),
    ("GET", "/settings", 404, 200),
    # nobody here has a plan: the page says so, a download is 404, a wish 409
    ("GET", "/plan", 404, 200),
    ("GET", "/plan.pdf", 404, 404),
    ("GET", "/plan.ics", 404, 404),
    ("POST", "/plan/wishes", 404, 409),
    ("GET", "/catalogue", 404, 200),
    ("GET", "/accessibility", 200, 200),
    ("GET", "/invite/" + "0" * 64, 404, 404),
    ("GET", "/no/such/page", 404, 404),
]
# the manager's routes: only the recorded manager (a POST without its
# fields is refused, 400, or changes nothing, 303); the team page shows
# the manager's own team and nobody else
TEAM = {"their manager": {"E1", "E2", "X1", "D1"}, "another manager": {"E3"}}
ONLY_MANAGER = {"their manager": 200}
MATRIX += [
    ("GET", "/team", 404, {"their manager": 200, "another manager": 200}),
    ("GET", "/people/E1/conversation", 404, ONLY_MANAGER),
    ("GET", "/people/E1/conversation/summary", 404, ONLY_MANAGER),
    ("GET", "/people/E1/plan", 404, ONLY_MANAGER),
    ("POST", "/people/E1/ratings", 404, {"their manager": 303}),
    ("POST", "/people/E1/conversation", 404, {"their manager": 400}),
    ("POST", "/people/E1/plan", 404, {"their manager": 400}),
    ("POST", "/people/E1/plan/items", 404, {"their manager": 400}),
    ("POST", "/people/E1/plan/items/1", 404, {"their manager": 400}),
    ("POST", "/people/E1/plan/agree", 404, {"their manager": 400}),
    ("POST", "/people/E1/plan/follow-ups", 404, {"their manager": 400}),
    ("POST", "/people/E1/plan/reopen", 404, {"their manager": 400}),
    ("GET", "/people/E3/conversation", 404, {"another manager": 200}),
    ("GET", "/people/NOBODY/conversation", 404, {}),
    # the admin's pages: the admin only, who sees everyone's name
    ("GET", "/admin/users", 404, {"admin": 200}),
    ("GET", "/admin/audit", 404, {"admin": 200}),
    ("GET", "/admin/audit?person=E1", 404, {"admin": 200}),
    ("GET", "/admin/people/E1/data.json", 404, {"admin": 200}),
    ("GET", "/admin/people/NOBODY/data.json", 404, {}),
    ("POST", "/admin/users/E1", 404, {"admin": 400}),
    ("POST", "/admin/users/NOBODY", 404, {}),
    ("GET", "/admin/people/E1/erase", 404, {"admin": 200}),
    ("POST", "/admin/people/E1/erase", 404, {"admin": 400}),
    ("GET", "/admin/people/NOBODY/erase", 404, {}),
    ("POST", "/admin/invitations", 404, {"admin": 400}),
]
# recording participation: HR, a coordinator, a trainer (a POST without
# its fields is 400)
RECORDERS = ("a coordinator", "a trainer", "HR")
MATRIX += [
    ("GET", "/participation", 404, {who: 200 for who in RECORDERS}),
    ("POST", "/participation", 404, {who: 400 for who in RECORDERS}),
    ("GET", "/imports", 404, {"HR": 200}),
    ("POST", "/imports", 404, {"HR": 400}),
]
# HR's and a coordinator's (a coordinator: their unit and below only; the
# reports of the whole organisation are HR's); a POST without its fields 400
REPORTERS = {"a coordinator": 200, "HR": 200}
MATRIX += [
    ("GET", "/reports", 404, REPORTERS),
    ("GET", "/reports/needs", 404, REPORTERS),
    ("GET", "/reports/needs?unit=Org%2FA%2FX&by=unit", 404, REPORTERS),
    ("GET", "/reports/needs?unit=Org%2FB", 404, {"HR": 200}),
    ("GET", "/reports/needs?unit=Org", 404, {"HR": 200}),
    ("GET", "/reports/coverage", 404, REPORTERS),
    ("GET", "/reports/summary", 404, {"HR": 200}),
    ("GET", "/reports/participation", 404, {"HR": 200}),
    ("GET", "/reports/share", 404, {}),
    ("GET", "/rounds", 404, {"HR": 200}),
    ("POST", "/rounds", 404, {"HR": 400}),
]

for method, path, out_status, in_status in MATRIX:
    for who, pid in PERSONAS.items():
        b = browsers[who]
        if method == "POST":
            r = b.post(path, {"lang": "en"})
        else:
            r = b.get(path)
        want = out_status if pid is None else in_status.get(who, 404) if isinstance(in_status, dict) else in_status
        check(r.status == want, "%s %s as %s: %d, expected %d" % (method, path, who, r.status, want))
        # a manager's page about E1 shows E1; the team page the team
        subject = (path.split("/")[2] if path.startswith("/people/")
                   else path.split("/")[3] if path.startswith("/admin/people/") else None)
        seen = TEAM.get(who, set()) if path == "/team" else set(PEOPLE) if path.startswith(("/admin/users", "/admin/invitations", "/admin/audit")) else {subject} if want in (200, 400) and subject else set()
        for other, (name, *_rest) in PEOPLE.items():
            if other != pid and other not in seen and (name in r.text or other.lower() + "@example.se" in r.text
                                 or "secret-comment-" + other in r.text):
                check(False, "%s %s as %s shows %s" % (method, path, who, other))
        if pid is not None and method == "GET" and path in ("/", "/me/data.json"):
            check(PEOPLE[pid][0] in r.text, "%s %s lacks their own name" % (who, path))

# the start page says what to do next, per role
home = {who: browsers[who].get("/").text for who in PERSONAS if PERSONAS[who]}
check("/assessment" in home["the employee"], "the employee is not sent to the self-rating")
check("/team" in home["their manager"] and "/team" not in home["the employee"], "the manager's next step")
check("/reports/needs?unit=Org%2FA" in home["a coordinator"], "the coordinator's reports")
check("/rounds" in home["HR"] and "/rounds" not in home["a coordinator"], "HR's next steps")
check("/participation" in home["a trainer"], "the trainer's next step")
check("/admin/users" in home["admin"] and "/admin/users" not in home["HR"], "admin's next steps")

# the data export is the person's own, with the account's data
data = browsers["the employee"].get("/me/data.json")
check(data.getheader("Content-Type") == "application/json", "data.json's type")
check('"account"' in data.text and '"sessions"' in data.text and '"password": true' in data.text,
      "data.json lacks the account")
check("$argon2" not in data.text, "data.json shows the password hash")
check("secret-comment-E1" in data.text, "data.json lacks the person's own rating")

# headers on every page
r = browsers["the employee"].get("/")
csp = r.getheader("Content-Security-Policy") or ""
check("script-src" not in csp and "default-src 'none'" in csp and "frame-ancestors 'none'" in csp, "CSP: " + csp)
check(r.getheader("X-Content-Type-Options") == "nosniff", "nosniff")
check(r.getheader("Referrer-Policy") == "same-origin", "Referrer-Policy")
check(r.getheader("Cache-Control") == "no-store", "Cache-Control on a personal page")
r = Browser(srv).get("/login")
cookie = r.getheader("Set-Cookie") or ""
check("HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie, "the cookie: " + cookie)
check("Secure" not in cookie and "__Host-" not in cookie, "Secure on an http public URL")

# language: the person's choice, stored, then Accept-Language
b = Browser(srv)
r = b.get("/login", headers={"Accept-Language": "sv-SE,sv;q=0.9,en;q=0.5"})
check('lang="sv"' in r.text, "Accept-Language sv")
r = browsers["the employee"].post("/settings", {"lang": "sv"})
check(r.status == 303, "POST /settings sv: %d" % r.status)
r = browsers["the employee"].get("/", headers={"Accept-Language": "en"})
check('lang="sv"' in r.text, "the stored language does not win over Accept-Language")
check(browsers["the employee"].post("/settings", {"lang": "xx"}).status == 400, "a bad language")
browsers["the employee"].post("/settings", {"lang": "en"})

# hostile names are escaped
x = Browser(srv)
check(x.sign_in("X1").status == 303, "X1 signs in")
r = x.get("/")
check("<script>" not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Ö&#39;" in r.text,
      "the hostile name is not escaped")

# ---- CSRF -------------------------------------------------------------------------
e = browsers["the employee"]
token = e.csrf("/")
other = browsers["another employee"].csrf("/")
check(e.request("POST", "/settings", {"lang": "sv"}).status == 403, "CSRF: a POST without a token")
check(e.request("POST", "/settings", {"lang": "sv", "csrf": "0" * 64}).status == 403, "CSRF: a wrong token")
check(e.request("POST", "/settings", {"lang": "sv", "csrf": other}).status == 403, "CSRF: another session's token")
r = e.request("POST", "/settings", {"lang": "sv", "csrf": token}, headers={"Origin": "https://evil.example"})
check(r.status == 403, "CSRF: a foreign Origin")
r = e.request("POST", "/settings", {"lang": "en", "csrf": token},
              headers={"Origin": "http://127.0.0.1:%d" % srv.port})
check(r.status == 303, "CSRF: the right token and Origin: %d" % r.status)
b = Browser(srv)
check(b.request("POST", "/login", {"username": "E1", "password": PASSWORD}).status == 403,
      "CSRF: a sign-in without a token")

# ---- sessions ------------------------------------------------------------------------
# fixation: the id a browser brings is never the signed-in one
b = Browser(srv)
b.get("/login")
planted = dict(b.cookies)
b.sign_in("E2")
check(b.cookies != planted, "the session id did not change at sign-in")
attacker = Browser(srv)
attacker.cookies = planted
check(attacker.get("/").status == 303 and attacker.get("/me/data.json").status == 404,
      "the planted session id is signed in")
# a made-up cookie is nobody
forged = Browser(srv)
forged.cookies = {"dk-session": "f" * 64}
check(forged.get("/me/data.json").status == 404, "a forged cookie")

# logout deletes the session
kept = dict(b.cookies)
r = b.post("/logout", {})
check(r.status == 303 and r.getheader("Location") == "/login", "logout: %d" % r.status)
replay = Browser(srv)
replay.cookies = kept
check(replay.get("/me/data.json").status == 404, "the session lives after logout")

# idle timeout: 30 min; the last use counts (written at most once a minute)
b = Browser(srv)
b.sign_in("E2")
set_clock(START + 20 * 60)
check(b.get("/").status == 200, "a session 20 min idle")
set_clock(START + 45 * 60)
check(b.get("/").status == 200, "a session 25 min idle after a use")
set_clock(START + 76 * 60)
check(b.get("/").status == 303 and b.get("/me/data.json").status == 404, "a session 31 min idle")
# absolute timeout: 8 h, however busy
set_clock(START)
b = Browser(srv)
b.sign_in("E2")
t = START
while t < START + 8 * 3600 - 20 * 60:
    t += 20 * 60
    set_clock(t)
    check(b.get("/").status == 200, "a busy session at %d min" % ((t - START) // 60))
set_clock(START + 8 * 3600 + 60)
check(b.get("/").status == 303, "a session older than 8 h")
set_clock(START)
# the browsers of the matrix idled past their 30 minutes meanwhile
for who, pid in PERSONAS.items():
    if pid:
        browsers[who] = Browser(srv)
        browsers[who].sign_in(pid)

# a disabled account's live session ends at once
b = Browser(srv)
check(b.sign_in("D1").status == 303, "D1 signs in")
check(dk("user", "disable", "D1").returncode == 0, "user disable")
check(b.get("/").status == 303 and b.get("/me/data.json").status == 404, "a disabled account's session lives")
check(Browser(srv).sign_in("D1").status == 403, "a disabled account signs in")

# ---- throttling ------------------------------------------------------------------------
def timed_sign_in(b, user, password):
    """Signs in three times; returns the last answer and the shortest time
    (a busy machine only ever adds time, so the shortest is the work's)."""
    times = []
    for _ in range(3):
        t0 = time.monotonic()
        r = b.sign_in(user, password)
        times.append(time.monotonic() - t0)
    return r, min(times)

b = Browser(srv, "127.0.0.2")
wrong, t_wrong = timed_sign_in(b, "E3", "wrong password here")
unknown, t_unknown = timed_sign_in(b, "NOBODY", "wrong password here")
check(wrong.status == unknown.status == 403, "wrong password %d, unknown user %d" % (wrong.status, unknown.status))
strip = lambda text: re.sub(r'value="[^"]*"', "", text)
check(strip(wrong.text) == strip(unknown.text), "an unknown user is answered otherwise than a wrong password")
check(t_unknown > t_wrong / 3 and t_wrong > t_unknown / 3,
      "an unknown user takes %.3f s, a wrong password %.3f s" % (t_unknown, t_wrong))
for i in range(2):     # five failures in all
    b.sign_in("E3", "wrong password here")
r = b.sign_in("E3")      # the right password, too late
check(r.status == 429 and int(r.getheader("Retry-After") or 0) > 0, "per account: %d" % r.status)
check(Browser(srv, "127.0.0.3").sign_in("E3").status == 429, "the account's lock is per address")
check(Browser(srv, "127.0.0.3").sign_in("e3@example.se").status == 429, "the account's e-mail is not locked")
check(Browser(srv, "127.0.0.3").sign_in("M2").status == 303, "another account is locked")
set_clock(START + 16 * 60)
check(Browser(srv, "127.0.0.2").sign_in("E3").status == 303, "the lock outlives its window")
# per address: many accounts from one address
b = Browser(srv, "127.0.0.4")
for i in range(20):
    b.sign_in("U%d" % i, "wrong password here")
r = b.sign_in("E1")
check(r.status == 429 and r.getheader("Retry-After"), "per address: %d" % r.status)
check(Browser(srv, "127.0.0.5").sign_in("E1").status == 303, "the address lock reaches another address")
set_clock(START)

# ---- invitations -------------------------------------------------------------------------
links = os.path.join(T, "links.csv")
p = dk("user", "invite", "--round", "r1", "--unit", "Org/A/X", "--output", links,
       "--public-url", "http://127.0.0.1:%d/" % srv.port, now=START)
check(p.returncode == 0, "user invite")
rows = {row["person"]: row for row in csv.DictReader(open(links, encoding="utf-8"))}
check(set(rows) == {"E1", "E2", "X1"}, "invited: %s (D1 is disabled, M1 not in Org/A/X)" % sorted(rows))
link = urllib.parse.urlparse(rows["E1"]["link"]).path
sql = subprocess.run(["sqlite3", DB, "SELECT count(*) FROM invitation WHERE token = '%s'" % link.split("/")[-1]],
                     capture_output=True, text=True).stdout.strip()
check(sql == "0", "the invitation token is stored in the clear")
scanner = Browser(srv)
for _ in range(2):     # a mail scanner fetches it: nothing is used up
    r = scanner.get(link)
    check(r.status == 200 and 'method="post"' in r.text, "the invitation's GET: %d" % r.status)
    check(scanner.get("/me/data.json").status == 404, "the invitation's GET signs in")
b = Browser(srv)
b.get(link)
r = b.post(link, {}, csrf_from=link)
check(r.status == 303, "the invitation's POST: %d" % r.status)
check(PEOPLE["E1"][0] in b.get("/").text, "the invitation signs in its person")
again = Browser(srv)
again.get("/login")
r = again.post(link, {}, csrf_from="/login")
check(r.status == 410 and "/login" in r.text, "a used invitation: %d" % r.status)
check(again.get(link).status == 410, "a used invitation's GET")
expired = urllib.parse.urlparse(rows["E2"]["link"]).path
set_clock(START + 14 * 24 * 3600 + 1)
r = Browser(srv).get(expired)
check(r.status == 410 and "expired" in r.text, "an expired invitation: %d" % r.status)
set_clock(START)
check(Browser(srv).get("/invite/nonsense").status == 404, "an unknown invitation")

# ---- limits ----------------------------------------------------------------------------------
def raw(data):
    """Sends DATA on a new connection; returns the status the server answers, or 0."""
    with socket.create_connection(("127.0.0.1", srv.port), timeout=30) as s:
        try:
            s.sendall(data)
        except OSError:
            pass
        try:
            line = s.makefile("rb").readline().decode()
        except OSError:
            return 0
        return int(line.split()[1]) if line.startswith("HTTP/") else 0

b = Browser(srv)
check(raw(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
          b"Content-Length: 2097152\r\n\r\n" + b"a" * 4096) == 413, "a 2 MB body")
check(raw(b"POST /login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
          + b"".join(b"10000\r\n" + b"a" * 65536 + b"\r\n" for _ in range(20)) + b"0\r\n\r\n") == 413,
      "a 1.3 MB chunked body")
status = raw(b"GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 65536 + b"\r\n\r\n")
check(status in (413, 431), "64 KiB of headers: %d" % status)
check(b.get("/health").status == 200, "the server survives the limits")

# ---- stopping, and the log -------------------------------------------------------------------
rc, log = srv.stop()
check(rc == 0, "SIGTERM: exit %d" % rc)
check(re.search(r"^GET /invite/TOKEN 200 [0-9.]+ ms$", log, re.M) is not None, "the log's line of an invitation")
check(re.search(r"^POST /login 303 [0-9.]+ ms$", log, re.M) is not None, "the log's line of a sign-in")
check(link.split("/")[-1] not in log and PASSWORD not in log and "csrf" not in log, "the log shows a secret")

# ---- the trusted proxy's header ---------------------------------------------------------------
srv = Server("--trust-header", "X-Remote-User", "--trusted-proxy", "127.0.0.1")
r = Browser(srv, "127.0.0.1").get("/", headers={"X-Remote-User": "E1"})
check(r.status == 200 and PEOPLE["E1"][0] in r.text, "the header from the trusted proxy: %d" % r.status)
r = Browser(srv, "127.0.0.2").get("/", headers={"X-Remote-User": "E1"})
check(r.status == 303, "the header from another address: %d" % r.status)
r = Browser(srv, "127.0.0.1").get("/", headers={"X-Remote-User": "D1"})
check(r.status == 303, "the header naming a disabled account: %d" % r.status)
# the proxy's X-Forwarded-For is the client address for throttling; nobody else's is
proxy = Browser(srv, "127.0.0.1")
for i in range(20):
    proxy.request("POST", "/login", {"username": "U%d" % i, "password": "x", "csrf": proxy.csrf()},
                  headers={"X-Forwarded-For": "10.0.0.1"})
r = proxy.request("POST", "/login", {"username": "E2", "password": PASSWORD, "csrf": proxy.csrf()},
                  headers={"X-Forwarded-For": "10.0.0.1"})
check(r.status == 429, "throttled per forwarded address: %d" % r.status)
r = proxy.request("POST", "/login", {"username": "E2", "password": PASSWORD, "csrf": proxy.csrf()},
                  headers={"X-Forwarded-For": "10.0.0.2"})
check(r.status == 303, "another forwarded address: %d" % r.status)
rc, log = srv.stop()
check(rc == 0, "SIGTERM (second server): exit %d" % rc)

# a secure public URL gives the __Host- cookie; a slow client is dropped
srv = Server("--public-url", "https://kompetens.example.se/", "--timeout", "2")
with socket.create_connection(("127.0.0.1", srv.port), timeout=30) as slow:
    slow.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n")      # and never the rest
    t0 = time.monotonic()
    try:
        dropped = slow.recv(1024) == b""
    except ConnectionResetError:
        dropped = True
    waited = time.monotonic() - t0
check(dropped and waited < 10, "a slow client is not dropped (%.1f s)" % waited)
cookie = Browser(srv).get("/login").getheader("Set-Cookie") or ""
check(cookie.startswith("__Host-dk-session=") and "; Secure" in cookie, "the https cookie: " + cookie)
r = Browser(srv).request("POST", "/login", {"username": "E1", "password": PASSWORD},
                         headers={"Origin": "http://127.0.0.1:%d" % srv.port})
check(r.status == 403, "an Origin other than the public URL's")
srv.stop()

# audited with the signed-in person as actor
audit = subprocess.run(["sqlite3", DB, "SELECT actor, field, new_value FROM audit WHERE entity = 'account'"
                        " AND field IN ('sign-in', 'lang', 'sign-out')"], capture_output=True, text=True).stdout
check("E1|lang|sv" in audit and "E1|sign-in|password" in audit and "E1|sign-in|invitation" in audit
      and "E1|sign-in|header" in audit and "E2|sign-out|" in audit, "the audit rows:\n" + audit)

sys.exit(finish("serve"))
