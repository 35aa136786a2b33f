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

if [ -t 1 ] && [ -z "${NO_COLOR:-}" ]; then bold=$(printf '\033[1m') plain=$(printf '\033[0m'); else bold= plain=; fi
step() { printf '\n%s$ %s%s\n' "$bold" "$*" "$plain"; "$@"; }

step "$BIN" framework validate frameworks/kommun-digcomp-12.xml frameworks/digcomp-2.2.xml
step "$BIN" init --framework frameworks/kommun-digcomp-12.xml
step "$BIN" import roster "$EX/roster.csv"
step "$BIN" round open 2025 --title "Skattning våren 2025" --framework kommun-digcomp-12
step "$BIN" import ratings "$EX/ratings-2025.csv" --round 2025
step "$BIN" round close 2025
step "$BIN" round open 2026 --title "Skattning vintern 2026" --framework kommun-digcomp-12
step "$BIN" import ratings "$EX/ratings-2026.csv" --round 2026
step "$BIN" round list
step "$BIN" catalogue import "$EX/catalogue.xml"
step "$BIN" report needs --round 2026 --compare 2025 --by area --lang sv
step "$BIN" report summary --round 2026 --compare 2025 --format html --output build/demo-summary.html
step "$BIN" report summary --round 2026 --compare 2025 --format pdf --output build/demo-summary.pdf --lang sv
step "$BIN" report summary --round 2026 --compare 2025 --lang sv

# a manager's conversation with one employee, and the plan they agree
step "$BIN" conversation K10040 --round 2026 --lang sv
step "$BIN" plan suggest K10040 --round 2026 --lang sv
step "$BIN" plan create K10040 --round 2026 --from-suggestions --lang sv
step "$BIN" plan add K10040 --round 2026 --competence 3.1 --wish "Kvällskurs i bildredigering" --due 2027-03-31
step "$BIN" plan agree K10040 --round 2026 --by K10032
step "$BIN" plan export K10040 --round 2026 --format pdf --output build/demo-plan.pdf --lang sv
step "$BIN" plan export K10040 --round 2026 --format html --output build/demo-plan.html --lang sv
step "$BIN" report coverage --round 2026 --lang sv
printf '\nThe store is %s.\nThe summary is build/demo-summary.html and build/demo-summary.pdf; K10040'"'"'s plan is build/demo-plan.pdf and build/demo-plan.html.\n' "$DB"
