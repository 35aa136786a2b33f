#!/usr/bin/env python3
"""Generates the example organisation in examples/: roster.csv, ratings-2025.csv and
ratings-2026.csv.

A cultural administration of about 1 200 people modelled on the Stockholm city
cultural administration, rated in two rounds shaped so that the
figures HR reported come out of digikomp's definitions:

  share with needs   about 29 % (2025) -> about 24 % (2026)
  high motivation    about 64 % -> about 70 %; area 6 about 67 % -> 82 %;
                     system administrators in area 4 about 40 % -> 90 %
  response rate      about 81 % -> about 86 %
  largest falls in the share of needs: areas 1, 4 and 6; 2.3 and 4.2 about 4 points

Deterministic (fixed seed, standard library only): running it twice writes identical
files.  It prints the figures, computed here with the definitions of docs/metrics.md,
so that they can be checked against `digikomp report`.

    python3 examples/generate.py
"""
import csv
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
rng = random.Random(20250401)

ROLES = ["employee", "manager", "system-owner", "system-admin", "communicator"]
EXPECTED = {  # employee, manager, system-owner, system-admin, communicator (0 = n/a)
    "1.1": [3, 3, 3, 3, 4], "1.2": [2, 3, 4, 4, 3], "2.1": [3, 3, 3, 3, 4],
    "2.2": [2, 3, 3, 3, 4], "2.3": [2, 3, 3, 2, 4], "3.1": [2, 2, 2, 2, 4],
    "3.2": [2, 3, 3, 3, 4], "4.1": [3, 3, 4, 4, 3], "4.2": [3, 4, 4, 4, 3],
    "4.3": [2, 3, 2, 2, 2], "5.1": [2, 2, 3, 4, 2], "5.2": [2, 3, 3, 3, 3],
    "6.1": [0, 3, 3, 2, 0], "6.2": [0, 3, 4, 3, 0],
}
COMPETENCES = list(EXPECTED)

TOP = "Kulturförvaltningen"
# department -> (sub-units, people per sub-unit or in the department itself)
DEPARTMENTS = [
    ("Stadsbiblioteket", ["Huvudbiblioteket", "Kungsholmen", "Södermalm", "Hässelby", "Skärholmen",
                          "Rinkeby", "Farsta", "Kista", "Vällingby", "Högdalen", "Husby",
                          "Östermalm", "Bredäng", "Tensta", "Digitala tjänster"], 36),
    ("Kulturskolan", ["Musik", "Dans", "Teater", "Bild och form"], 52),
    ("Museer och konst", ["Stadsmuseet", "Medeltidsmuseet", "Stockholms konst"], 46),
    ("Liljevalchs konsthall", [], 40),
    ("Evenemangsavdelningen", ["Stadsfester", "Scener och arrangemang"], 34),
    ("Administrativa staben", ["Ekonomi", "HR", "IT och digitalisering"], 25),
    ("Kulturstrategiska staben", [], 38),
    ("Kommunikationsstaben", [], 22),
]

FEMALE = ["Anna", "Eva", "Maria", "Karin", "Sara", "Lena", "Emma", "Kerstin", "Ingrid", "Malin",
          "Elin", "Sofia", "Johanna", "Linnéa", "Åsa", "Maja", "Ida", "Frida", "Helena", "Cecilia",
          "Agnes", "Märta", "Louise", "Hanna", "Ebba", "Klara", "Annika", "Birgitta", "Ulla", "Nora",
          "Amira", "Leyla", "Fatima", "Nadia", "Tove", "Greta", "Astrid", "Vera", "Signe", "Jenny"]
MALE = ["Erik", "Lars", "Karl", "Anders", "Johan", "Per", "Nils", "Mikael", "Jonas", "Oskar",
        "Gustav", "Viktor", "Axel", "Henrik", "Magnus", "Olof", "Björn", "Emil", "Ali", "Hassan",
        "Daniel", "Fredrik", "Stefan", "Mats", "Göran", "Leo", "Hugo", "Samir", "Tobias", "Pär"]
LAST = ["Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson",
        "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson",
        "Bengtsson", "Jönsson", "Lindberg", "Jakobsson", "Magnusson", "Olofsson", "Lindström",
        "Lindqvist", "Lindgren", "Berg", "Axelsson", "Bergström", "Lundberg", "Lind", "Lundgren",
        "Lundqvist", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg",
        "Sjöberg", "Wallin", "Engström", "Eklund", "Danielsson", "Lundin", "Håkansson", "Björk",
        "Bergman", "Gunnarsson", "Holm", "Wikström", "Samuelsson", "Isaksson", "Fransson",
        "Bergqvist", "Nyström", "Holmberg", "Arvidsson", "Löfgren", "Söderberg", "Nyberg",
        "Blomqvist", "Claesson", "Nordström", "Öberg", "Åberg", "Hussein", "Ahmed", "Yilmaz"]

REASONS_UP = ["Visade god förmåga i samtalet", "Har gått kursen och använder det i arbetet",
              "Leder redan arbetet på enheten", "Stöttar kollegor i vardagen"]
REASONS_DOWN = ["Behöver mer träning enligt samtalet", "Har inte arbetat med detta ännu",
                "Osäker i de nya systemen", "Bedömningen justerad efter samtalet"]
COMMENTS = ["Vill gärna lära mig mer", "Svårt att hinna med utbildningar", "Har haft stöd av IT-coachen",
            "Önskar kurs på plats", "Använder detta dagligen"]


def ascii_fold(s):
    table = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")
    return s.translate(table).lower().replace(" ", "")


def build_roster():
    units = [(TOP, None)]
    for dept, subs, _ in DEPARTMENTS:
        units.append((f"{TOP}/{dept}", TOP))
        for s in subs:
            units.append((f"{TOP}/{dept}/{s}", f"{TOP}/{dept}"))
    people, emails, manager_of = [], set(), {}
    counter = [10000]

    def person(unit, role):
        counter[0] += 1
        female = rng.random() < 0.68
        gender = "F" if female else ("X" if rng.random() < 0.03 else "M")
        first = rng.choice(FEMALE if gender == "F" else MALE if gender == "M" else FEMALE + MALE)
        last = rng.choice(LAST)
        base = f"{ascii_fold(first)}.{ascii_fold(last)}"
        email, n = base, 1
        while email in emails:
            n += 1
            email = f"{base}{n}"
        emails.add(email)
        p = {"person_id": f"K{counter[0]}", "name": f"{first} {last}",
             "email": f"{email}@kultur.example.se", "unit": unit, "role": role, "gender": gender}
        people.append(p)
        return p

    for path, parent in units:
        m = person(path, "manager")
        m["manager_id"] = manager_of.get(parent, "")
        manager_of[path] = m["person_id"]
    staff_units = []
    for dept, subs, n in DEPARTMENTS:
        for s in subs or [None]:
            path = f"{TOP}/{dept}" + (f"/{s}" if s else "")
            staff_units += [path] * n
    rng.shuffle(staff_units)
    special = {"system-owner": 15, "system-admin": 10}
    for i, unit in enumerate(sorted(staff_units)):
        role = "employee"
        if unit.endswith("Kommunikationsstaben") or (unit.endswith("Digitala tjänster") and rng.random() < 0.2):
            role = "communicator"
        elif unit.endswith("IT och digitalisering") and special["system-admin"] > 0:
            role = "system-admin"
            special["system-admin"] -= 1
        elif special["system-owner"] > 0 and rng.random() < 0.02:
            role = "system-owner"
            special["system-owner"] -= 1
        p = person(unit, role)
        p["manager_id"] = manager_of[unit]
    return people


def applicable(role):
    r = ROLES.index(role)
    return [c for c in COMPETENCES if EXPECTED[c][r] > 0]


# How much more likely a competence is to be a need, per round: the largest
# falls between the rounds are in areas 1, 4 and 6 and in 2.3 and 4.2.
NEED_WEIGHT = {
    "2025": {"1": 1.6, "2": 1.0, "3": 1.0, "4": 1.7, "5": 1.0, "6": 1.8, "2.3": 3.8, "4.2": 2.6},
    "2026": {"1": 1.0, "2": 1.0, "3": 1.0, "4": 1.0, "5": 1.0, "6": 0.9, "2.3": 1.6, "4.2": 2.1},
}
ROUND = {
    "2025": {"needs": 0.312, "absent": 0.095, "unshared": 0.05, "skip": 0.055, "talk": 0.55,
             "high": 0.635, "high6": 0.64, "high_admin4": 0.40, "dates": ("2025-03-03", 50)},
    "2026": {"needs": 0.247, "absent": 0.065, "unshared": 0.04, "skip": 0.045, "talk": 0.68,
             "high": 0.695, "high6": 0.85, "high_admin4": 0.90, "dates": ("2026-01-12", 40)},
}


def weight(code, comp):
    w = NEED_WEIGHT[code]
    return w.get(comp, 1.0) * w[comp.split(".")[0]]


def date_in(start, days):
    y, m, d = (int(x) for x in start.split("-"))
    import datetime
    return (datetime.date(y, m, d) + datetime.timedelta(days=rng.randrange(days))).isoformat()


def rate_person(p, code, u, rows):
    cfg = ROUND[code]
    role = p["role"]
    r = ROLES.index(role)
    comps = applicable(role)
    if p["absent"][code]:
        return
    shared = not (rng.random() < cfg["unshared"])
    talked = shared and rng.random() < cfg["talk"] / (1 - cfg["absent"]) / (1 - cfg["unshared"])
    conversation = date_in(*cfg["dates"]) if talked else ""
    needs = set()
    if u < cfg["needs"]:
        k = rng.choice([1, 1, 1, 2, 2, 3])
        pool = comps[:]
        while len(needs) < k and pool:
            ws = [weight(code, c) for c in pool]
            c = rng.choices(pool, ws)[0]
            pool.remove(c)
            needs.add(c)
    for c in comps:
        exp = EXPECTED[c][r]
        if c not in needs and rng.random() < cfg["skip"]:
            continue
        if c in needs:
            level = max(1, exp - rng.choice([1, 1, 1, 2]))
        else:
            level = min(5, exp + rng.choice([0, 0, 1, 1, 1, 2]))
        self_text, manager, reason, comment = str(level), "", "", ""
        if c not in needs and rng.random() < 0.03:
            self_text = "?"
        elif talked and rng.random() < 0.07:
            # the manager adjusted: the employee rated one level off
            off = rng.choice([-1, 1])
            if 1 <= level + off <= 5:
                self_text = str(level + off)
                manager = str(level)
                reason = rng.choice(REASONS_UP if off < 0 else REASONS_DOWN)
        area = c.split(".")[0]
        high = cfg["high6"] if area == "6" else cfg["high_admin4"] if (role == "system-admin" and area == "4") else cfg["high"]
        motivation = ""
        if rng.random() < 0.97:
            motivation = str(rng.choice([4, 5]) if rng.random() < high else rng.choice([1, 2, 3, 3]))
        if rng.random() < 0.02:
            comment = rng.choice(COMMENTS)
        rows.append([p["person_id"], code, c, self_text, manager, motivation, comment, reason,
                     "yes" if shared else "no", conversation])


def for_every_role(c):
    """Whether competence C's area applies to every role (area 6 does not)."""
    return all(EXPECTED[d][r] > 0 for d in COMPETENCES if d.split(".")[0] == c.split(".")[0]
               for r in range(len(ROLES)))


def figures(people, rows, code):
    """The headline figures with the definitions of docs/metrics.md: they
    count the areas that apply to every role; area 6's share with needs
    apart."""
    by_person = {}
    for r in rows:
        by_person.setdefault(r[0], []).append(r)
    role_of = {p["person_id"]: p["role"] for p in people}
    registered_pairs = sum(len([c for c in applicable(p["role"]) if for_every_role(c)]) for p in people)
    answered = with_level = with_need = mot = high = talked = 0
    with_level6 = with_need6 = 0
    pairs = {}
    mot_area = {}
    for pid, prs in by_person.items():
        if prs[0][8] != "yes":
            continue
        r = ROLES.index(role_of[pid])
        any_level = any_need = any_level6 = any_need6 = False
        talked += prs[0][9] != ""
        for row in prs:
            c = row[2]
            every = for_every_role(c)
            answered += every
            eff = int(row[4]) if row[4] else (int(row[3]) if row[3] not in ("", "?") else 0)
            if eff:
                need = EXPECTED[c][r] > eff
                if every:
                    any_level, any_need = True, any_need or need
                else:
                    any_level6, any_need6 = True, any_need6 or need
                n, d = pairs.get(c, (0, 0))
                pairs[c] = (n + need, d + 1)
            if row[5]:
                mot += every
                high += every and int(row[5]) >= 4
                key = (c.split(".")[0], role_of[pid] == "system-admin")
                a, b = mot_area.get(key, (0, 0))
                mot_area[key] = (a + (int(row[5]) >= 4), b + 1)
        with_level += any_level
        with_need += any_need
        with_level6 += any_level6
        with_need6 += any_need6
    area6 = [mot_area.get(("6", s), (0, 0)) for s in (False, True)]
    admin4 = mot_area.get(("4", True), (0, 0))
    out = {
        "share with needs": with_need / with_level,
        "share with needs, area 6": with_need6 / with_level6,
        "high motivation": high / mot,
        "high motivation, area 6": sum(a for a, _ in area6) / max(1, sum(b for _, b in area6)),
        "high motivation, system-admin, area 4": admin4[0] / max(1, admin4[1]),
        "response rate": answered / registered_pairs,
        "conversation rate": talked / len(people),
    }
    for c in ("2.3", "4.2"):
        n, d = pairs[c]
        out[f"share of needs {c}"] = n / d
    for a in "146":
        n = sum(pairs[c][0] for c in pairs if c.startswith(a + "."))
        d = sum(pairs[c][1] for c in pairs if c.startswith(a + "."))
        out[f"share of needs, area {a}"] = n / d
    return out


def main():
    people = build_roster()
    for p in people:
        p["u"] = rng.random()
        a25 = rng.random() < ROUND["2025"]["absent"]
        a26 = rng.random() < ROUND["2026"]["absent"]
        p["absent"] = {"2025": a25, "2026": a26}
    with open(os.path.join(HERE, "roster.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["person_id", "name", "email", "unit", "role", "manager_id", "gender"])
        for p in people:
            w.writerow([p["person_id"], p["name"], p["email"], p["unit"], p["role"], p["manager_id"], p["gender"]])
    results = {}
    for code in ("2025", "2026"):
        rows = []
        for p in people:
            # People with needs in 2026 are mostly those who had them in 2025.
            rate_person(p, code, p["u"], rows)
        with open(os.path.join(HERE, f"ratings-{code}.csv"), "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(["person_id", "round", "competence", "self", "manager", "motivation",
                        "comment", "reason", "shared", "conversation"])
            w.writerows(rows)
        results[code] = figures(people, rows, code)
    roles = {r: sum(p["role"] == r for p in people) for r in ROLES}
    women = sum(p["gender"] == "F" for p in people) / len(people)
    print(f"people: {len(people)} ({women:.0%} women); roles: {roles}")
    print(f"{'figure':42} {'2025':>7} {'2026':>7}")
    for k in results["2025"]:
        print(f"{k:42} {results['2025'][k]:7.1%} {results['2026'][k]:7.1%}")


if __name__ == "__main__":
    main()
