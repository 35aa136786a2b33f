# The store keeps who acted as codes, never in a reader's language: a manager level a
# ratings import set is "import" whatever the language of the command, and an erased
# person's place in the audit log is "(erased)" (stores erased by an earlier
# version keep "erased person", read the same way), a field is "manager 1.2".
# `audit` puts them into the reader's words; its JSON keeps the codes.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
dk import roster "$TOP/tests/data/import/roster.csv" >/dev/null
dk round open r1 --title R1 --framework small >/dev/null
run dk import ratings "$TOP/tests/data/import/ratings.csv" --round r1 --lang sv; expect_rc 0
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT adjusted_by FROM rating_note WHERE reason IS NOT NULL")" = import ] \
  || fail "the import's note is not the code: $(sqlite3 "$DIGIKOMP_DB" 'SELECT adjusted_by FROM rating_note')"
run dk person export P2; expect_out '"adjusted_by" : "import"'

dk rate --manager P2 1.2 2 --reason "Visade mer" --by P1 --round r1 >/dev/null || fail "rate"
dk person erase P1 --confirm >/dev/null || fail "erase"
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM audit WHERE actor = '(erased)'")" -ge 1 ] \
  || fail "the erased actor is not the code"
run dk audit P2 --lang sv; expect_rc 0; expect_out "(raderad)"; expect_no_out "(erased)"
run dk audit P2 --lang en; expect_rc 0; expect_out "(erased)"
run dk audit P2 --lang sv --format json; expect_rc 0; expect_out '"by" : "(erased)"'
# so are the fields: a manager's level "manager 1.2", a new person "added"
run dk audit P2 --lang sv; expect_rc 0; expect_out "chefens nivå 1.2"; expect_out "tillagd"
expect_no_out "manager 1.2"
run dk audit P2 --lang en; expect_rc 0; expect_out "manager 1.2"; expect_out "added"
run dk audit P2 --lang sv --format json; expect_rc 0; expect_out '"field" : "manager 1.2"'
expect_out '"field" : "added"'
# an erasure of the earlier version's code reads the same
sqlite3 "$DIGIKOMP_DB" "UPDATE audit SET actor = 'erased person' WHERE actor = '(erased)'"
run dk audit P2 --lang sv; expect_rc 0; expect_out "(raderad)"; expect_no_out "erased person"
