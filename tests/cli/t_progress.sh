# Progress of long work on standard error: shown when stderr is a terminal
# (script(1) gives the command one), never otherwise.
. "$TOP/tests/cli/lib.sh"
cd "$T"
command -v script >/dev/null || { echo "script (bsdutils) missing"; exit 1; }
export DIGIKOMP_DB="$T/k.db"
dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null

# on a terminal, with stdout elsewhere: the terminal shows only the progress
# line, drawn in place and cleared before the summary
on_tty() { script -qec "$* > $T/stdout" /dev/null | tr '\r' '\n' > tty; }
on_tty "'$DIGIKOMP' import roster '$TOP/examples/roster.csv'"
grep -q "^People: 100.0 %, 1165" tty || { echo "FAILED: no final progress line"; cat -A tty; exit 1; }
grep -q "People: 1165 rows; 1165 added" stdout || { echo "FAILED: no summary"; exit 1; }
dk round open 2026 --title T --framework kommun-digcomp-12 >/dev/null
on_tty "'$DIGIKOMP' import ratings '$TOP/examples/ratings-2026.csv'"
grep -q "^Assessments: 100.0 %" tty || { echo "FAILED: no ratings progress"; cat -A tty; exit 1; }
dk catalogue import "$TOP/examples/catalogue.csv" >/dev/null
on_tty "'$DIGIKOMP' plan suggest --all --lang sv"
grep -q "^Personer: 100,0 %, 1165" tty || { echo "FAILED: no Swedish progress of plan suggest --all"; cat -A tty; exit 1; }
grep -q "digikomp plan show" stdout || { echo "FAILED: no summary"; cat stdout; exit 1; }

# not a terminal: not a byte of progress
run dk import roster "$TOP/examples/roster.csv"; expect_rc 0
[ ! -s "$T/err" ] || fail "progress on a stderr that is not a terminal"
run dk plan suggest --all; expect_rc 0
[ ! -s "$T/err" ] || fail "progress on a stderr that is not a terminal"
