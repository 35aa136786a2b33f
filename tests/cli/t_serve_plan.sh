# The employee's pages of `digikomp serve` other than the self-rating: the
# start page, the plan with its downloads and wishes, the catalogue, the
# settings and the accessibility statement (tests/cli/t_serve_plan.py).
# Skipped under valgrind, as t_serve.sh is.
. "$TOP/tests/cli/lib.sh"
if [ -n "${DK_VALGRIND_LOGS:-}" ]; then
  echo "skipped under valgrind (check-asan runs it)"
  exit 0
fi
# Debian's python3 has icalendar (the calendar's check); any python3 does the rest
py=python3
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import icalendar' 2>/dev/null && py=/usr/bin/python3
command -v "$py" >/dev/null || { echo "python3 missing (make deps installs it)"; exit 1; }
"$py" "$TOP/tests/cli/t_serve_plan.py" "$DIGIKOMP" "$TOP" "$T"
