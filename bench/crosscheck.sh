#!/bin/sh
# crosscheck.sh DIGIKOMP.csv PEER.csv — digikomp's share with needs by unit ×
# area must equal the SQL peer's (within 0.05 percentage points) on every
# cell digikomp shows; suppressed cells (–) are skipped.  Exit 1 otherwise.
set -eu
[ -s "$1" ] || { echo "crosscheck: no digikomp output" >&2; exit 1; }
awk -F, '
  { sub(/\r$/, ""); gsub(/"/, "") }   # CRLF and quotes: unit paths hold no commas
  FNR == 1 { for (i = 1; i <= NF; i++) col[FILENAME, $i] = i; next }
  FILENAME == ARGV[1] {
    s = $col[FILENAME, "share_with_needs"]
    if (s != "–" && s != "") dk[$col[FILENAME, "unit"] SUBSEP $col[FILENAME, "area"]] = s
    next
  }
  { peer[$col[FILENAME, "unit"] SUBSEP $col[FILENAME, "area"]] = $col[FILENAME, "share"] }
  END {
    bad = 0; n = 0
    for (k in dk) {
      n++
      if (!(k in peer)) { split(k, p, SUBSEP); print "only digikomp: " p[1] " " p[2]; bad++; continue }
      d = dk[k] - peer[k]; if (d < 0) d = -d
      if (d > 0.05) { split(k, p, SUBSEP); print "differs: " p[1] " area " p[2] ": " dk[k] " vs " peer[k]; bad++ }
    }
    if (n == 0) { print "crosscheck: no cells to compare"; exit 1 }
    printf "crosscheck: %d cells compared, %d differ\n", n, bad
    exit bad > 0
  }' "$1" "$2"
