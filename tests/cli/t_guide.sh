# Every command of docs/guide.md runs as written: the guide's ```sh blocks,
# in order, in a scratch dir holding the source tree's examples/ and
# frameworks/, with the binary under test as `digikomp` on PATH.  The first
# command that fails stops the test with its line in the guide.  What the
# guide shows a command print (the indented lines right after its block)
# must be in what the last command of the block printed; the files the
# guide makes must be ones git ignores, since it runs in the source tree.
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
  eval "$cmd" </dev/null >"out.$line" 2>err || { echo "FAILED: guide.md:$line exited $?"; cat "out.$line" err; exit 1; }
done < commands

# the printed lines the guide shows, each with the line of the command that
# printed it: spaces squeezed (a table's widths depend on all its rows), a
# trailing "..." (columns left out) dropped, a line of "..." skipped
squeeze() { tr -s ' ' | sed 's/^ //; s/ $//'; }
awk '/^```sh$/ { on = 1; next }
     on && /^```/ { on = 0; shown = last; next }
     on && NF { last = NR; next }
     on { next }
     /^    / && shown { sub(/^    /, ""); sub(/ *\.\.\.$/, ""); if ($0 != "") print shown "\t" $0; next }
     NF { shown = 0 }' "$TOP/docs/guide.md" > shown
[ "$(wc -l < shown)" -ge 8 ] || { echo "FAILED: only $(wc -l < shown) printed lines found in the guide"; exit 1; }
while IFS="$(printf '\t')" read -r line text; do
  want=$(printf '%s\n' "$text" | squeeze)
  squeeze < "out.$line" | grep -qF -- "$want" \
    || { echo "FAILED: guide.md shows the command of line $line printing: $text"; echo "--- it printed"; cat "out.$line"; exit 1; }
done < shown

# every file the commands made is one git ignores in the source tree
if git -C "$TOP" rev-parse --git-dir >/dev/null 2>&1; then
  for f in $(ls -A | grep -v -e '^commands$' -e '^shown$' -e '^out\.' -e '^err$' -e '^bin$' -e '^examples$' -e '^frameworks$' -e '^\.'); do
    git -C "$TOP" check-ignore -q --no-index "$f" \
      || { echo "FAILED: the guide makes $f in the source tree, which git does not ignore"; exit 1; }
  done
fi

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

# the docs stand on their own: none cites the design notes that are not in the tree
cited=$(cd "$TOP" && grep -lE 'shared/|DESIGN\.md|DOMAIN\.md' README.md docs/*.md docs/*.in examples/README.md 2>/dev/null)
[ -z "$cited" ] || { echo "FAILED: these cite files outside the repository: $cited"; exit 1; }
