#!/bin/sh
# docs/screenshots.sh — renders the HTML summary report and a personal plan of
# the example organisation in headless Chromium and saves them as PNG in
# docs/images/, so anyone can check that the pages and their charts display.
# Needs `make demo` to have run (build/demo-summary.html, build/demo-plan.html)
# and Debian's chromium (apt-get install chromium).
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
