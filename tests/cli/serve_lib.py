# serve_lib.py — what the tests of `digikomp serve` share: the scratch store,
# the digikomp command, a server on a free loopback port with an injectable
# clock (DIGIKOMP_CLOCK_FILE), and a client with a cookie jar.
#
#   import serve_lib as s; s.setup(DIGIKOMP, TOP, SCRATCH)
#   ... s.check(cond, what) ...; sys.exit(s.finish("name"))
import csv
import http.client
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse

DK = TOP = T = DB = CLOCK = None
START = 1790000000          # 2026-09-21T14:13:20Z
PASSWORD = "correct horse battery staple"
failures = []


def setup(dk_path, top, scratch):
    """Names the program, the source tree and the scratch folder (the store
    is SCRATCH/store.db, the clock SCRATCH/clock)."""
    global DK, TOP, T, DB, CLOCK
    DK, TOP, T = dk_path, top, scratch
    DB = os.path.join(T, "store.db")
    CLOCK = os.path.join(T, "clock")


def finish(name):
    """Prints the verdict; returns the exit status."""
    if failures:
        print("%s: %d checks failed" % (name, len(failures)))
        return 1
    print("%s: all checks passed" % name)
    return 0


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAILED:", what)


def set_clock(t):
    with open(CLOCK + ".tmp", "w") as f:
        f.write(str(t))
    os.replace(CLOCK + ".tmp", CLOCK)


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def dk(*args, stdin=None, now=None):
    env = dict(os.environ, DIGIKOMP_DB=DB)
    if now is not None:
        env["DIGIKOMP_NOW"] = iso(now)
    p = subprocess.run([DK, *args], input=stdin, capture_output=True, text=True, env=env)
    if p.returncode != 0:
        print("digikomp", *args, "->", p.returncode, p.stderr)
    return p


def write_roster(people):
    """Writes SCRATCH/roster.csv from PEOPLE, id: (name, unit, role, manager,
    …), each with the e-mail id@example.se; returns its path."""
    path = os.path.join(T, "roster.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["person_id", "name", "email", "unit", "role", "manager_id", "gender"])
        for pid, (name, unit, role, manager, *_rest) in people.items():
            w.writerow([pid, name, pid.lower() + "@example.se", unit, role, manager, ""])
    return path


def sql(query):
    """The sqlite3 shell's answer to QUERY on the store."""
    return subprocess.run(["sqlite3", DB, query], capture_output=True, text=True).stdout


def level(pid, comp, kind="self"):
    """PID's stored KIND (self, manager, motivation) level of competence
    number COMP (0-based) in their only assessment, as text: "" for none,
    "?" for don't know."""
    blob = sql("SELECT hex(levels) FROM assessment WHERE person_id = (SELECT id FROM person"
               " WHERE ext_id = '%s')" % pid).strip()
    n = len(blob) // 6
    off = {"self": 0, "manager": n, "motivation": 2 * n}[kind] + comp
    v = int(blob[2 * off:2 * off + 2], 16)
    return "" if v == 0 else "?" if v == 255 else str(v)


RATINGS_HEADER = ["person_id", "round", "competence", "self", "manager", "motivation", "comment",
                  "reason", "shared", "conversation"]


def import_ratings(rows, header=RATINGS_HEADER, round="r1"):
    """Imports ROWS (lists in HEADER's order) as a ratings CSV into ROUND."""
    path = os.path.join(T, "ratings.csv")
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)
    assert dk("import", "ratings", path, "--round", round).returncode == 0


# One person of each role (write_roster's form, each with a grant or None):
# E1 and E3 are employees of two managers, M1 and M2, in two units
# (Org/A/X, Org/B/Y); C1 coordinates Org/A, T1 trains "phishing" (an activity
# of tests/data/catalogue/good.xml), H1 is HR and A1 the administrator.
ONE_OF_EACH = {
    "M1": ("Maja Chefsson", "Org/A", "manager", "", None),
    "E1": ("Eva Anställdsdotter", "Org/A/X", "employee", "M1", None),
    "M2": ("Mats Andrechef", "Org/B", "manager", "", None),
    "E3": ("Erik Annanenhet", "Org/B/Y", "employee", "M2", None),
    "C1": ("Cecilia Samordnare", "Org/A", "employee", "", "coordinator:Org/A"),
    "T1": ("Tove Utbildare", "Org/B", "employee", "", "trainer:phishing"),
    "H1": ("Hanna Personalsson", "Org", "employee", "", "hr"),
    "A1": ("Adam Adminsson", "Org", "employee", "", "admin"),
}


def build_org(people):
    """A store of PEOPLE (write_roster's form, each with a grant or None):
    the small framework, round r1, the good catalogue, a rating of 1.1
    whose comment names its person ("secret-comment-ID"), a password
    (PASSWORD) and the grant of each."""
    assert dk("init", "--framework", os.path.join(TOP, "tests/data/framework/small.xml")).returncode == 0
    assert dk("import", "roster", write_roster(people)).returncode == 0
    assert dk("round", "open", "r1", "--title", "Runda 1", "--framework", "small").returncode == 0
    assert dk("catalogue", "import", os.path.join(TOP, "tests/data/catalogue/good.xml")).returncode == 0
    import_ratings([[pid, "r1", "1.1", "2", "", "3", "secret-comment-" + pid, "", "yes", ""] for pid in people])
    for pid, (_, _, _, _, grant) in people.items():
        assert dk("user", "password", pid, stdin=PASSWORD + "\n").returncode == 0, pid
        if grant:
            assert dk("user", "grant", pid, grant).returncode == 0, grant


class Server:
    started = 0

    def __init__(self, *extra):
        Server.started += 1
        self.log = open(os.path.join(T, "serve-%d.log" % Server.started), "w+")
        env = dict(os.environ, DIGIKOMP_DB=DB, DIGIKOMP_CLOCK_FILE=CLOCK)
        self.proc = subprocess.Popen([DK, "serve", "--listen", "127.0.0.1:0", "--threads", "2", *extra],
                                     stderr=self.log, env=env)
        for _ in range(600):
            self.log.seek(0)
            m = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", self.log.read())
            if m:
                self.port = int(m.group(1))
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.05)
        self.log.seek(0)
        sys.exit("the server did not start: " + self.log.read())

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        rc = self.proc.wait(timeout=60)
        self.log.seek(0)
        log = self.log.read()
        if rc != 0:
            # what the server said last explains a crash at stopping
            print("the server exited %d; its log ends:\n%s" % (rc, "\n".join(log.splitlines()[-15:])))
        return rc, log


class Browser:
    """One client: a cookie jar, a source address."""

    def __init__(self, server, source="127.0.0.1"):
        self.server, self.source, self.cookies = server, source, {}

    def request(self, method, path, fields=None, headers=None, body=None):
        c = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=60,
                                       source_address=(self.source, 0))
        h = dict(headers or {})
        if self.cookies:
            h["Cookie"] = "; ".join("%s=%s" % kv for kv in self.cookies.items())
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            h["Content-Type"] = "application/x-www-form-urlencoded"
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        r.data = r.read()
        text = r.data.decode("utf-8", "replace")
        for name, value in r.getheaders():
            if name.lower() == "set-cookie":
                k, v = value.split(";")[0].split("=", 1)
                if "Max-Age=0" in value:
                    self.cookies.pop(k, None)
                else:
                    self.cookies[k] = v
        c.close()
        r.text = text           # r.data: the body's bytes
        return r

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def csrf(self, path="/login"):
        m = re.search(r'name="csrf" value="([0-9a-f]+)"', self.get(path).text)
        return m.group(1) if m else ""

    def sign_in(self, user, password=PASSWORD):
        return self.request("POST", "/login", {"username": user, "password": password,
                                               "csrf": self.csrf()})

    def post(self, path, fields, csrf_from="/"):
        fields = dict(fields)
        fields.setdefault("csrf", self.csrf(csrf_from))
        return self.request("POST", path, fields)


