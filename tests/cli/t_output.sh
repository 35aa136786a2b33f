# --output to something other than a regular file writes into it: a device
# stays a device, a FIFO's reader gets the report, /dev/stdout is the
# standard output, a symlink stays a symlink and its target gets the report;
# a regular file is still replaced whole (no temporary file left beside it).
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
small_store
dk report needs --format csv > "$T/expected" || fail "report needs"

# a null device of the test's own (as root), so that a failing test cannot
# take /dev/null away from the machine
if mknod "$T/null" c 1 3 2>/dev/null; then
  run dk report needs --format csv --output "$T/null"; expect_rc 0
  [ -c "$T/null" ] || fail "the device is no longer a character device"
fi

mkfifo "$T/fifo"
cat "$T/fifo" > "$T/from-fifo" & reader=$!
run dk report needs --format csv --output "$T/fifo"; expect_rc 0
wait $reader
[ -p "$T/fifo" ] || fail "the FIFO was replaced"
cmp -s "$T/from-fifo" "$T/expected" || fail "the FIFO's reader did not get the report"

dk report needs --format csv --output /dev/stdout > "$T/from-stdout" || fail "--output /dev/stdout"
cmp -s "$T/from-stdout" "$T/expected" || fail "/dev/stdout did not get the report"

mkdir "$T/real"
echo old > "$T/real/needs.csv"
ln -s real/needs.csv "$T/link.csv"
run dk report needs --format csv --output "$T/link.csv"; expect_rc 0
[ -L "$T/link.csv" ] || fail "the symlink was replaced by a file"
cmp -s "$T/real/needs.csv" "$T/expected" || fail "the symlink's target did not get the report"
# a dangling symlink: its target is created
ln -s real/new.csv "$T/dangling.csv"
run dk report needs --format csv --output "$T/dangling.csv"; expect_rc 0
[ -L "$T/dangling.csv" ] && cmp -s "$T/real/new.csv" "$T/expected" || fail "a dangling symlink's target was not created"

run dk report needs --format csv --output "$T/plain.csv"; expect_rc 0
cmp -s "$T/plain.csv" "$T/expected" || fail "a regular file did not get the report"
[ "$(ls "$T" | grep -c 'plain.csv.')" = 0 ] || fail "a temporary file was left"
