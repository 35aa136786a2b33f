# Every file digikomp writes is whole or absent: it goes to a temporary file
# beside the target and is renamed over it (core/atomic-file.h).  A good
# export leaves exactly the target; a failed one (the target a directory, a
# file-size limit mid-write) exits 1 with a clear error, leaves no temporary
# file, and an earlier file under the same name is untouched.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/store.db"
small_store
dk plan create P2 --round r1 >/dev/null || fail "plan create"

# each kind of export, by its options; the output file name is appended
exports() {
  cat <<'LIST'
report.csv|report needs --round r1 --format csv --min-group 3
report.json|report needs --round r1 --format json --min-group 3
report.html|report summary --round r1 --format html --min-group 3
report.xlsx|report summary --round r1 --format xlsx --min-group 3
report.txt|report needs --round r1 --min-group 3
team.csv|team P1 --round r1 --format csv
conversation.csv|conversation P2 --round r1 --format csv
plan.md|plan export P2 --round r1 --format md
plan.html|plan export P2 --round r1 --format html
plan.pdf|plan export P2 --round r1 --format pdf
plan.ics|plan export P2 --round r1 --format ics
plan.json|plan export P2 --round r1 --format json
person.json|person export P2
LIST
}
mkdir "$T/exp"
exports | while IFS='|' read -r name args; do
  # a good export: exactly the target, nothing beside it
  rm -rf "$T/exp"; mkdir "$T/exp"
  # shellcheck disable=SC2086
  run dk $args --output "$T/exp/$name"; expect_rc 0
  [ -s "$T/exp/$name" ] || fail "$name: no file"
  [ "$(ls -A "$T/exp")" = "$name" ] || fail "$name: more than the target: $(ls -A "$T/exp")"

  # the target is a directory: the rename fails, the temporary file goes
  rm -rf "$T/exp"; mkdir -p "$T/exp/$name"
  run dk $args --output "$T/exp/$name"; expect_rc 1
  expect_err "cannot write $T/exp/$name"
  [ "$(ls -A "$T/exp")" = "$name" ] || fail "$name: left beside a directory: $(ls -A "$T/exp")"

done

# A 32 KiB file-size limit (SIGXFSZ ignored: write() fails with EFBIG, as on
# a full disk), with reports on 2 000 units made larger than that (the
# store's own index file takes 32 KiB): the earlier file stays as it was and
# no temporary file is left.
export DIGIKOMP_DB="$T/big.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
awk 'BEGIN { print "person_id,name,unit,role,manager_id,gender";
             for (i = 1; i <= 2000; i++) printf "P%d,Person %d,Org/Unit number %d,employee,,\n", i, i, i }' > "$T/big.csv"
dk import roster "$T/big.csv" >/dev/null
dk round open r1 --title R1 --framework small >/dev/null
for f in csv json html table; do
  name=big.$f
  rm -rf "$T/exp"; mkdir "$T/exp"; echo earlier > "$T/exp/$name"
  rc=0
  (trap '' XFSZ; ulimit -f 64; exec "$DIGIKOMP" report needs --round r1 --by unit --format "$f" \
     --output "$T/exp/$name") >"$T/out" 2>"$T/err" || rc=$?
  expect_rc 1
  expect_err "cannot write $T/exp/$name: File too large"
  [ "$(cat "$T/exp/$name")" = earlier ] || fail "$name: a failed export changed the earlier file"
  [ "$(ls -A "$T/exp")" = "$name" ] || fail "$name: left after a failed write: $(ls -A "$T/exp")"
done
# and without the limit the same report is larger than it
run dk report needs --round r1 --by unit --format csv --output "$T/exp/big.csv"; expect_rc 0
[ "$(wc -c < "$T/exp/big.csv")" -gt 32768 ] || fail "the report fits the limit: the test proves nothing"
