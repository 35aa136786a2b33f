# Hostile input through the command line, each with its expected outcome:
# broken CSV files are refused with FILE:LINE and change nothing (or are
# read correctly); what others open later — CSV, XLSX, HTML with SVG
# charts — neutralises formulas and escapes markup; ids with quotes and SQL
# are stored and shown verbatim.  Big inputs are made here, not checked in.
. "$TOP/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make deps installs it)"; exit 1; }
command -v unzip >/dev/null || { echo "unzip missing"; exit 1; }
export DIGIKOMP_DB="$T/store.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
H='person_id,name,unit,role,manager_id,gender'
dump() { sqlite3 "$DIGIKOMP_DB" .dump; }

# ---- CSV that must be refused: exit 3, FILE:LINE, nothing written
refused() {   # FILE MESSAGE
  dump > "$T/before"
  run dk import roster "$T/$1"
  expect_rc 3
  expect_err "$1:$2"
  dump > "$T/after"
  cmp -s "$T/before" "$T/after" || fail "the refused $1 changed the store"
}
printf "$H\nP1,A\0B,Org,employee,,\n" > "$T/nul.csv"
refused nul.csv "2: a NUL byte"
printf "$H\nP1,A\377,Org,employee,,\n" > "$T/utf8.csv"
refused utf8.csv "2: not valid UTF-8 text"
printf "$H\nP1,\"A,Org,employee,,\nP2,B,Org,employee,,\n" > "$T/quote.csv"
refused quote.csv "2: a quoted field is never closed"
printf "$H\nP\"1,A,Org,employee,,\nP2,B,Org,employee,,\nP3,C,Org,nobody,,\n" > "$T/firstquote.csv"
refused firstquote.csv "2: a quote inside an unquoted field"
expect_err "firstquote.csv:4: "
[ "$(grep -c 'firstquote.csv:2:' "$T/err")" = 1 ] || fail "line 2's error was reported more than once"
printf "$H\r\nP1,A,Org,employee,,\nP2,B,Org,employee,,\rP3,C,Org,employee,,\n" > "$T/cr.csv"
refused cr.csv "3: a carriage return without a line feed"
: > "$T/empty.csv"
refused empty.csv " empty file, expected a header line"
awk -v h="$H" 'BEGIN { printf "%s\nP1,A,Org,employee,,", h; for (i = 0; i < 100000; i++) printf ",x"; print "" }' > "$T/wide.csv"
refused wide.csv "2: more than 10000 fields"

# ---- CSV read correctly: CRLF and LF mixed, a BOM, a header only, a 10 MB line
printf '\357\273\277%s\r\nM1,Chef,Org,manager,,F\nP1,Anna,Org,employee,M1,F\r\n' "$H" > "$T/bom.csv"
run dk import roster "$T/bom.csv"; expect_rc 0; expect_out "2 added"
printf '%s\n' "$H" > "$T/header.csv"
run dk import roster "$T/header.csv"; expect_rc 0; expect_out "0 rows"
awk -v h="$H" 'BEGIN { printf "%s\nP9,", h; for (i = 0; i < 10240; i++) printf "%01024d", 0; print ",Org,employee,M1," }' > "$T/long.csv"
# read whole, and refused for its length (t_import_limits.sh), not for its line
run dk import roster "$T/long.csv"; expect_rc 3
expect_err "$T/long.csv:2: name is 10485760 characters long; it may have at most 500"
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM person WHERE ext_id = 'P9'")" = 0 ] \
  || fail "the 10 MB name was stored"

# ---- XML: an external entity (in UTF-16, past the byte search for DOCTYPE)
# pointing at a file with a marker; a 100 MB file.  Refused, the marker never
# shown, no store created by a refused `init`.
echo "MARKER-5ecret" > "$T/secret.txt"
printf '<?xml version="1.0" encoding="UTF-16"?>\n<!DOCTYPE framework [ <!ENTITY s SYSTEM "file://%s/secret.txt"> ]>\n<framework xmlns="urn:digikomp:framework:1" id="x" version="1"><title xml:lang="en">&s;</title></framework>\n' "$T" \
  | iconv -f UTF-8 -t UTF-16 > "$T/xxe16.xml"
run dk framework show "$T/xxe16.xml"; expect_rc 3; expect_err "DOCTYPE declarations are not allowed"
expect_no_out "MARKER-5ecret"; expect_no_err "MARKER-5ecret"
truncate -s 100M "$T/huge.xml"
run dk init --db "$T/new.db" --framework "$T/huge.xml"; expect_rc 3
expect_err "huge.xml: the file is 100.0 MiB; an XML file may be at most 16 MiB"
[ ! -e "$T/new.db" ] || fail "a refused init left a store"
rm -f "$T/huge.xml"

# ---- names, units and ids that try to be formulas, markup or SQL
ID="x'); DROP TABLE person;--"
cat > "$T/roster.csv" <<'CSV'
person_id,name,unit,role,manager_id,gender
M1,"<script>alert(""x"")</script> & Co",Org,manager,,F
"x'); DROP TABLE person;--","=cmd|' /C calc'!A0",Org,employee,M1,M
P2,+Plus,"=HYPERLINK(""evil"")",employee,M1,F
P3,-Minus,+Plus,employee,M1,F
P4,@At,-Minus,employee,M1,F
P5,"Tom & ""Jerry"" <b>",@At,employee,M1,F
P6,"O'Brien <img src=x onerror=alert(1)>","<b>A & ""B""",employee,M1,F
CSV
run dk import roster "$T/roster.csv"; expect_rc 0
dk round open r1 --title 'R1 <script>alert(1)</script> & "q"' --framework small >/dev/null
cat > "$T/ratings.csv" <<'CSV'
person_id,round,competence,self,shared
M1,r1,1.1,3,yes
"x'); DROP TABLE person;--",r1,1.1,2,yes
P2,r1,1.1,2,yes
P3,r1,1.1,4,yes
P4,r1,1.1,1,yes
P5,r1,1.1,3,yes
P6,r1,1.1,3,yes
CSV
run dk import ratings "$T/ratings.csv" --round r1; expect_rc 0; expect_out "7 added"

# the SQL-looking id: stored, found and shown verbatim; no table dropped
run dk rate --manager "$ID" 1.1 3 --reason "'; DELETE FROM audit;--" --by M1; expect_rc 0
run dk person export "$ID"; expect_rc 0
expect_out "\"person_id\" : \"x'); DROP TABLE person;--\""
run dk audit "$ID"; expect_rc 0; expect_out "'; DELETE FROM audit;--"
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM person")" = 8 ] || fail "people lost"
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT ext_id FROM person WHERE name LIKE '=cmd%'")" = "$ID" ] \
  || fail "the id was not stored verbatim"

# CSV: a cell that begins with = + - @ gets a leading '
run dk report needs --round r1 --by unit --format csv --min-group 3; expect_rc 0
expect_out "\"'=HYPERLINK(\"\"evil\"\")\""; expect_out "'+Plus,"; expect_out "'-Minus,"; expect_out "'@At,"
run dk team M1 --round r1 --format csv; expect_rc 0
expect_out "'=cmd|' /C calc'!A0"; expect_out "'+Plus"; expect_out "'-Minus"; expect_out "'@At"
expect_out "\"x'); DROP TABLE person;--\""

# XLSX: the same cells are text with the ', never a formula
run dk report needs --round r1 --by unit --format xlsx --output "$T/r.xlsx" --min-group 3; expect_rc 0
unzip -p "$T/r.xlsx" 'xl/worksheets/*.xml' > "$T/sheets.xml"
unzip -p "$T/r.xlsx" xl/sharedStrings.xml > "$T/strings.xml"
! grep -q "<f>" "$T/sheets.xml" || fail "the XLSX holds a formula"
for cell in "'=HYPERLINK(\"evil\")" "'+Plus" "'-Minus" "'@At"; do
  grep -qF "<t>$cell</t>" "$T/strings.xml" || fail "XLSX lacks the neutralised text $cell"
done

# HTML with SVG charts: every name and title escaped, no markup of ours injected
run dk report summary --round r1 --format html --min-group 3; expect_rc 0
expect_no_out "<script>"; expect_no_out "<img"; expect_no_out "<b>A"
expect_out "&lt;b&gt;A &amp; &quot;B&quot;"
grep -q "<svg" "$T/out" || fail "the summary has no chart to check"
sed -n '/<svg/,/<\/svg>/p' "$T/out" > "$T/svg"
grep -qF "&lt;b&gt;A &amp; &quot;B&quot;" "$T/svg" || fail "the chart lacks the escaped unit name"
run dk team M1 --round r1 --format html; expect_rc 0
expect_no_out "<script>"; expect_no_out "<b>"
expect_out "Team of &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co (M1)"
expect_out "Tom &amp; &quot;Jerry&quot; &lt;b&gt;"
dk plan create P6 --round r1 >/dev/null || fail "plan create"
run dk plan export P6 --round r1 --format html; expect_rc 0
expect_no_out "<img"; expect_out "O&#39;Brien &lt;img src=x onerror=alert(1)&gt;"
