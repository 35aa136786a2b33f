# Re-importing a ratings file keeps what was changed by hand since: a
# manager's adjustment, a self-rating, a motivation and a held conversation
# set with `rate` or `conversation` stay, each kept value is reported as
# FILE:LINE and counted; --overwrite replaces them (and the import's audit
# says so); a value the file does not change is not reported.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
small_store
f="$TOP/tests/data/import/ratings.csv"
lv() { sqlite3 "$DIGIKOMP_DB" "SELECT hex(levels) || ' ' || coalesce(conversation_at, '-') FROM assessment a JOIN person p ON p.id = a.person_id WHERE p.ext_id = '$1'"; }

DIGIKOMP_USER=P1 dk rate --manager P2 1.1 1 --reason "Lägre i samtalet" --by P1 >/dev/null || fail "rate --manager"
DIGIKOMP_USER=P2 dk rate --self P2 1.2 2 >/dev/null || fail "rate --self"
DIGIKOMP_USER=P3 dk rate --motivation P3 1.1 2 >/dev/null || fail "rate --motivation"
# held today: a held date lies between the round's opening (today) and today
today=$(date +%F)
DIGIKOMP_USER=P1 dk conversation P2 --held "$today" >/dev/null || fail "conversation"
p2=$(lv P2); p3=$(lv P3)

run dk import ratings "$f" --round r1; expect_rc 0
expect_out "$f:2: kept the manager's level 1 set on $today by P1"
expect_out "$f:3: kept the self-rating 2 set on $today by P2"
expect_out "$f:4: kept the motivation 2 set on $today by P3"
expect_out "$f:2: kept the conversation held on $today set on $today by P1"
expect_out "4 kept"
[ "$(lv P2)" = "$p2" ] || fail "the import reverted P2's changes: $(lv P2), was $p2"
[ "$(lv P3)" = "$p3" ] || fail "the import reverted P3's motivation"
run dk conversation P2; expect_rc 0; expect_out "Lägre i samtalet"

# once more: still kept (the import did not take the values over)
run dk import ratings "$f" --round r1; expect_rc 0
expect_out "kept the manager's level 1"; expect_out "4 kept"
[ "$(lv P2)" = "$p2" ] || fail "a second import reverted P2's changes"

# a file that agrees with the hand-set value reports nothing for it
sed 's/^P2,r1,1.1,2,3,/P2,r1,1.1,2,1,/; s/Visade mer i samtalet/Lägre i samtalet/' "$f" > "$T/agree.csv"
run dk import ratings "$T/agree.csv" --round r1; expect_rc 0
expect_no_out "kept the manager's level"; expect_out "3 kept"

# --overwrite: the file wins, audited as the import's change
run dk import ratings "$f" --round r1 --overwrite; expect_rc 0
expect_no_out "kept"
[ "$(lv P2)" != "$p2" ] || fail "--overwrite kept P2's values"
run dk conversation P2; expect_rc 0; expect_out "Visade mer i samtalet"
run dk audit P2 --format csv; expect_rc 0; expect_out "rating,r1,import,"
# and after it the file's values are the import's: nothing is kept any more
run dk import ratings "$f" --round r1; expect_rc 0
expect_no_out "kept"; expect_out "0 updated"
