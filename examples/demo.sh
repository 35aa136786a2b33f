#!/bin/sh
# The main job on examples/, as `make demo` runs it: HR sets up the store
# with the municipal framework, imports the example organisation and its two
# rounds of ratings, and reads the summary report, round against round.
# BIN is the digikomp binary; DEMO_DB where the store goes (recreated).
set -eu
BIN=${BIN:-build/digikomp}
DB=${DEMO_DB:-build/demo.db}
EX=$(dirname "$0")
rm -f "$DB" "$DB-wal" "$DB-shm"
export DIGIKOMP_DB="$DB"

step() { printf '\n\033[1m$ %s\033[0m\n' "$*"; "$@"; }

step "$BIN" framework validate frameworks/kommun-digcomp-12.xml frameworks/digcomp-2.2.xml
step "$BIN" init --framework frameworks/kommun-digcomp-12.xml
step "$BIN" import roster "$EX/roster.csv"
step "$BIN" round open 2025 --title "Skattning våren 2025" --framework kommun-digcomp-12
step "$BIN" import ratings "$EX/ratings-2025.csv" --round 2025
step "$BIN" round close 2025
step "$BIN" round open 2026 --title "Skattning vintern 2026" --framework kommun-digcomp-12
step "$BIN" import ratings "$EX/ratings-2026.csv" --round 2026
step "$BIN" round list
step "$BIN" report needs --round 2026 --compare 2025 --by area --lang sv
step "$BIN" report summary --round 2026 --compare 2025 --format html --output build/demo-summary.html
step "$BIN" report summary --round 2026 --compare 2025 --lang sv
printf '\nThe store is %s; the HTML summary is build/demo-summary.html.\n' "$DB"
