# The benchmark's generator is deterministic and writes what the importers and
# the SQL peer read; on it, digikomp and the peer agree (bench/crosscheck.sh).
. "$TOP/tests/cli/lib.sh"
GEN="$(dirname "$DIGIKOMP")/bench/gen"
[ -x "$GEN" ] || fail "no generator at $GEN"
"$GEN" --people 400 --seed 7 --out "$T/a" || fail "gen"
"$GEN" --people 400 --seed 7 --out "$T/b" || fail "gen"
for f in roster.csv ratings-r1.csv ratings-r2.csv catalogue.csv participation.csv expectations.csv; do
  cmp -s "$T/a/$f" "$T/b/$f" || fail "$f differs between two runs with the same seed"
done
[ "$(wc -l < "$T/a/roster.csv")" -eq 401 ] || fail "roster rows"
head -1 "$T/a/ratings-r1.csv" | grep -q '^person_id,round,competence,self,manager,motivation,comment,reason,shared,conversation$' || fail "ratings header"
run "$GEN" --people 10 --out "$T/c"; expect_rc 2

export DIGIKOMP_DB="$T/dk.db"
dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
run dk import roster "$T/a/roster.csv"; expect_rc 0
dk round open r1 --title R1 --framework kommun-digcomp-12 >/dev/null
run dk import ratings "$T/a/ratings-r1.csv" --round r1; expect_rc 0
run dk catalogue import "$T/a/catalogue.csv"; expect_rc 0; expect_out "500 added"
# the participation imports whole, and the report of a half-year counts some of it
run dk import participation "$T/a/participation.csv"; expect_rc 0
expect_out "Participation: $(($(wc -l < "$T/a/participation.csv") - 1)) rows"
run dk report participation --from 2026-01-01 --to 2026-06-30 --format csv; expect_rc 0
grep -q '^Participants,[0-9][0-9]*,' "$T/out" || fail "the half-year's participants are not shown"
dk report needs --round r1 --by unit,area --format csv --min-group 3 > "$T/dk.csv"
(cd "$T/a" && sqlite3 "$T/peer.db" < "$TOP/bench/peer/import.sql" && sqlite3 "$T/peer.db" ".import --csv ratings-r1.csv ratings_r1")
sqlite3 -csv -header "$T/peer.db" "CREATE TEMP VIEW ratings AS SELECT * FROM ratings_r1;" ".read $TOP/bench/peer/needs.sql" > "$T/peer.csv"
run sh "$TOP/bench/crosscheck.sh" "$T/dk.csv" "$T/peer.csv"
expect_rc 0; expect_out "0 differ"

# round 2's conversation sheet shows round 1's effective levels as the previous round
dk round close r1 >/dev/null
dk round open r2 --title R2 --framework kommun-digcomp-12 >/dev/null
run dk import ratings "$T/a/ratings-r2.csv" --round r2; expect_rc 0
dk conversation P0000300 --round r1 --format csv | sed '1d; s/"[^"]*"//' | cut -d, -f2,7 > "$T/r1-effective"
dk conversation P0000300 --round r2 --format csv | sed '1d; s/"[^"]*"//' | cut -d, -f2,11 > "$T/r2-previous"
grep -q ',[0-9]' "$T/r1-effective" || fail "no effective levels in round 1"
cmp -s "$T/r1-effective" "$T/r2-previous" || fail "round 2's sheet does not show round 1's levels"

# a store of schema version 3 (before compiled frameworks) is migrated: its frameworks get their compiled form, the sheet stays the same
dk conversation P0000300 --round r2 --format csv > "$T/sheet"
as_schema_6 "$DIGIKOMP_DB"
sqlite3 "$DIGIKOMP_DB" "ALTER TABLE framework DROP COLUMN compiled; PRAGMA user_version = 3;"
run dk conversation P0000300 --round r2 --format csv; expect_rc 0
cmp -s "$T/out" "$T/sheet" || fail "the sheet changed with the migration"
[ "$(sqlite3 "$DIGIKOMP_DB" "PRAGMA user_version; SELECT count(*) FROM framework WHERE compiled IS NULL")" = "$(latest_schema)
0" ] || fail "migration 4 left a framework without its compiled form"
