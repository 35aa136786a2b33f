# People who have left (marked inactive by a --full roster import) can no
# longer be rated: rate, assess and the conversation refuse them, and a
# ratings import names their rows and writes nothing; they stay out of the
# open round.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
dk import roster "$TOP/tests/data/import/roster.csv" >/dev/null
grep -v '^P3,' "$TOP/tests/data/import/roster.csv" > "$T/roster.csv"
run dk import roster "$T/roster.csv" --full; expect_rc 0; expect_out "1 marked inactive"
dk round open r1 --title R1 --framework small >/dev/null
registered() { sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM assessment a JOIN person p ON p.id = a.person_id WHERE p.ext_id = 'P3'"; }
[ "$(registered)" = 0 ] || fail "P3 was registered when the round opened"
snapshot() { sqlite3 "$DIGIKOMP_DB" "SELECT * FROM assessment; SELECT count(*) FROM audit"; }
before=$(snapshot)

run dk rate --self P3 1.1 2; expect_rc 1; expect_err "P3 has left (inactive)"
run dk rate --motivation P3 1.1 2; expect_rc 1; expect_err "P3 has left (inactive)"
run dk assess P3 --share; expect_rc 1; expect_err "P3 has left (inactive)"
run dk import ratings "$TOP/tests/data/import/ratings.csv" --round r1; expect_rc 3
expect_err "ratings.csv:4: P3 has left (inactive); import the roster with P3 in it first"
[ "$(snapshot)" = "$before" ] || fail "the store changed"
[ "$(registered)" = 0 ] || fail "P3 was registered in the open round"

# back in the roster: rated again
dk import roster "$TOP/tests/data/import/roster.csv" >/dev/null
run dk rate --self P3 1.1 2; expect_rc 0
