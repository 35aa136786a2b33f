# The documents people hand out, checked as a reader would: the pages
# rendered to PNG (pdftoppm) and compared with the reference renderings in
# tests/data/documents/ (tests/tools/pngdiff: at most 1 % of the pixels may
# differ after a small blur), and their text read back with pdftotext.
# DIGIKOMP_NOW fixes the date of printing so that the pages are the same
# every day.  To renew a reference after a deliberate change of layout:
# REFRESH=1 sh tests/cli/run.sh build/digikomp, then look at the images.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db" DIGIKOMP_NOW=2027-04-29
PNGDIFF="$(dirname "$DIGIKOMP")/tests/pngdiff"
REF="$TOP/tests/data/documents"
D="$TOP/tests/data"

# PDF PAGE NAME: page PAGE of PDF looks like the reference NAME.png
looks_like() {
  pdftoppm -r 60 -png -f "$2" -l "$2" -singlefile "$1" "$T/$3" || fail "pdftoppm $1"
  if [ "${REFRESH:-}" = 1 ]; then cp "$T/$3.png" "$REF/$3.png"; fi
  "$PNGDIFF" "$REF/$3.png" "$T/$3.png" > "$T/diff" || { cat "$T/diff"; fail "$3: the page does not look like $REF/$3.png"; }
}

dk init --framework "$D/framework/small.xml" >/dev/null
dk import roster "$D/import/roster.csv" >/dev/null
# last year's round, with other levels: the summary compares with it
dk round open r0 --title "Våren 2026" --framework small >/dev/null
sed -e 's/,r1,/,r0,/' -e 's/^P3,r0,1.1,4/P3,r0,1.1,1/' "$D/import/ratings.csv" > "$T/ratings-r0.csv"
dk import ratings "$T/ratings-r0.csv" --round r0 >/dev/null
dk round close r0 >/dev/null
dk round open r1 --title "Våren 2027" --framework small >/dev/null
dk import ratings "$D/import/ratings.csv" --round r1 >/dev/null
dk catalogue import "$D/plan/catalogue-print.csv" >/dev/null
dk rate --self P1 1.1 2 --round r1 >/dev/null
dk rate --self P1 1.2 3 --round r1 >/dev/null
dk plan create P1 --round r1 >/dev/null
dk plan add P1 --round r1 --competence 1.1 --activity skydd --target 4 --due 2027-06-30 >/dev/null
dk plan add P1 --round r1 --competence 2.1 --activity leda >/dev/null
dk plan add P1 --round r1 --competence 1.2 --target 3 \
  --wish "En kurs om att arkivera e-post och dokument enligt kommunens informationshanteringsplan" >/dev/null
dk plan agree P1 --round r1 --by hr:Karin >/dev/null
dk plan follow-up P1 --round r1 --on 2027-09-15 --notes "Kursen gav mycket; mötesguiden används nu i hela avdelningen." >/dev/null
# the day of agreement is the store's own clock: fixed here, for the pictures
sqlite3 "$DIGIKOMP_DB" "UPDATE plan SET agreed_at = '2027-04-20'"

# ---- the personal plan ------------------------------------------------------------
run dk plan export P1 --round r1 --format pdf --lang sv --output "$T/plan-sv.pdf"; expect_rc 0
pdftotext -layout "$T/plan-sv.pdf" "$T/out"
expect_out "Anna Berg"
expect_out "Överenskommen"; expect_out "20 april 2027 av Karin (HR)"
expect_out "Förväntad"; expect_out "Gällande"
expect_out "Kurs · på plats · 2 tim"
expect_out "planerad, målnivå 4, senast 30 juni 2027"
expect_out "Tillfälle: 29 april 2027 kl. 13.00–14.30, Stadshuset sal Ö"
expect_out "Tillfälle: 6 maj 2027 kl. 09.00 – 7 maj 2027 kl. 12.00, Åby gård"
expect_out "Före: Läs mötesguiden."; expect_out "Efter: Håll nästa möte med den nya dagordningen."
expect_out "Önskemål"; expect_out "Uppföljd"; expect_out "Underskrifter"
expect_out "utskriven 29 april 2027"; expect_out "Sida 1 av 2"; expect_out "Sida 2 av 2"
# the long title is wrapped, not cut: every word of it is there
pdftotext "$T/plan-sv.pdf" - | tr -s ' \n' '  ' | grep -qF "e-post och dokument enligt kommunens informationshanteringsplan" \
  || fail "the long wish is cut"
# the fonts travel with the file
pdffonts "$T/plan-sv.pdf" > "$T/fonts" 2>/dev/null && { grep -q "DejaVuSans" "$T/fonts" && ! grep -q " no " "$T/fonts"; } \
  || fail "fonts not embedded: $(cat "$T/fonts")"
looks_like "$T/plan-sv.pdf" 1 plan-sv-1
looks_like "$T/plan-sv.pdf" 2 plan-sv-2

run dk plan export P1 --round r1 --format pdf --lang en --output "$T/plan-en.pdf"; expect_rc 0
pdftotext -layout "$T/plan-en.pdf" "$T/out"
expect_out "Session: 29 April 2027, 13:00–14:30, Stadshuset sal Ö"
expect_out "planned, target level 4, due 30 June 2027"
expect_out "printed 29 April 2027"; expect_out "Page 1 of 2"
looks_like "$T/plan-en.pdf" 1 plan-en-1

# the manager by name, never by id; one PDF per person of a unit
dk plan create P2 --round r1 >/dev/null
run dk plan export --unit Org --round r1 --format pdf --lang en --output "$T/unit"; expect_rc 0
expect_out "2 plans written"
pdftotext -layout "$T/unit/P2.pdf" "$T/out"
expect_out "Erik Lind"; expect_out "Manager"; expect_out "Anna Berg"; expect_no_out "P1"
expect_out "No activities yet."

# ---- the example organisation, two rounds: the board's report and the workbook -----
export DIGIKOMP_DB="$T/kultur.db"
E="$TOP/examples"
dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
dk import roster "$E/roster.csv" >/dev/null
dk round open 2025 --title "Skattning våren 2025" --framework kommun-digcomp-12 >/dev/null
dk import ratings "$E/ratings-2025.csv" --round 2025 >/dev/null
dk round close 2025 >/dev/null
dk round open 2026 --title "Skattning vintern 2026" --framework kommun-digcomp-12 >/dev/null
dk import ratings "$E/ratings-2026.csv" --round 2026 >/dev/null

# ---- the board's report ---------------------------------------------------------
run dk report summary --round 2026 --format pdf; expect_rc 2; expect_err "needs --output FILE.pdf"
run dk report summary --round 2026 --lang sv --format pdf --output "$T/board.pdf"; expect_rc 0
pdftotext -layout "$T/board.pdf" "$T/board.txt"
cp "$T/board.txt" "$T/out"
expect_out "Digital kompetens: sammanfattning av omgång 2026"
expect_out "Kulturförvaltningen"; expect_out "2026 (Skattning vintern 2026)"
expect_out "Jämfört med"; expect_out "2025 (Skattning våren 2025)"
expect_out "Uttaget"; expect_out "29 april 2027"
expect_out "Siffror från färre än 5 personer visas som –."
expect_out "Nyckeltal"; expect_out "Andel med behov per område"; expect_out "Personliga mål per kompetens"
expect_out "Vad siffrorna betyder"; expect_out "av så få svar skulle man kunna räkna ut"
expect_out "Sida 1 av"
# the same figures as the summary on the terminal: every headline value is in the PDF
dk report summary --round 2026 --lang sv > "$T/summary.txt"
for figure in "Andel medarbetare med behov" "Snittskattning" "Svarsfrekvens" "Skattat och haft samtal"; do
  line=$(grep "^$figure  " "$T/summary.txt" | head -1)
  [ -n "$line" ] || fail "the summary lacks $figure"
  for value in $(echo "${line#"$figure"}" | grep -oE '[−+]?[0-9]+,[0-9]+( %)?' | tr ' ' '_'); do
    grep -qF "$(echo "$value" | tr '_' ' ')" "$T/board.txt" || fail "the PDF lacks $figure's $value"
  done
done
looks_like "$T/board.pdf" 1 board-sv-1

# ---- the workbook ----------------------------------------------------------------
run dk report summary --round 2026 --lang sv --format xlsx --output "$T/summary.xlsx"; expect_rc 0
mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/summary.xlsx") || fail "not a zip"
grep -o '<sheet name="[^"]*"' "$T/x/xl/workbook.xml" | sed 's/<sheet name=//; s/"//g' > "$T/out"
expect_out "Nyckeltal"; expect_out "Andel med behov per område"; expect_out "Snittskattning per område"
! grep -q '^[0-9]' "$T/out" || fail "sheet names are numbered: $(cat "$T/out")"
awk 'length > 31 { exit 1 }' "$T/out" || fail "a sheet name is longer than 31 characters"
[ "$(sort -u "$T/out" | wc -l)" -eq "$(wc -l < "$T/out")" ] || fail "sheet names repeat"
# the headline figures are numbers with a number format, at the precision shown
sheet1="$T/x/xl/worksheets/sheet1.xml"
grep -qE '<c r="C[0-9]+" s="[0-9]+"><v>0\.[0-9]{1,3}</v></c>' "$sheet1" || fail "no percentage as a number: $(head -c 3000 "$sheet1")"
grep -qE '<c r="D[0-9]+" s="[0-9]+"><v>-?[0-9]+(\.[0-9])?</v></c>' "$sheet1" || fail "no change as a number"
grep -q 'pane ySplit="[0-9]*"[^>]*state="frozen"' "$sheet1" || fail "the header row is not frozen"
# the formats: percent and a signed change
grep -q 'formatCode="0.0%"' "$T/x/xl/styles.xml" || fail "no percent format"
grep -q 'formatCode="+0.0;-0.0;0.0"' "$T/x/xl/styles.xml" || fail "no sign format"
# no figure as text: no percentage, no signed change, no decimal comma, no "points"
# (codes such as 1.1 are names and stay text)
tr '<' '\n' < "$T/x/xl/sharedStrings.xml" | sed -n 's/^t[^>]*>//p' > "$T/strings"
looks_numeric='^([−+'"'"'-][0-9]|[0-9]+,[0-9]|[0-9.,]+ ?%)|points$|procentenheter$'
! grep -qE "$looks_numeric" "$T/strings" || fail "text that looks like a number: $(grep -E "$looks_numeric" "$T/strings" | head -3)"
grep -qF "Siffror från färre än 5 personer visas som –." "$T/strings" || fail "no suppression note on the sheets"
grep -qF "Nyckeltal" "$T/strings" || fail "no title row"

# CSV and JSON: the headline figures as numbers too
run dk report summary --round 2026 --format csv; expect_rc 0
tr -d '\r' < "$T/out" | grep -E '^Response rate,[0-9.]+,[0-9.]+,-?[0-9.]+$' >/dev/null || fail "CSV headline figures are not numbers"
run dk report summary --round 2026 --format json; expect_rc 0
expect_out '"kind" : "percent"'; expect_no_out ' %"'; expect_no_out ' points"'
