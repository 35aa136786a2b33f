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
printf 'id,title_sv,title_en,kind,format,hours,language,develops,units\nA1,T,T,course,digital,2,sv,1.1:1-2,Org/./A\n' > "$T/cat-unit.csv"
refused 3 "cat-unit.csv:2: unit 'Org/./A' is not a unit path" dk catalogue import "$T/cat-unit.csv"

# ---- ids that begin with '-' would read as options: refused where they are made;
# "--" ends the options in every command, so an operand may begin with '-'
printf "$H\n-rf,Dash,Org,employee,,\n" > "$T/dash.csv"
refused 3 "dash.csv:2: person_id '-rf' begins with '-'" dk import roster "$T/dash.csv"
printf 'id,title_sv,title_en,kind,format,hours,language,develops\n-A,T,T,course,digital,2,sv,1.1:1-2\n' > "$T/cat-dash.csv"
refused 3 "cat-dash.csv:2: activity id '-A' begins with '-'" dk catalogue import "$T/cat-dash.csv"
refused 3 "round id '-r2' is empty or begins with '-'" dk round open --title T --framework small -- -r2
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
