# The interactive self-rating says what is true of the rating: a shared one
# is not "private" and does not end "Not shared"; in a closed round (or for
# someone who has left) nothing is asked at all.
. "$TOP/tests/cli/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 shell missing (make deps installs it)"; exit 1; }
export DIGIKOMP_DB="$T/store.db"
small_store
levels() { sqlite3 "$DIGIKOMP_DB" "SELECT hex(levels) FROM assessment a JOIN person p ON p.id = a.person_id WHERE p.ext_id = '$1'"; }

# P2's rating is shared (ratings.csv): said at the start and at the end, no question to share
printf '3\n\n\n\n' | dk assess P2 > "$T/out" 2>"$T/err" || fail "assess P2 failed"
expect_out "Your self-rating is shared with your manager: each answer you change is saved at once, and your manager sees it."
expect_out "Your self-rating is shared with your manager, who sees the changes you made."
expect_no_out "private"
expect_no_out "Not shared"
expect_no_out "Share your self-rating with your manager now?"
# P3's is not: private, and the question comes at the end
printf '\n\n\n\n\n' | dk assess P3 > "$T/out" 2>"$T/err" || fail "assess P3 failed"
expect_out "stay private until you share them"
expect_out "Share your self-rating with your manager now?"
expect_out "Not shared."
# in Swedish too
printf '\n\n\n\n' | dk assess P2 --lang sv > "$T/out" 2>"$T/err" || fail "assess --lang sv failed"
expect_out "delad med din chef"
expect_no_out "Inte delad"

# a closed round: refused before the first question, nothing read from the input
dk round close r1 >/dev/null
before=$(levels P3)
printf '1\n1\n1\n1\ny\n' > "$T/answers"
rc=0; dk assess P3 --round r1 < "$T/answers" > "$T/out" 2>"$T/err" || rc=$?
expect_rc 1
expect_err "round r1 is closed; ratings can no longer change"
expect_no_out "Your level"
expect_no_out "Self-rating for"
[ "$(levels P3)" = "$before" ] || fail "assess in a closed round changed the levels"
