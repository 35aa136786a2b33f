# plan export --unit writes one file per person whose name is the person's id
# escaped one-to-one: ids that differ give files that differ (a/b, a_b, a\b,
# .x), none leaves the directory, and the count said is the files written.
. "$TOP/tests/cli/lib.sh"
export DIGIKOMP_DB="$T/dk.db"
dk init --framework "$TOP/tests/data/framework/small.xml" >/dev/null
printf 'person_id,name,email,unit,role,manager_id,gender\n' > "$T/roster.csv"
for id in 'a/b' 'a_b' 'a\b' '.x' '..' 'a%2Fb'; do
  printf '"%s",Person %s,,Org/X,employee,,F\n' "$id" "$id" >> "$T/roster.csv"
done
dk import roster "$T/roster.csv" >/dev/null || fail "roster"
dk round open r1 --title R1 --framework small >/dev/null
dk catalogue import "$TOP/tests/data/plan/catalogue.csv" >/dev/null || fail "catalogue"
for id in 'a/b' 'a_b' 'a\b' '.x' '..' 'a%2Fb'; do
  dk rate --self "$id" 1.1 1 >/dev/null && dk assess "$id" --share >/dev/null || fail "rating $id"
done
dk plan suggest --all >/dev/null || fail "plan suggest --all"
run dk plan export --unit Org/X --output "$T/plans/"; expect_rc 0
expect_out "6 plans written"
[ "$(ls -A "$T/plans" | wc -l)" = 6 ] || fail "6 plans said, $(ls -A "$T/plans" | wc -l) files: $(ls -A "$T/plans")"
[ "$(ls -A "$T" | grep -c '\.md$')" = 0 ] || fail "a plan left the directory"
# each person's plan is in a file, a/b in a%2Fb.md and a%2Fb in a%252Fb.md
[ -f "$T/plans/a%2Fb.md" ] && [ -f "$T/plans/a%252Fb.md" ] && [ -f "$T/plans/a_b.md" ] || fail "names: $(ls -A "$T/plans")"
for id in 'a/b' 'a_b' 'a\b' '.x' '..' 'a%2Fb'; do
  grep -lF "Person $id" "$T"/plans/* | grep -q . || fail "no file holds the plan of $id"
done
