# Messages follow --lang, then the locale (LANG=sv_SE.UTF-8 gives Swedish even
# where that locale is not installed).
. "$TOP/tests/cli/lib.sh"
unset LANGUAGE LC_ALL LC_MESSAGES
LANG=sv_SE.UTF-8 run dk --help;     expect_rc 0; expect_out "Kommandon:"; expect_out "Validera och visa kompetensramverk"
LANG=en_US.UTF-8 run dk --help;     expect_rc 0; expect_out "Commands:"
LANG=C run dk help --lang sv;       expect_rc 0; expect_out "Kommandon:"
LANG=sv_SE.UTF-8 run dk help --lang en; expect_rc 0; expect_out "Commands:"
LANG=sv_SE.UTF-8 run dk nonsense;   expect_rc 2; expect_err "är inte ett digikomp-kommando"

# every message in the sources has a Swedish translation (not fuzzy): a new
# string without one fails here, naming it
xgettext --from-code=UTF-8 --language=C --keyword=_ --keyword=N_ --keyword=ngettext:1,2 \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=T_:2 --keyword=T -o "$T/now.pot" \
  "$TOP"/core/*.c "$TOP"/importers/*.c "$TOP"/cli/*.c "$TOP"/exporters/*.c "$TOP"/xml/*.c \
  "$TOP"/web/*.c \
  || fail "xgettext failed"
msgcmp "$TOP/po/sv.po" "$T/now.pot" 2>"$T/err" || { cat "$T/err"; fail "po/sv.po lacks translations (make pot, then translate)"; }
