# `--dry-run` on every import (roster, ratings, catalogue, participation):
# the same checks and counts as the import, kept values reported as
# FILE:LINE, a bad file refused with its line and exit 3, and the store left
# exactly as it was; the real import then counts the same.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
small_store
dump() { sqlite3 "$DIGIKOMP_DB" .dump; }
same() { [ "$(dump)" = "$before" ] || fail "the dry run changed the store ($1)"; }

# ratings: one person changed, one kept by hand, one the same
DIGIKOMP_USER=P3 dk rate --motivation P3 1.1 2 >/dev/null || fail "rate --motivation"
printf '%s\n' "person_id,round,competence,self,motivation,shared" "P3,r1,1.1,3,5,no" "P1,r1,2.1,3,4,yes" \
  > "$T/ratings.csv"
before=$(dump)
run dk import ratings "$T/ratings.csv" --round r1 --dry-run; expect_rc 0
expect_out "Dry run, nothing written. Assessments: 2 rows; 0 added, 1 updated, 1 unchanged, 1 kept"
expect_out "$T/ratings.csv:2: kept the motivation 2 set on"
same ratings
run dk import ratings "$T/ratings.csv" --round r1 -n; expect_rc 0; expect_out "1 updated, 1 unchanged, 1 kept"
same "ratings, -n"

# the catalogue, XML and CSV
run dk catalogue import "$TOP/tests/data/catalogue/good.xml" --dry-run; expect_rc 0
expect_out "Dry run, nothing written. Activities: 2 rows; 2 added, 0 replaced, 0 unchanged"
same catalogue
run dk catalogue list; expect_no_out "phishing"
run dk catalogue import "$TOP/tests/data/catalogue/good.xml"; expect_rc 0; expect_out "2 rows; 2 added, 0 replaced, 0 unchanged"
before=$(dump)
run dk catalogue import "$TOP/tests/data/catalogue/good.xml" --dry-run; expect_rc 0
expect_out "0 added, 0 replaced, 2 unchanged"
sed 's/hours="1.5"/hours="2"/' "$TOP/tests/data/catalogue/good.xml" > "$T/longer.xml"
run dk catalogue import "$T/longer.xml" --dry-run; expect_rc 0; expect_out "0 added, 1 replaced, 1 unchanged"
same "catalogue again"

# participation
printf '%s\n' "person_id,activity_id,date,hours,status" "P1,phishing,2026-03-02,2,completed" \
  "P2,chefskurs,2026-03-03,1,attended" > "$T/attended.csv"
run dk import participation "$T/attended.csv" --dry-run; expect_rc 0
expect_out "Dry run, nothing written. Participation: 2 rows; 2 added, 0 updated, 0 unchanged"
same participation
run dk import participation "$T/attended.csv"; expect_rc 0; expect_out "2 rows; 2 added, 0 updated, 0 unchanged"
before=$(dump)
run dk import participation "$T/attended.csv" --dry-run; expect_rc 0; expect_out "0 added, 0 updated, 2 unchanged"
same "participation again"

# a bad file in a dry run: refused with its line, exit 3, nothing changed
printf '%s\n' "person_id,activity_id,date,hours,status" "P9,phishing,2026-03-02,2,completed" > "$T/bad.csv"
run dk import participation "$T/bad.csv" --dry-run; expect_rc 3; expect_err "$T/bad.csv:2: no person P9"
expect_no_out "Dry run"
printf '%s\n' "person_id,round,competence,self" "P2,r1,9.9,3" > "$T/bad-ratings.csv"
run dk import ratings "$T/bad-ratings.csv" --round r1 --dry-run; expect_rc 3
expect_err "$T/bad-ratings.csv:2: unknown competence '9.9'"
same "bad files"
