# A plan's reasons are stored in no language and read in the reader's: a plan made in
# English reads in Swedish to a Swedish reader, and the reverse, in plan show, plan
# suggest and every export.  A store of schema 9, whose reasons are English and Swedish
# text, is read back by migration 10; a text it cannot read is shown as it is.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
small_store
dk catalogue import "$TOP/tests/data/plan/catalogue.csv" >/dev/null
dk rate --self P1 1.1 2 --round r1 >/dev/null
dk rate --self P1 1.2 1 --round r1 >/dev/null
dk rate --self P2 1.2 1 --round r1 >/dev/null

EN_MGR="develops 1.1 from 2 to 4; on-site; 3 h"
SV_MGR="utvecklar 1.1 från 2 till 4; på plats; 3 h"
EN_LONG="develops 1.2 from 1 to 2; on-site; 8 h; also covers 1.1; a step towards 3"
SV_LONG="utvecklar 1.2 från 1 till 2; på plats; 8 h; täcker också 1.1; ett steg mot 3"
EN_P2="develops 1.2 from 1 to 2; on-site; 8 h"
SV_P2="utvecklar 1.2 från 1 till 2; på plats; 8 h"

run dk plan suggest P1 --round r1 --lang sv; expect_rc 0; expect_out "$SV_LONG"; expect_no_out "develops"
run dk plan suggest P1 --round r1 --lang en; expect_rc 0; expect_out "$EN_LONG"; expect_no_out "utvecklar"

# made in English, read in Swedish
run dk plan create P1 --round r1 --from-suggestions --lang en; expect_rc 0
run dk plan show P1 --round r1 --lang sv; expect_rc 0
expect_out "$SV_MGR"; expect_out "$SV_LONG"; expect_no_out "develops"; expect_no_out "covers"
run dk plan show P1 --round r1 --lang en; expect_out "$EN_MGR"; expect_out "$EN_LONG"
for f in md html; do
  run dk plan export P1 --round r1 --format $f --lang sv; expect_rc 0
  expect_out "$SV_LONG"; expect_no_out "develops"
done
run dk plan export P1 --round r1 --format pdf --lang sv --output "$T/p1.pdf"; expect_rc 0
if command -v pdftotext >/dev/null; then
  pdftotext "$T/p1.pdf" - | tr '\n' ' ' | grep -q "utvecklar 1.1 från 2 till 4" || fail "the PDF lacks the Swedish reason"
fi
# JSON: the reason in the reader's language, and its stored form for programs
run dk plan export P1 --round r1 --format json --lang sv; expect_rc 0
expect_out "\"reason\" : \"$SV_MGR\""
expect_out '"reason_code" : "v1;develops=1.1:2:4;format=on-site;hours=3"'
run dk plan show P1 --round r1 --format json --lang sv
expect_out "\"reason\" : \"$SV_MGR\""; expect_out '"reason_code" : "v1;develops=1.1:2:4;format=on-site;hours=3"'
# the store holds no language
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM plan_item WHERE reason NOT LIKE 'v1;%'")" = 0 ] \
  || fail "a reason is stored as text"

# made in Swedish, read in English
run dk plan create P2 --round r1 --from-suggestions --lang sv; expect_rc 0
run dk plan show P2 --round r1 --lang en; expect_out "$EN_P2"; expect_no_out "utvecklar"
run dk plan export P2 --round r1 --format md --lang en; expect_out "$EN_P2"; expect_no_out "på plats"

# ---- a store of schema 9, its reasons as the planner wrote them then ----
dk plan add P2 --round r1 --competence 1.1 --activity short >/dev/null
HAND="Vald för hand; se anteckningarna"
sqlite3 "$DIGIKOMP_DB" "BEGIN;
  UPDATE plan_item SET reason = CASE competence WHEN '1.1' THEN '$EN_MGR' ELSE '$EN_LONG' END
    WHERE plan_id = (SELECT pl.id FROM plan pl JOIN person p ON p.id = pl.person_id WHERE p.ext_id = 'P1');
  UPDATE plan_item SET reason = CASE competence WHEN '1.2' THEN '$SV_P2' ELSE '$HAND' END
    WHERE plan_id = (SELECT pl.id FROM plan pl JOIN person p ON p.id = pl.person_id WHERE p.ext_id = 'P2');
  PRAGMA user_version = 9; COMMIT;" || fail "cannot make the old store"
run dk plan show P1 --round r1 --lang sv; expect_rc 0
expect_out "$SV_MGR"; expect_out "$SV_LONG"; expect_no_out "develops"
[ "$(sqlite3 "$DIGIKOMP_DB" 'PRAGMA user_version')" = "$(latest_schema)" ] || fail "the store was not upgraded"
run dk plan show P1 --round r1 --lang en; expect_out "$EN_MGR"; expect_out "$EN_LONG"
run dk plan show P2 --round r1 --lang en; expect_out "$EN_P2"; expect_out "$HAND"; expect_no_out "på plats"
run dk plan show P2 --round r1 --lang sv; expect_out "$SV_P2"; expect_out "$HAND"
run dk plan export P2 --round r1 --format json --lang en
expect_out "\"reason\" : \"$HAND\""; expect_out '"reason_code" : null'
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT reason FROM plan_item ORDER BY id")" = "v1;develops=1.1:2:4;format=on-site;hours=3
v1;develops=1.2:1:2;format=on-site;hours=8;covers=1.1;towards=3
v1;develops=1.2:1:2;format=on-site;hours=8
$HAND" ] || fail "the reasons were not read back as codes: $(sqlite3 "$DIGIKOMP_DB" 'SELECT reason FROM plan_item')"
# run again over its own result, it changes nothing
sqlite3 "$DIGIKOMP_DB" "SELECT reason FROM plan_item ORDER BY id" > "$T/once"
sqlite3 "$DIGIKOMP_DB" "PRAGMA user_version = 9"
dk plan show P1 --round r1 >/dev/null || fail "the store does not open again"
sqlite3 "$DIGIKOMP_DB" "SELECT reason FROM plan_item ORDER BY id" | cmp -s - "$T/once" || fail "migration 10 twice changed a reason"

