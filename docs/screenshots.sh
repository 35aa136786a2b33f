#!/bin/sh
# docs/screenshots.sh — renders the HTML summary report and a personal plan of
# the example organisation in headless Chromium, and the first pages of their
# PDFs with pdftoppm, and saves them as PNG in docs/images/, so anyone can
# check that the pages and their charts display.  Needs `make demo` to have
# run (build/demo-summary.html and .pdf, build/demo-plan.html and .pdf) and
# Debian's chromium (apt-get install chromium).
set -eu
cd "$(dirname "$0")/.."
[ -s build/demo-summary.html ] || { echo "run 'make demo' first" >&2; exit 1; }
command -v chromium >/dev/null || { echo "install chromium: apt-get install chromium" >&2; exit 1; }
mkdir -p docs/images
profile=$(mktemp -d)
shot() {  # HTML PNG WIDTH HEIGHT
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$3,$4" \
    --screenshot="$PWD/$2" "file://$PWD/$1" 2>/dev/null
  [ -s "$2" ] || { echo "no screenshot of $1" >&2; exit 1; }
  echo "wrote $2"
}
shot build/demo-summary.html docs/images/summary-report.png 1200 1800
shot build/demo-plan.html docs/images/personal-plan.png 1000 1100
rm -rf "$profile"
page() {  # PDF PNG: page 1 at 80 dots per inch
  pdftoppm -r 80 -png -f 1 -l 1 -singlefile "$1" "${2%.png}"
  echo "wrote $2"
}
page build/demo-plan.pdf docs/images/plan-pdf.png
page build/demo-summary.pdf docs/images/board-report.png
