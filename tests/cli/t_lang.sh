# Messages follow --lang, then the locale (LANG=sv_SE.UTF-8 gives Swedish even
# where that locale is not installed).
. "$TOP/tests/cli/lib.sh"
unset LANGUAGE LC_ALL LC_MESSAGES
LANG=sv_SE.UTF-8 run dk --help;     expect_rc 0; expect_out "Kommandon:"; expect_out "Validera och visa kompetensramverk"
LANG=en_US.UTF-8 run dk --help;     expect_rc 0; expect_out "Commands:"
LANG=C run dk help --lang sv;       expect_rc 0; expect_out "Kommandon:"
LANG=sv_SE.UTF-8 run dk help --lang en; expect_rc 0; expect_out "Commands:"
LANG=sv_SE.UTF-8 run dk nonsense;   expect_rc 2; expect_err "är inte ett digikomp-kommando"
