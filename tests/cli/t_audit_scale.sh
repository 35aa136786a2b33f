# The audit writes every level of any scale as it is: on a scale of 1-12, an
# import's 12 and 10 read 12 and 10 in `audit` and in the person's data
# (GDPR export), not 2 and 0; levels are separated so that 1 2 is never 12.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
levels=$(for v in 6 7 8 9 10 11 12; do printf '<level value="%s"/>' "$v"; done)
sed -e 's/id="small" version="1"/id="wide" version="1"/' -e 's/<scale min="1" max="5">/<scale min="1" max="12">/' \
    -e "s|<level value=\"5\"/>|<level value=\"5\"/>$levels|" "$TOP/tests/data/framework/small.xml" > "$T/wide.xml"
dk init --framework "$T/wide.xml" >/dev/null || fail "init"
dk import roster "$TOP/tests/data/import/roster.csv" >/dev/null
dk round open r1 --title R1 --framework wide >/dev/null
cat > "$T/ratings.csv" <<'CSV'
person_id,round,competence,self,manager,motivation,comment,reason,shared,conversation
P2,r1,1.1,12,10,4,,Visade mer,yes,
P2,r1,1.2,1,,2,,,yes,
CSV
dk import ratings "$T/ratings.csv" >/dev/null || fail "import"
run dk audit P2 --format csv; expect_rc 0
expect_out "self 12 1 - manager 10 - - motivation 4 2 -"
run dk person export P2; expect_rc 0
expect_out '"new" : "self 12 1 - manager 10 - - motivation 4 2 -"'
# a change of the import: the old levels too
sed -i 's/^P2,r1,1.2,1,/P2,r1,1.2,11,/' "$T/ratings.csv"
dk import ratings "$T/ratings.csv" >/dev/null || fail "second import"
run dk person export P2; expect_rc 0
expect_out '"old" : "self 12 1 - manager 10 - - motivation 4 2 -"'
expect_out '"new" : "self 12 11 - manager 10 - - motivation 4 2 -"'
