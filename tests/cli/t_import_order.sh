# The ratings import writes the people it has finished while it reads on
# (importers/ratings.c, "the writer"). Whatever the order of the rows, and
# wherever a bad row stands, the store ends as an import of the whole file
# one person at a time leaves it: the same levels, notes, summary and audit,
# or nothing at all.
. "$TOP/tests/cli/lib.sh"
GEN="$(dirname "$DIGIKOMP")/bench/gen"
[ -x "$GEN" ] || fail "no generator at $GEN"
# 2 200 people: more than two of the writer's steps of 1 024 people
"$GEN" --people 2200 --seed 5 --out "$T/g" >/dev/null || fail "gen"
R="$T/g/ratings-r1.csv"

new_store() {   # DB
  export DIGIKOMP_DB="$1"
  dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
  dk import roster "$T/g/roster.csv" >/dev/null || fail "roster"
  dk round open r1 --title R1 --framework kommun-digcomp-12 >/dev/null
}
# what an import leaves: levels, flags and dates per person, the notes, the audit
state() {
  sqlite3 "$DIGIKOMP_DB" "SELECT p.ext_id, hex(a.levels), a.flags, a.shared_at, a.conversation_at
                            FROM assessment a JOIN person p ON p.id = a.person_id ORDER BY p.ext_id;
                          SELECT p.ext_id, n.competence, n.comment, n.reason
                            FROM rating_note n JOIN person p ON p.id = n.person_id ORDER BY 1, 2;
                          SELECT count(*) FROM audit;"
  for who in P0000000 P0001500 P0002199; do dk audit "$who" --format csv | cut -d, -f2-; done
}

# in the file's order (grouped by person, the roster's order)
new_store "$T/a.db"
run dk import ratings "$R" --round r1; expect_rc 0
cp "$T/out" "$T/summary-a"
grep -q "22581 rows; 1966 added, 0 updated, 0 unchanged" "$T/summary-a" || fail "summary: $(cat "$T/summary-a")"
state > "$T/state-a"

# every person's rows scattered over the file (sorted by competence): the
# writer has to give back what it was given and the file is written after reading
{ head -1 "$R"; tail -n +2 "$R" | sort -t, -k3,3 -k1,1; } > "$T/scattered.csv"
new_store "$T/b.db"
run dk import ratings "$T/scattered.csv" --round r1; expect_rc 0
cmp -s "$T/out" "$T/summary-a" || fail "summary differs: $(cat "$T/out")"
state > "$T/state-b"
cmp -s "$T/state-a" "$T/state-b" || { diff "$T/state-a" "$T/state-b" | head; fail "a scattered file left another store"; }

# the same rows again, scattered, into the first store: nothing changes
export DIGIKOMP_DB="$T/a.db"
run dk import ratings "$T/scattered.csv" --round r1; expect_rc 0; expect_out "0 added, 0 updated, 1966 unchanged"
state > "$T/state-a2"
cmp -s "$T/state-a" "$T/state-a2" || fail "an import that changes nothing changed the store"

# a bad row at the very end, after the writer has written most people:
# refused with its line, and nothing of it written
new_store "$T/c.db"
state > "$T/state-c0"
lines=$(wc -l < "$R")
{ cat "$R"; echo "P0002199,r1,9.9,3,,,,,yes,"; } > "$T/bad-last.csv"
run dk import ratings "$T/bad-last.csv" --round r1; expect_rc 3
expect_err "bad-last.csv:$((lines + 1)): unknown competence '9.9'"
state > "$T/state-c1"
cmp -s "$T/state-c0" "$T/state-c1" || fail "a refused import left something behind"
[ "$(sqlite3 "$DIGIKOMP_DB" "PRAGMA integrity_check")" = ok ] || fail "integrity"
run dk import ratings "$R" --round r1; expect_rc 0
state > "$T/state-c2"
cmp -s "$T/state-a" "$T/state-c2" || fail "the import after a refused one differs"

# a bad row in the middle, and a person met again after the writer was given them
new_store "$T/d.db"
state > "$T/state-d0"
{ head -n 15000 "$R"; echo "P0000001,r1,1.1,3,,,,,yes,"; tail -n +15001 "$R"; } > "$T/again.csv"
run dk import ratings "$T/again.csv" --round r1; expect_rc 3
expect_err "again.csv:15001: a second row for P0000001 on 1.1"
state > "$T/state-d1"
cmp -s "$T/state-d0" "$T/state-d1" || fail "a refused import left something behind"
