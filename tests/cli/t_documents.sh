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
