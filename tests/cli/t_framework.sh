# digikomp framework validate|show on the shipped and the broken frameworks.
. "$TOP/tests/cli/lib.sh"
cd "$TOP"
run dk framework validate frameworks/kommun-digcomp-12.xml frameworks/digcomp-2.2.xml
expect_rc 0
expect_out "frameworks/kommun-digcomp-12.xml: valid: kommun-digcomp-12 version 2025.1, 6 areas, 14 competences, 5 roles, scale 1–5"
expect_out "frameworks/digcomp-2.2.xml: valid: digcomp-2.2 version 2022, 5 areas, 21 competences, 2 roles, scale 1–8"

run dk framework validate frameworks/kommun-digcomp-12.xml tests/data/framework/bad/duplicate-id.xml tests/data/framework/bad/xxe.xml
expect_rc 3
expect_out "kommun-digcomp-12.xml: valid"
expect_err "tests/data/framework/bad/duplicate-id.xml:24: duplicate competence id '1.1'"
expect_err "tests/data/framework/bad/xxe.xml:2: DOCTYPE declarations are not allowed"
expect_no_err "root:"

run dk framework show frameworks/kommun-digcomp-12.xml --lang sv
expect_rc 0
expect_out "Systemägare"
grep -Eq '^4\.2 +Skydda personuppgifter och integritet +3 +4 +4 +4 +3$' "$T/out" || fail "row 4.2 is not 3 4 4 4 3"
grep -Eq '^6\.1 +Leda digital verksamhetsutveckling +– +3 +3 +2 +–$' "$T/out" || fail "row 6.1 is not – 3 3 2 –"

run dk framework show frameworks/kommun-digcomp-12.xml --format json
expect_rc 0
expect_out '"name" : "expectations"'
expect_out '"system-owner" : 4'

run dk framework show frameworks/kommun-digcomp-12.xml --lang xx
expect_rc 2
expect_err "--lang must be sv or en"
run dk framework show tests/data/framework/bad/empty.xml
expect_rc 3
expect_err "empty.xml: the file is empty"
run dk framework frobnicate
expect_rc 2
