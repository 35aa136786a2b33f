# Names and units from the data never drive the terminal: a terminal
# sequence (ESC ] 0 ; … BEL retitles the window), U+202E (reorders the
# line) and a newline (breaks a table's row) are shown escaped in text
# output and in messages; HTML isolates names in <bdi> and has no control
# characters, and its charts stay XML.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
ESC=$(printf '\033') BEL=$(printf '\007') RLO=$(printf '\342\200\256')
printf 'person_id,name,unit,role,manager_id,gender\n' > "$T/roster.csv"
printf 'M1,"Mo\033]0;pwned\007na",Org,manager,,F\n' >> "$T/roster.csv"
printf 'P1,"Evil\342\200\256gnp.exe",Org/Red\033[31m,employee,M1,M\n' >> "$T/roster.csv"
printf 'P2,"Two\nLines",Org/Red\033[31m,employee,M1,F\n' >> "$T/roster.csv"
printf 'P3,Plain,Org/Red\033[31m,employee,M1,F\n' >> "$T/roster.csv"
dk import roster "$T/roster.csv" >/dev/null || fail "roster"
dk round open r1 --title R1 --framework small >/dev/null
for p in P1 P2 P3; do dk rate --self "$p" 1.1 2 >/dev/null; dk assess "$p" --share >/dev/null; done

# OUT-FILE: no raw ESC, BEL or U+202E
raw_free() { ! grep -q "$ESC\|$BEL\|$RLO" "$1" || fail "raw control characters in $1: $(od -c "$1" | grep -m1 '033\|007\|342')"; }
run dk team M1 --round r1; expect_rc 0
raw_free "$T/out"
expect_out 'Mo\x1b]0;pwned\x07na'; expect_out 'Evil\u202Egnp.exe'; expect_out 'Two\nLines'
[ "$(grep -c '^P[123] ' "$T/out")" = 3 ] || fail "a name broke the table's rows"
run dk report needs --round r1 --by unit -k 3; expect_rc 0
raw_free "$T/out"; expect_out 'Org/Red\x1b[31m'
run dk conversation P1 --round r1; expect_rc 0
raw_free "$T/out"
# messages quote the data escaped too
run dk rate --self "X${ESC}]0;t${BEL}" 1.1 2; expect_rc 3
raw_free "$T/err"; expect_err 'X\x1b]0;t\x07'

# HTML: names isolated, no control characters; the charts parse
run dk team M1 --round r1 --format html; expect_rc 0
grep -q '<td><bdi>Evil'"$RLO"'gnp.exe</bdi></td>' "$T/out" || fail "a name is not isolated in <bdi>"
! grep -q "$ESC\|$BEL" "$T/out" || fail "control characters in the HTML"
dk plan create P1 --round r1 >/dev/null
run dk plan export P1 --round r1 --format html; expect_rc 0
expect_out "<h1>Development plan: <bdi>Evil${RLO}gnp.exe</bdi></h1>"
run dk report summary --round r1 -k 3 --format html; expect_rc 0
! grep -q "$ESC\|$BEL" "$T/out" || fail "control characters in the summary"
sed -n '/<svg/,/<\/svg>/p' "$T/out" | sed 's/.*<svg/<svg/; s/<\/svg>.*/<\/svg>/' \
  | awk '/<svg/ { n++ } { print > ("'"$T"'/chart" n ".svg") }'
for f in "$T"/chart*.svg; do xmllint --noout "$f" || fail "a chart is not XML"; done

# a document (CSV, HTML, Markdown) shown on a terminal is escaped too; to a
# pipe or a file it stays as the data is
command -v script >/dev/null || fail "script (bsdutils) missing"
on_tty() { script -qec "$*" /dev/null > "$T/out" 2>&1; }
on_tty "'$DIGIKOMP' report needs --round r1 --by unit -k 3 --format csv"
raw_free "$T/out"; expect_out 'Org/Red\x1b[31m'
on_tty "'$DIGIKOMP' plan export P1 --round r1"
raw_free "$T/out"; expect_out 'Evil\u202Egnp.exe'
run dk report needs --round r1 --by unit -k 3 --format csv; expect_rc 0
grep -q "Org/Red${ESC}\[31m" "$T/out" || fail "the CSV to a pipe lost the data as it is"
