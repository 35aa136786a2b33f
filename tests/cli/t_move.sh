# A move while a round is open counts the person in their new unit in that
# round's reports (as the team view shows them); once the round is closed,
# its reports keep the units at closing, whatever moves come after.
. "$TOP/tests/cli/lib.sh"
gen_store 600 3
dk round open r1 --title R1 --framework kommun-digcomp-12 >/dev/null
dk import ratings "$T/g/ratings-r1.csv" --round r1 >/dev/null || fail "ratings"
people() { dk report needs --round r1 --by unit --format csv | grep "^Kommun/$1," | cut -d, -f2; }
f1=$(people 'Förvaltning 01'); f2=$(people 'Förvaltning 02'); movers=$(people 'Förvaltning 01/Avdelning 1')
[ "$movers" -gt 5 ] && [ "$f1" -gt "$movers" ] || fail "the generator's units changed"

# Avdelning 1 of Förvaltning 01 moves into Förvaltning 02
sed 's|Förvaltning 01/Avdelning 1/|Förvaltning 02/Avdelning 9/|' "$T/g/roster.csv" > "$T/moved.csv"
dk import roster "$T/moved.csv" >/dev/null || fail "the move"
[ "$(people 'Förvaltning 01')" = $((f1 - movers)) ] || fail "the open round still counts the movers in their old unit: $(people 'Förvaltning 01')"
[ "$(people 'Förvaltning 02')" = $((f2 + movers)) ] || fail "the open round does not count the movers in their new unit: $(people 'Förvaltning 02')"
[ "$(people 'Förvaltning 02/Avdelning 9')" = "$movers" ] || fail "the new unit has $(people 'Förvaltning 02/Avdelning 9')"
# the team view shows the same unit
mover=$(grep -m1 'Förvaltning 01/Avdelning 1/' "$T/g/roster.csv" | cut -d, -f1)
manager=$(grep -m1 "^$mover," "$T/g/roster.csv" | cut -d, -f6)
if [ -n "$manager" ]; then
  run dk team "$manager" --format csv; expect_rc 0; expect_out "Förvaltning 02/Avdelning 9"
fi

# closed: the units at closing stay, a later move does not change the round
dk round close r1 >/dev/null || fail "close"
dk report needs --round r1 --by unit --format csv > "$T/closed"
dk import roster "$T/g/roster.csv" >/dev/null || fail "the move back"
dk report needs --round r1 --by unit --format csv > "$T/closed-after"
cmp -s "$T/closed" "$T/closed-after" || fail "a move after closing changed the closed round's report"
[ "$(people 'Förvaltning 01')" = $((f1 - movers)) ] || fail "the closed round lost its units at closing"
