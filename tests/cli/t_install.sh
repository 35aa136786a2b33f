# `make install DESTDIR=...` installs the binary, its modules, the man page,
# the bash completion, the Swedish messages and the frameworks; the installed
# program finds its modules and runs in Swedish from there.
. "$TOP/tests/cli/lib.sh"
build=$(dirname "$DIGIKOMP")
run make -s -C "$TOP" BUILD="$build" PREFIX=/usr DESTDIR="$T/x" install; expect_rc 0
(cd "$T/x" && find . -type f | sort) > "$T/files"
cat "$T/files"
for f in ./usr/bin/digikomp ./usr/share/man/man1/digikomp.1 \
         ./usr/share/bash-completion/completions/digikomp \
         ./usr/share/locale/sv/LC_MESSAGES/digikomp.mo \
         ./usr/share/digikomp/frameworks/kommun-digcomp-12.xml \
         ./usr/share/digikomp/frameworks/digcomp-2.2.xml \
         ./usr/share/digikomp/frameworks/framework.rng \
         ./usr/lib/digikomp/digikomp-export.so ./usr/lib/digikomp/digikomp-xml.so; do
  grep -qx "$f" "$T/files" || { echo "FAILED: not installed: $f"; exit 1; }
done
[ -x "$T/x/usr/bin/digikomp" ] || { echo "FAILED: the binary is not executable"; exit 1; }
# the man page names every command of --help
for c in $(dk --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 }'); do
  [ "$c" = help ] && continue
  grep -q "^\.SS $c\$" "$T/x/usr/share/man/man1/digikomp.1" || { echo "FAILED: the man page lacks $c"; exit 1; }
done
# the installed program finds its messages where they were installed
DIGIKOMP_LOCALEDIR="$T/x/usr/share/locale" LANG=sv_SE.UTF-8 run "$T/x/usr/bin/digikomp" --help
expect_rc 0; expect_out "Kommandon:"
# the installed program finds its modules in ../lib/digikomp, wherever it is
run "$T/x/usr/bin/digikomp" framework validate "$T/x/usr/share/digikomp/frameworks/kommun-digcomp-12.xml"
expect_rc 0; expect_out "valid: kommun-digcomp-12"
run "$T/x/usr/bin/digikomp" framework show "$T/x/usr/share/digikomp/frameworks/kommun-digcomp-12.xml" --format json
expect_rc 0; expect_out '"expectations"'
