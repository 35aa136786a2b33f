# The command itself: version, help, unknown commands.
. "$TOP/tests/cli/lib.sh"
run dk --version;            expect_rc 0; expect_out "digikomp "
run dk --help;               expect_rc 0; expect_out "framework"
run dk;                      expect_rc 2; expect_err "Usage"
run dk no-such-command;      expect_rc 2; expect_err "'no-such-command' is not a digikomp command"
run dk help no-such-command; expect_rc 2; expect_err "no such command"
