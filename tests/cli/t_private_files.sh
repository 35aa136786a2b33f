# Files digikomp writes hold personal data (a person's data, plans,
# conversation sheets, a team): a file it creates is 0600 whatever the
# umask; a file it writes over keeps its mode.  Only init creates a store:
# any other command refuses an empty file or another program's SQLite file
# and leaves it as it was.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
small_store
umask 022
mode() { stat -c %a "$1"; }

dk person export P2 --output "$T/p2.json" || fail "person export"
[ "$(mode "$T/p2.json")" = 600 ] || fail "person export made $(mode "$T/p2.json")"
dk conversation P2 --format html --output "$T/sheet.html" || fail "conversation sheet"
[ "$(mode "$T/sheet.html")" = 600 ] || fail "the conversation sheet is $(mode "$T/sheet.html")"
dk team P1 --format csv --output "$T/team.csv" || fail "team"
[ "$(mode "$T/team.csv")" = 600 ] || fail "the team view is $(mode "$T/team.csv")"
dk report needs --format xlsx --output "$T/needs.xlsx" || fail "report xlsx"
[ "$(mode "$T/needs.xlsx")" = 600 ] || fail "the xlsx report is $(mode "$T/needs.xlsx")"
dk catalogue import "$TOP/tests/data/plan/catalogue.csv" >/dev/null
dk plan create P2 >/dev/null || fail "plan create"
dk plan export P2 --output "$T/p2.md" || fail "plan export"
[ "$(mode "$T/p2.md")" = 600 ] || fail "plan export made $(mode "$T/p2.md")"
dk plan export P2 --format pdf --output "$T/p2.pdf" || fail "plan export pdf"
[ "$(mode "$T/p2.pdf")" = 600 ] || fail "plan export pdf made $(mode "$T/p2.pdf")"
dk plan export --unit Org --output "$T/plans/" >/dev/null || fail "plan export --unit"
for f in "$T"/plans/*; do [ "$(mode "$f")" = 600 ] || fail "$f is $(mode "$f")"; done
[ "$(mode "$T/plans")" = 700 ] || fail "the plans' directory is $(mode "$T/plans")"

# written over: the mode stays (0600 stays 0600, a 0640 the user chose stays 0640)
dk person export P2 --output "$T/p2.json" && [ "$(mode "$T/p2.json")" = 600 ] || fail "0600 written over"
chmod 640 "$T/p2.json"
dk person export P2 --output "$T/p2.json" && [ "$(mode "$T/p2.json")" = 640 ] || fail "0640 written over became $(mode "$T/p2.json")"

# only init creates a store
: > "$T/empty.db"
run dk report needs --db "$T/empty.db"; expect_rc 1
expect_err "is not a digikomp store"
[ ! -s "$T/empty.db" ] && [ "$(mode "$T/empty.db")" = 644 ] || fail "the empty file was changed"
[ ! -e "$T/empty.db-wal" ] || fail "a -wal file appeared"
sqlite3 "$T/other.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
cp "$T/other.db" "$T/other-before.db"
run dk report needs --db "$T/other.db"; expect_rc 1; expect_err "is not a digikomp store"
run dk init --db "$T/other.db" --framework "$TOP/tests/data/framework/small.xml"; expect_rc 1; expect_err "is not a digikomp store"
cmp -s "$T/other.db" "$T/other-before.db" || fail "another program's store was changed"
# init on an empty file makes it a store
run dk init --db "$T/empty.db" --framework "$TOP/tests/data/framework/small.xml"; expect_rc 0
[ "$(sqlite3 "$T/empty.db" "PRAGMA user_version")" = "$(latest_schema)" ] || fail "init did not make the empty file a store"
