# Input that makes no sense is refused where it enters, with FILE:LINE (or
# the option) and what to write instead, and the store is left as it was;
# input written loosely but meaning one thing is read as that thing.
. "$TOP/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make deps installs it)"; exit 1; }
export DIGIKOMP_DB="$T/store.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
dk round open r1 --title R1 --framework small >/dev/null
H='person_id,name,unit,role,manager_id,gender'
dump() { sqlite3 "$DIGIKOMP_DB" .dump; }
# one_activity_xml FILE HOURS WHEN [ID]: a catalogue XML of one activity (X1)
# whose when (always-available or sessions) is on line 6
one_activity_xml() {
  printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<catalogue xmlns="urn:digikomp:catalogue:1" framework="small">' \
    "  <activity id=\"${4:-X1}\" kind=\"workshop\" format=\"digital\" hours=\"$2\" language=\"sv\">" \
    '    <title xml:lang="sv">T</title>' '    <develops competence="1.1" from="1" to="2"/>' \
    "    $3" '  </activity>' '</catalogue>' > "$1"
}
# refused EXIT MESSAGE CMD...: CMD exits EXIT, says MESSAGE, changes nothing
refused() {
  want=$1 msg=$2; shift 2
  dump > "$T/before"
  run "$@"
  expect_rc "$want"
  expect_err "$msg"
  dump > "$T/after"
  cmp -s "$T/before" "$T/after" || fail "the refused '$*' changed the store"
}

# ---- unit paths: spaces around the parts are dropped; empty, . and .. parts refused
printf "$H\nP1,A,\" Org / A \",employee,,\nP2,B,Org/A,employee,,\n" > "$T/spaces.csv"
run dk import roster "$T/spaces.csv"
expect_rc 0
[ "$(sqlite3 "$DIGIKOMP_DB" 'SELECT group_concat(path, "|") FROM (SELECT path FROM unit ORDER BY path)')" = "Org|Org/A" ] \
  || fail "' Org / A ' is not the unit Org/A: $(sqlite3 "$DIGIKOMP_DB" 'SELECT path FROM unit')"
n=2
for unit in .. Org/./A Org//A /Org Org/ " " "Org/ /A" Org/..; do
  n=$((n + 1))
  printf "$H\nP$n,C,\"$unit\",employee,,\n" > "$T/unit$n.csv"
  refused 3 "unit$n.csv:2: unit '$unit' is not a unit path" dk import roster "$T/unit$n.csv"
done
run dk report coverage --unit " Org / A "
expect_rc 0
refused 2 "--unit 'Org/../A' is not a unit path" dk report coverage --unit Org/../A
printf 'id,title_sv,title_en,kind,format,hours,language,develops,units\nA1,T,T,course,digital,2,sv,1.1:1..2,Org/./A\n' > "$T/cat-unit.csv"
refused 3 "cat-unit.csv:2: unit 'Org/./A' is not a unit path" dk catalogue import "$T/cat-unit.csv"

# ---- ids that begin with '-' would read as options: refused where they are made;
# "--" ends the options in every command, so an operand may begin with '-'
printf "$H\n-rf,Dash,Org,employee,,\n" > "$T/dash.csv"
refused 3 "dash.csv:2: person_id '-rf' begins with '-'" dk import roster "$T/dash.csv"
printf 'id,title_sv,title_en,kind,format,hours,language,develops\n-A,T,T,course,digital,2,sv,1.1:1..2\n' > "$T/cat-dash.csv"
refused 3 "cat-dash.csv:2: activity id '-A' begins with '-'" dk catalogue import "$T/cat-dash.csv"
refused 3 "round id '-r2' is empty or begins with '-'" dk round open --title T --framework small -- -r2
# the XML forms' ids too (their schemas' token): a framework, an activity
sed 's/id="small"/id="-small"/' "$TOP/tests/data/framework/small.xml" > "$T/dash-fw.xml"
refused 3 "dash-fw.xml:2: Element framework failed to validate attributes" dk framework validate "$T/dash-fw.xml"
one_activity_xml "$T/dash-cat.xml" 1 '<always-available/>' -X
refused 3 "dash-cat.xml:3: Element activity failed to validate attributes" dk catalogue import "$T/dash-cat.xml"
for cmd in "person export" "person erase --confirm" "plan show" "plan suggest" "plan create" "team" \
           "conversation" "assess"; do
  refused 3 "no such person: '-x'" dk $cmd -- -x
done
refused 3 "no such round: '-x'" dk round close -- -x
refused 3 "no such activity: '-x'" dk catalogue show -- -x
refused 3 "no such person: '-x'" dk rate --self -- -x 1.1 2
refused 3 "no such person: '-x'" dk attend --date 2026-01-01 --hours 1 -- -x A1
run dk person export -- P1
expect_rc 0
expect_out '"P1"'

# ---- hours: decimal, 0 to 1000, at most two decimals; the same rule in the
# catalogue (both forms), participation and attend
C='id,title_sv,title_en,kind,format,hours,language,develops'
printf "$C\nA1,T,T,course,digital,2,sv,1.1:1..2\nA2,T,T,course,digital,\"2,25\",sv,1.1:1..2\nA3,T,T,course,digital,1000,sv,1.1:1..2\n" > "$T/cat.csv"
run dk catalogue import "$T/cat.csv"
expect_rc 0
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT group_concat(hours, ' ') FROM (SELECT hours FROM activity ORDER BY id)")" = "2.0 2.25 1000.0" ] \
  || fail "catalogue hours: $(sqlite3 "$DIGIKOMP_DB" 'SELECT id, hours FROM activity')"
n=0
for h in 0x10 1e-320 NaN -5 1e308 inf 1.234 1000.01 1001 " 2" 2. .5 ""; do
  n=$((n + 1))
  printf "$C\nB$n,T,T,course,digital,$h,sv,1.1:1..2\n" > "$T/hours$n.csv"
  refused 3 "hours$n.csv:2: hours '$h' is not a number from 0 to 1000 with at most two decimals" \
    dk catalogue import "$T/hours$n.csv"
  printf 'person_id,activity_id,date,hours,status\nP1,A1,2026-03-01,%s,completed\n' "$h" > "$T/part$n.csv"
  refused 3 "part$n.csv:2: hours '$h' is not a number from 0 to 1000 with at most two decimals" \
    dk import participation "$T/part$n.csv"
  refused 2 "--hours: hours '$h' is not a number from 0 to 1000" dk attend P1 A1 --date 2026-03-01 --hours "$h"
done
one_activity_xml "$T/hours.xml" 0x10 '<always-available/>'
refused 3 "hours.xml:3: hours '0x10' is not a number" dk catalogue import "$T/hours.xml"
run dk attend P1 A1 --date 2026-03-01 --hours 1,5
expect_rc 0
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT hours FROM participation")" = "1.5" ] || fail "attend --hours 1,5 was not 1.5 hours"

# ---- dates are real dates and ranges run forward
S='id,title_sv,title_en,kind,format,hours,language,develops,sessions'
printf "$S\nS1,T,T,course,on-site,2,sv,1.1:1..2,2027-03-01T13:00/2027-03-01T09:00@Hall\n" > "$T/backwards.csv"
refused 3 "backwards.csv:2: session '2027-03-01T13:00/2027-03-01T09:00' does not end after it starts" \
  dk catalogue import "$T/backwards.csv"
printf "$S\nS1,T,T,course,on-site,2,sv,1.1:1..2,2027-03-01T09:00/2027-03-01T09:00@Hall\n" > "$T/nolength.csv"
refused 3 "nolength.csv:2: session '2027-03-01T09:00/2027-03-01T09:00' does not end after it starts" \
  dk catalogue import "$T/nolength.csv"
printf "$S\nS1,T,T,course,on-site,2,sv,1.1:1..2,2027-02-30T09:00/2027-03-01T09:00@Hall\n" > "$T/feb30.csv"
refused 3 "feb30.csv:2: session '2027-02-30T09:00/2027-03-01T09:00@Hall' is not START/END@PLACE" \
  dk catalogue import "$T/feb30.csv"
one_activity_xml "$T/backwards.xml" 1 '<session start="2027-10-13T13:00" end="2027-10-13T09:00" place="Hall"/>'
refused 3 "backwards.xml:6: session '2027-10-13T13:00/2027-10-13T09:00' does not end after it starts" \
  dk catalogue import "$T/backwards.xml"
printf "$S\nS1,T,T,course,on-site,2,sv,1.1:1..2,2027-03-01/2027-03-01@Hall|2027-03-02T09:00/2027-03-03T12:00\n" > "$T/days.csv"
run dk catalogue import "$T/days.csv"
expect_rc 0

printf "person_id,name,unit,role,active_from,active_to\nP9,N,Org,employee,2026-05-01,2026-04-30\n" > "$T/active.csv"
refused 3 "active.csv:2: active_to 2026-04-30 is before active_from 2026-05-01" dk import roster "$T/active.csv"
printf "person_id,name,unit,role,active_from,active_to\nP9,N,Org,employee,2026-05-01,2026-05-01\n" > "$T/oneday.csv"
run dk import roster "$T/oneday.csv"
expect_rc 0

refused 2 "--from '2026-02-30' is not a date YYYY-MM-DD" dk report participation --from 2026-02-30 --to banana
refused 2 "--to 'banana' is not a date YYYY-MM-DD" dk report participation --from 2026-02-01 --to banana
refused 2 "the period runs backwards: --from 2026-03-01 is after --to 2026-02-01" \
  dk report participation --from 2026-03-01 --to 2026-02-01
refused 2 "the period runs backwards" dk report summary --from 2026-03-01 --to 2026-02-01
# a period is a calendar year or a half of one (docs/metrics.md): no two reports
# may differ by a day, or by a month
refused 2 "--from: the period must start on 2026-01-01 or 2026-07-01, not 2026-03-01: a report covers a calendar year or a half of one" \
  dk report participation --from 2026-03-01 --to 2026-03-31
refused 2 "--to: the period must end on 2026-06-30 or 2026-12-31, not 2026-06-29" \
  dk report participation --from 2026-01-01 --to 2026-06-29
refused 2 "--to: the period must end on 2026-12-31, not 2026-09-30" \
  dk report summary --round r1 --from 2026-07-01 --to 2026-09-30
refused 2 "--to: the period must end on 2026-06-30 or 2026-12-31, not 2027-12-31" \
  dk report participation --from 2026-01-01 --to 2027-12-31
refused 2 "--to: the period needs its first and its last day, or neither for all the participation recorded" \
  dk report participation --from 2026-01-01
refused 2 "--from: the period needs its first and its last day" dk report participation --to 2026-12-31
for period in "2026-01-01 --to 2026-06-30" "2026-07-01 --to 2026-12-31" "2026-01-01 --to 2026-12-31"; do
  run dk report participation --from $period
  expect_rc 0
done

# ---- XML: the parser's work is bounded, not only the file's size.  libxml2
# checks an element's attributes for duplicates in quadratic time (100 000
# attributes took 106 s): refused at once, or timeout fails the test
command -v timeout >/dev/null || { echo "timeout (coreutils) missing"; exit 1; }
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<catalogue xmlns=\"urn:digikomp:catalogue:1\"\n  framework=\"small\"";
             for (i = 0; i < 100000; i++) printf " a%d=\"1\"", i; print "/>" }' > "$T/attrs.xml"
refused 3 "attrs.xml:2: an element has more than 64 attributes" timeout 10 "$DIGIKOMP" catalogue import "$T/attrs.xml"
refused 3 "attrs.xml:2: an element has more than 64 attributes" timeout 10 "$DIGIKOMP" framework validate "$T/attrs.xml"
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<catalogue xmlns=\"urn:digikomp:catalogue:1\"";
             for (i = 0; i < 100000; i++) printf " xmlns:n%d=\"urn:n%d\"", i, i; print " framework=\"small\"/>" }' > "$T/ns.xml"
refused 3 "ns.xml:2: an element has more than 64 attributes" timeout 10 "$DIGIKOMP" catalogue import "$T/ns.xml"
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<catalogue xmlns=\"urn:digikomp:catalogue:1\" framework=\"small\">\n";
             for (i = 0; i < 300000; i++) printf "<theme/>"; print "</catalogue>" }' > "$T/elements.xml"
refused 3 "elements.xml:3: the document has more than 200000 elements" timeout 10 "$DIGIKOMP" catalogue import "$T/elements.xml"
# what looks like an attribute inside a comment, CDATA or a quoted value is not one
awk 'BEGIN { printf "<?xml version=\"1.0\"?>\n<!--"; for (i = 0; i < 100; i++) printf " a%d=\"1\"", i; print "-->";
             printf "<catalogue xmlns=\"urn:digikomp:catalogue:1\" framework=\"small\" xmlns:x=\"";
             for (i = 0; i < 100; i++) printf "a=b"; print "\"/>" }' > "$T/looks.xml"
run dk catalogue import "$T/looks.xml"
expect_no_err "attributes"

# ---- CSV in Windows-1252 (Excel's "CSV (semikolonavgränsad)"): refused as UTF-8
# with the option named; read with --encoding windows-1252 in every CSV import
to1252() { iconv -f UTF-8 -t WINDOWS-1252 > "$1"; }
printf 'personid;namn;enhet;roll;kön\nW1;Åsa Öberg;Förvaltning/Ö;employee;F\nW2;Zoë “Z” Smith;Förvaltning/Ö;employee;X\n' | to1252 "$T/w.csv"
refused 3 "w.csv:1: not valid UTF-8 text; a file that Excel saved as \"CSV (semikolonavgränsad)\" is Windows-1252: import it with --encoding windows-1252" \
  dk import roster "$T/w.csv"
run dk import roster --encoding windows-1252 "$T/w.csv"
expect_rc 0
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT p.name || '|' || u.path FROM person p JOIN unit u ON u.id = p.unit_id WHERE ext_id = 'W1'")" = "Åsa Öberg|Förvaltning/Ö" ] \
  || fail "the Windows-1252 roster was not read as Åsa Öberg in Förvaltning/Ö"
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT name FROM person WHERE ext_id = 'W2'")" = "Zoë “Z” Smith" ] \
  || fail "Windows-1252's 0x93/0x94 quotes were not read as “ ”"
printf 'person_id,name,unit,role\nW3,A\201,Org,employee\n' > "$T/undefined.csv"
refused 3 "undefined.csv:2: byte 0x81 is not a character of Windows-1252" dk import roster --encoding windows-1252 "$T/undefined.csv"
refused 2 "--encoding must be utf-8 or windows-1252, not 'latin9'" dk import roster --encoding latin9 "$T/w.csv"
printf 'person_id;round;competence;self;comment\nW1;r1;1.1;2;Läser på\n' | to1252 "$T/wr.csv"
refused 3 "--encoding windows-1252" dk import ratings "$T/wr.csv"
run dk import ratings --encoding windows-1252 "$T/wr.csv"
expect_rc 0
printf "$C\nÖ1,Övning,Exercise,course,digital,1,sv,1.1:1..2\n" | to1252 "$T/wc.csv"
refused 3 "--encoding windows-1252" dk catalogue import "$T/wc.csv"
run dk catalogue import --encoding windows-1252 "$T/wc.csv"
expect_rc 0
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT title_sv FROM activity WHERE id = 'Ö1'")" = "Övning" ] || fail "the catalogue title was not Övning"
refused 3 "is XML, which names its own encoding" dk catalogue import --encoding windows-1252 "$T/looks.xml"
printf 'personid;aktivitet;datum;timmar;status\nW1;Ö1;2026-03-02;1,5;completed\n' | to1252 "$T/wp.csv"
refused 3 "--encoding windows-1252" dk import participation "$T/wp.csv"
run dk import participation --encoding windows-1252 "$T/wp.csv"
expect_rc 0

# ---- a conversation is held between the round's opening and today (the
# context's clock), and only after the self-rating is shared
dk rate --self P1 1.1 2 >/dev/null && dk assess P1 --share >/dev/null
opened=$(sqlite3 "$DIGIKOMP_DB" "SELECT substr(opened_at, 1, 10) FROM round WHERE code = 'r1'")
refused 3 "the conversation cannot have been held on 1999-01-01: round r1 opened on $opened" \
  dk conversation P1 --held 1999-01-01
refused 3 "the conversation cannot have been held on 2999-01-01" dk conversation P1 --held 2999-01-01
refused 3 "and today is 2000-01-01" env DIGIKOMP_NOW=2000-01-01 "$DIGIKOMP" conversation P1 --held "$opened"
refused 3 "'2026-02-30' is not a date" dk conversation P1 --held 2026-02-30
run dk conversation P1 --held "$opened"
expect_rc 0
