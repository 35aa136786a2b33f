# A self-rating not yet shared is the employee's alone: the plans a manager
# or HR exports for a unit (plan export --unit … --output DIR/) show nothing
# of it in any format, and `audit` shows when its levels changed but not
# the levels, while the person's own exports show them; once shared, both
# show them.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
cat > "$T/roster.csv" <<'CSV'
person_id,name,email,unit,role,manager_id,gender
M1,Mona Chef,,Org,manager,,F
E1,Erik Lind,,Org/X,employee,M1,M
CSV
dk import roster "$T/roster.csv" >/dev/null || fail "roster"
dk round open r1 --title R1 --framework small >/dev/null
cat > "$T/ratings.csv" <<'CSV'
person_id,round,competence,self,motivation,shared
E1,r1,1.1,2,5,no
CSV
dk import ratings "$T/ratings.csv" --round r1 >/dev/null || fail "import"
dk rate --self E1 1.2 4 >/dev/null || fail "rate"
dk plan create E1 --round r1 >/dev/null || fail "plan create"

# the rows of the levels table: "| 1.1 | title | expected | self |"
levels() { grep -E '^\| 1\.[12] ' "$1"; }
for f in md html; do
  dk plan export --unit Org --output "$T/unit-$f/" --format "$f" >/dev/null || fail "export --unit $f"
done
levels "$T/unit-md/E1.md" > "$T/out"
expect_out "| 1.1 | "; expect_no_out "| 2 ◀ |"; expect_no_out "| 4 |"
[ "$(grep -c ' – |$' "$T/out")" -eq 2 ] || fail "unit export shows an unshared level"
grep -q '◀\|>1<\|>4<' "$T/unit-html/E1.html" && fail "the HTML export shows an unshared level"
dk plan export --unit Org --output "$T/unit-pdf/" --format pdf >/dev/null || fail "export --unit pdf"
pdftotext -layout "$T/unit-pdf/E1.pdf" "$T/pdf.txt" 2>/dev/null || fail "pdftotext"
# the PDF's row of 1.1: its id, its title, the expected 3, and no other level
row=$(grep -E '^ *1\.1 ' "$T/pdf.txt" | head -1)
[ -n "$row" ] || fail "the PDF has no row of 1.1"
echo "$row" | sed 's/^ *1\.1 //; s/ 3 / /' | grep -q '[0-9]' && fail "the PDF export shows an unshared level: $row"

run dk plan export E1
expect_rc 0; expect_out "| 2 ◀ |"; expect_out "| 4 |"

# the audit trail, as HR reads it: the changes and their times, no levels
run dk audit E1
expect_rc 0
grep 'self 1\.2' "$T/out" | grep -q '(not shared)  *(not shared)' || fail "audit shows an unshared self level"
grep ' import ' "$T/out" | grep -q 'self (not shared) .*motivation (not shared)' || fail "audit shows an import's unshared levels"
grep -E ' (self|motivation) [0-9?-]( |$)' "$T/out" && fail "audit shows an unshared level"
# the person's own export (GDPR access) has every value
dk person export E1 > "$T/out" || fail "person export"
expect_out '"new" : "4"'; expect_out "motivation 5"

dk assess E1 --share >/dev/null || fail "share"
rm -rf "$T/unit-md"
dk plan export --unit Org --output "$T/unit-md/" >/dev/null || fail "export after sharing"
levels "$T/unit-md/E1.md" > "$T/out"
expect_out "| 2 ◀ |"; expect_out "| 4 |"
run dk audit E1
expect_no_out "(not shared)"; expect_out "motivation 5"
