# Migration 12 gives a round's suppression pattern indexes for what it reads
# besides the round: a round's people (the panels with the other rounds) and
# the active people's managers (the teams).  A store of schema 11 is
# upgraded when it is opened, its reports stay the same byte for byte, and
# both reads then come from their index alone, not the tables' rows.
. "$TOP/tests/cli/lib.sh"
gen_store 400 3
dk round open r1 --title R1 --framework kommun-digcomp-12 >/dev/null
dk import ratings "$T/g/ratings-r1.csv" --round r1 >/dev/null
dk round close r1 >/dev/null
dk round open r2 --title R2 --framework kommun-digcomp-12 >/dev/null
dk import ratings "$T/g/ratings-r2.csv" --round r2 >/dev/null
reports() {  # writes every report below into $1.N
  i=0
  for args in "needs --by unit,area --round r2" "needs --by gender,area --round r1" \
              "needs --by unit,area --round r2 --compare r1" "needs --by unit --round r2 --compare r1 --panel" \
              "summary --round r2 --compare r1" "response --by unit --round r2"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    run dk report $args --min-group 3 --format csv; expect_rc 0
    cp "$T/out" "$1.$i"
  done
}
reports "$T/new"
grep -q '[0-9]' "$T/new.1" || fail "the report has no figures"
grep -q '–' "$T/new.1" || fail "the report hides no figure: it tests no suppression"

# the same store as the previous version left it
sqlite3 "$DIGIKOMP_DB" "DROP INDEX assessment_people; DROP INDEX person_team; PRAGMA user_version = 11;" \
  || fail "cannot make the schema 11 store"
reports "$T/old"
[ "$(sqlite3 "$DIGIKOMP_DB" 'PRAGMA user_version')" = "$(latest_schema)" ] || fail "the store was not upgraded"
for i in 1 2 3 4 5 6; do
  cmp -s "$T/new.$i" "$T/old.$i" || fail "report $i differs after the upgrade: $(diff "$T/new.$i" "$T/old.$i")"
done
plan=$(sqlite3 "$DIGIKOMP_DB" "EXPLAIN QUERY PLAN SELECT person_id FROM assessment WHERE round_id = 1 ORDER BY person_id")
case $plan in *"COVERING INDEX assessment_people"*) ;; *) fail "a round's people are read from its rows: $plan" ;; esac
plan=$(sqlite3 "$DIGIKOMP_DB" "EXPLAIN QUERY PLAN SELECT id, manager_id FROM person WHERE manager_id IS NOT NULL AND active ORDER BY id")
case $plan in *"COVERING INDEX person_team"*) ;; *) fail "the managers are read from the people's rows: $plan" ;; esac

# the index holds only the active people with a manager: one who leaves drops out of the teams
sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM person WHERE manager_id IS NOT NULL AND active" > "$T/count-table"
sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM person INDEXED BY person_team WHERE manager_id IS NOT NULL AND active" > "$T/count-index"
cmp -s "$T/count-table" "$T/count-index" || fail "the index and the table disagree on the managed people"

# a schema 11 store that cannot take the index (a name already in use) is left as it was
sqlite3 "$DIGIKOMP_DB" "DROP INDEX assessment_people; DROP INDEX person_team;
  CREATE TABLE person_team (x); PRAGMA user_version = 11;"
run dk report needs --round r2; expect_rc 1; expect_err "there is already a table named person_team"
[ "$(sqlite3 "$DIGIKOMP_DB" 'PRAGMA user_version')" = 11 ] || fail "a failed upgrade changed the version"
[ -z "$(sqlite3 "$DIGIKOMP_DB" "SELECT name FROM sqlite_master WHERE name = 'assessment_people'")" ] \
  || fail "a failed upgrade left part of its indexes"
