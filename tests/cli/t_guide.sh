# Every command of docs/guide.md runs as written: the guide's ```sh blocks,
# in order, in a scratch dir holding the source tree's examples/ and
# frameworks/, with the binary under test as `digikomp` on PATH.  The first
# command that fails stops the test with its line in the guide.
. "$TOP/tests/cli/lib.sh"
cd "$T"
ln -s "$TOP/examples" "$TOP/frameworks" .
mkdir bin && ln -s "$DIGIKOMP" bin/digikomp
export PATH="$T/bin:$PATH"
unset DIGIKOMP_DB

# one command per line, each prefixed by its line number in the guide
awk '/^```sh$/ { on = 1; next } /^```/ { on = 0 } on && NF { print NR "\t" $0 }' \
  "$TOP/docs/guide.md" > commands
[ "$(wc -l < commands)" -ge 40 ] || { echo "FAILED: only $(wc -l < commands) commands found"; exit 1; }
while IFS="$(printf '\t')" read -r line cmd; do
  echo "guide.md:$line: $cmd"
  # export lines must reach the later commands, so everything runs in this shell
  eval "$cmd" </dev/null >out 2>err || { echo "FAILED: guide.md:$line exited $?"; cat out err; exit 1; }
done < commands

# what the commands were there to make
for f in asa-plan.html asa-plan.pdf summary.html summary.xlsx summary.pdf asa.json kultur.db; do
  [ -s "$f" ] || { echo "FAILED: the guide made no $f"; exit 1; }
done
# and the pictures it shows exist
pngs=$(grep -o 'images/[a-z-]*\.png' "$TOP/docs/guide.md")
[ -n "$pngs" ] || { echo "FAILED: the guide shows no pictures"; exit 1; }
for png in $pngs; do
  [ -s "$TOP/docs/$png" ] || { echo "FAILED: docs/$png missing"; exit 1; }
done
