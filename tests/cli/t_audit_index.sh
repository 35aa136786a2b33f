# Migration 11 gives the audit log the indexes its filters need (actor,
# kind, time): a store of schema 10 is upgraded when it is opened, keeps
# every audit row as it was, and a filter by actor or kind then reads its
# own rows through an index, in id order, rather than the whole log.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
small_store
DIGIKOMP_USER=alice dk rate --self P2 1.1 2 >/dev/null || fail "rate"
run dk audit P2 --format csv; expect_rc 0
cp "$T/out" "$T/audit-new"

# the same store as the previous version left it
sqlite3 "$DIGIKOMP_DB" "DROP INDEX audit_actor; DROP INDEX audit_entity; DROP INDEX audit_at;
  PRAGMA user_version = 10;" || fail "cannot make the schema 10 store"
rows=$(sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM audit")
run dk audit P2 --format csv; expect_rc 0
[ "$(sqlite3 "$DIGIKOMP_DB" 'PRAGMA user_version')" = "$(latest_schema)" ] || fail "the store was not upgraded"
cmp -s "$T/audit-new" "$T/out" || fail "audit P2 differs after the upgrade: $(diff "$T/audit-new" "$T/out")"
[ "$(sqlite3 "$DIGIKOMP_DB" "SELECT count(*) FROM audit")" = "$rows" ] || fail "the upgrade changed the audit rows"
for q in "actor = 'alice'" "entity = 'rating'" "at >= '2026-01-01' AND at < '2026-02-01'"; do
  plan=$(sqlite3 "$DIGIKOMP_DB" "EXPLAIN QUERY PLAN SELECT id FROM audit WHERE $q ORDER BY id DESC LIMIT 51")
  case $plan in *"INDEX audit_"*) ;; *) fail "WHERE $q reads the whole log: $plan" ;; esac
done

# a schema 10 store that cannot take the index (a name already in use) is left as it was
sqlite3 "$DIGIKOMP_DB" "DROP INDEX audit_actor; DROP INDEX audit_entity; DROP INDEX audit_at;
  CREATE TABLE audit_at (x); PRAGMA user_version = 10;"
run dk audit P2; expect_rc 1; expect_err "there is already a table named audit_at"
[ "$(sqlite3 "$DIGIKOMP_DB" 'PRAGMA user_version')" = 10 ] || fail "a failed upgrade changed the version"
[ -z "$(sqlite3 "$DIGIKOMP_DB" "SELECT name FROM sqlite_master WHERE name IN ('audit_actor', 'audit_entity')")" ] \
  || fail "a failed upgrade left part of its indexes"
