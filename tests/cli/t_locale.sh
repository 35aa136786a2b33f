# Numbers for machines never depend on the locale: under Swedish (decimal
# comma) the SVG charts of the HTML summary, the needs report and the plan,
# the XLSX cells, JSON and CSV still write numbers with a dot, and parse.
# The sv_SE.UTF-8 locale is made with localedef (Debian's `locales`) in the
# scratch folder when the machine lacks it.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
E="$TOP/examples"
if ! locale -a 2>/dev/null | grep -qix 'sv_SE.utf-\?8'; then
  mkdir -p "$T/locale"
  localedef -i sv_SE -f UTF-8 "$T/locale/sv_SE.UTF-8" 2>"$T/err" || fail "localedef (install Debian's locales)"
  export LOCPATH="$T/locale"
fi
[ "$(LC_ALL=sv_SE.UTF-8 locale decimal_point)" = "," ] || fail "no Swedish locale"
dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
dk import roster "$E/roster.csv" >/dev/null
dk round open 2026 --title "Vintern 2026" --framework kommun-digcomp-12 >/dev/null
dk import ratings "$E/ratings-2026.csv" --round 2026 >/dev/null
person=$(sed -n '2s/,.*//p' "$E/roster.csv")
dk plan create "$person" --round 2026 >/dev/null || fail "plan create"
export LC_ALL=sv_SE.UTF-8
unset LANG LANGUAGE

num='-?[0-9]+(\.[0-9]+)?'
# FILE: every chart in the HTML file is XML whose coordinates have dots
svg_ok() {
  n=$(grep -c '<svg' "$1")
  [ "$n" -gt 0 ] || fail "$1: no chart"
  sed -n '/<svg/,/<\/svg>/p' "$1" | sed 's/.*<svg/<svg/; s/<\/svg>.*/<\/svg>/' > "$T/charts"
  awk '/<svg/ { n++ } { print > ("'"$T"'/chart" n ".svg") }' "$T/charts"
  for f in "$T"/chart*.svg; do
    xmllint --noout "$f" 2>"$T/err" || fail "$1: a chart does not parse"
  done
  grep -ohE ' (x|y|x1|y1|x2|y2|cx|cy|width|height)="[^"]*"' "$T"/chart*.svg | grep -vE "=\"$num\"" > "$T/bad" || true
  [ ! -s "$T/bad" ] || fail "$1: coordinates with a comma: $(head -3 "$T/bad")"
  grep -ohE 'points="[^"]*"' "$T"/chart*.svg | grep -vE "^points=\"($num,$num )*\"$" > "$T/bad" || true
  [ ! -s "$T/bad" ] || fail "$1: points with a comma: $(head -c 200 "$T/bad")"
  rm -f "$T"/chart*.svg
}
run dk report summary --round 2026 --format html --output "$T/summary.html"; expect_rc 0
svg_ok "$T/summary.html"
run dk report needs --round 2026 --by area --format html --output "$T/needs.html"; expect_rc 0
run dk plan export "$person" --round 2026 --format html --output "$T/plan.html"; expect_rc 0
svg_ok "$T/plan.html"

# XLSX: every cell value a number with a dot
run dk report summary --round 2026 --format xlsx --output "$T/summary.xlsx"; expect_rc 0
mkdir "$T/x" && (cd "$T/x" && unzip -q "$T/summary.xlsx") || fail "not a zip"
grep -ohE '<v>[^<]*</v>' "$T"/x/xl/worksheets/sheet*.xml | grep -vE "^<v>$num</v>$" > "$T/bad" || true
[ ! -s "$T/bad" ] || fail "XLSX values that are not numbers: $(head -3 "$T/bad")"
grep -qE '<v>0\.[0-9]+</v>' "$T/x/xl/worksheets/sheet1.xml" || fail "no fraction in the headline sheet"

# JSON parses; CSV numbers have dots (the CSV separator is a comma)
run dk report summary --round 2026 --format json; expect_rc 0
python3 -m json.tool "$T/out" >/dev/null || fail "the JSON does not parse"
grep -qE '"current" : 0\.[0-9]+' "$T/out" || fail "no fraction in the JSON"
run dk report summary --round 2026 --format csv; expect_rc 0
tr -d '\r' < "$T/out" | grep -qE '^[^,]+,[0-9]+\.[0-9]$' || fail "no number with a dot in the CSV"
