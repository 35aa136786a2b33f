# Every import refuses a field longer than its column allows (a name, an id
# or a unit path 500 characters, a comment 2 000, a reason 1 000, a
# catalogue's description 4 000), counted in characters, not bytes:
# FILE:LINE and what is too long, exit 3, nothing stored.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
small_store
dump() { sqlite3 "$DIGIKOMP_DB" .dump; }
before=$(dump)
same() { [ "$(dump)" = "$before" ] || fail "a refused import changed the store ($1)"; }
repeat() { printf "%$2s" "" | sed "s/ /$1/g"; }

# a name of 500 characters fits, however many bytes they take; 501 do not
head -1 "$TOP/tests/data/import/roster.csv" > "$T/roster.csv"
printf '%s\n' "P8,$(repeat ö 500),p8@example.se,Org/Avd,employee,," "P9,$(repeat a 501),p9@example.se,Org/Avd,employee,," \
  >> "$T/roster.csv"
run dk import roster "$T/roster.csv"; expect_rc 3
expect_err "$T/roster.csv:3: name is 501 characters long; it may have at most 500"
expect_no_err "roster.csv:2:"
same roster

printf '%s\n' "person_id,round,competence,self,comment" "P1,r1,1.1,3,$(repeat x 2000)" "P2,r1,1.1,3,$(repeat x 2001)" \
  > "$T/ratings.csv"
run dk import ratings "$T/ratings.csv" --round r1; expect_rc 3
expect_err "$T/ratings.csv:3: comment is 2001 characters long; it may have at most 2000"
expect_no_err "ratings.csv:2:"
printf '%s\n' "person_id,round,competence,self,manager,reason" "P1,r1,1.1,3,2,$(repeat y 1001)" > "$T/reasons.csv"
run dk import ratings "$T/reasons.csv" --round r1; expect_rc 3
expect_err "$T/reasons.csv:2: reason is 1001 characters long; it may have at most 1000"
same ratings

# the catalogue, as CSV and as XML
printf '%s\n' "id,title_sv,title_en,kind,format,hours,language,develops,description_sv" \
  "lang,Lång,Long,course,digital,1,sv,1.1:1..2,$(repeat d 4001)" > "$T/catalogue.csv"
run dk catalogue import "$T/catalogue.csv"; expect_rc 3
expect_err "$T/catalogue.csv:2: description_sv is 4001 characters long; it may have at most 4000"
sed "s|<description xml:lang=\"sv\">Känn igen nätfiske.</description>|<description xml:lang=\"sv\">$(repeat d 4001)</description>|" \
  "$TOP/tests/data/catalogue/good.xml" > "$T/long.xml"
grep -q ddddd "$T/long.xml" || fail "the long description is not in the XML"
run dk catalogue import "$T/long.xml"; expect_rc 3
expect_err "$T/long.xml:6:"
same catalogue
run dk catalogue import "$TOP/tests/data/catalogue/good.xml"; expect_rc 0
