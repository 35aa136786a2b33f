# An import of ratings is audited as one row with the changed people's old and
# new levels in chunks (core/store-audit.c): `audit` and `person export` show
# each person's change as before, unchanged people get nothing, and erasure
# takes the person's entries out of the chunks.
. "$TOP/tests/cli/lib.sh"
gen_store 2500 3
dk round open r1 --title R1 --framework kommun-digcomp-12 >/dev/null
audit_rows() { sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM audit"; }
before=$(audit_rows)
run dk import ratings "$T/g/ratings-r1.csv" --round r1; expect_rc 0
[ "$(audit_rows)" = $((before + 1)) ] || fail "an import should add one audit row"
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT count(*) > 1 FROM audit_levels")" = 1 ] || fail "2 500 people should need more than one chunk"

# P0002100 lives in the third chunk; their added levels, as the rows were
first=$(grep -m1 '^P0002100,' "$T/g/ratings-r1.csv" | cut -d, -f3)
run dk audit P0002100 --format csv; expect_rc 0
expect_out "rating,r1,import,,self "
self=$(sqlite3 "$DIGIKOMP_DB" "SELECT substr(hex(levels), 1, 2) FROM assessment a JOIN person p ON p.id = a.person_id WHERE p.ext_id = 'P0002100'")
[ -n "$first" ] && [ -n "$self" ] || fail "P0002100 has no rows"

# the same file again: nothing changes, nothing is audited
run dk import ratings "$T/g/ratings-r1.csv" --round r1; expect_rc 0; expect_out "0 added, 0 updated"
[ "$(audit_rows)" = $((before + 1)) ] || fail "an import that changes nothing was audited"

# one person's self level changed: one more import row, old and new for them only
awk -F, -v OFS=, 'NR > 1 && $1 == "P0002100" && !done && $4 ~ /^[1-4]$/ { $4 = $4 + 1; done = 1 } { print }' \
  "$T/g/ratings-r1.csv" > "$T/changed.csv"
run dk import ratings "$T/changed.csv" --round r1; expect_rc 0; expect_out "1 updated"
[ "$(audit_rows)" = $((before + 2)) ] || fail "the second import should add one audit row"
run dk audit P0002100 --format csv; expect_rc 0
[ "$(grep -c ',import,' "$T/out")" = 2 ] || fail "P0002100 should have two import rows"
old=$(grep ',import,' "$T/out" | sed -n 1p | tr -d '\r' | awk -F, '{ print $NF }')
grep ',import,' "$T/out" | sed -n 2p | grep -qF ",$old," || fail "the update's old levels are not the first import's new ones"
run dk audit P0002101 --format csv; expect_rc 0
[ "$(grep -c ',import,' "$T/out")" = 1 ] || fail "an unchanged person got an audit row"
run dk person export P0002100; expect_rc 0
[ "$(grep -c '"import"' "$T/out")" = 2 ] || fail "the person export lacks the import rows"

# erasure takes P0002100's entries out of every chunk; the neighbours keep theirs
id=$(sqlite3 "$DIGIKOMP_DB" "SELECT id FROM person WHERE ext_id = 'P0002100'")
run dk person erase P0002100; expect_rc 2; expect_out "3 audit rows"   # the roster's and two imports'
dk audit P0002099 --format csv > "$T/neighbour-before"
run dk person erase P0002100 --confirm; expect_rc 0
dk audit P0002099 --format csv > "$T/neighbour-after"
cmp -s "$T/neighbour-before" "$T/neighbour-after" || fail "erasing P0002100 changed P0002099's audit"
hexid=$(printf '%016X' "$id" | sed 's/\(..\)\(..\)\(..\)\(..\)\(..\)\(..\)\(..\)\(..\)/\8\7\6\5\4\3\2\1/')
left=$(sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM audit_levels WHERE instr(hex(data), '$hexid') > 0")
[ "$left" = 0 ] || fail "P0002100's id is still in $left chunks"

# a store of schema version 4 (before import chunks) is upgraded and keeps its audit rows
export DIGIKOMP_DB="$T/old.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
dk import roster "$TOP/tests/data/import/roster.csv" >/dev/null
as_schema_6 "$DIGIKOMP_DB"
sqlite3 "$DIGIKOMP_DB" "DROP TABLE audit_levels; PRAGMA user_version = 4;"
dk round open r1 --title R1 --framework small >/dev/null
run dk import ratings "$TOP/tests/data/import/ratings.csv" --round r1; expect_rc 0
[ "$(sqlite3 "$DIGIKOMP_DB" 'PRAGMA user_version')" = "$(latest_schema)" ] || fail "the store was not upgraded"
run dk audit P2; expect_rc 0; expect_out "added"; expect_out "import"
