#!/bin/sh
# Install the Debian packages digikomp needs that this machine lacks, and
# nothing when all are present.  Usage: build-aux/deps.sh [core] [bench] [fuzz] [valgrind] [tsan] [web-test]
#
# Each need is "how-to-check:what:package": pc = a pkg-config module,
# cmd = a command on PATH, file = a file that must exist.
set -eu

core='
pc:glib-2.0:libglib2.0-dev
pc:libxml-2.0:libxml2-dev
pc:sqlite3:libsqlite3-dev
pc:json-glib-1.0:libjson-glib-dev
pc:xlsxwriter:libxlsxwriter-dev
pc:cairo:libcairo2-dev
pc:pangocairo:libpango1.0-dev
pc:libical:libical-dev
pc:cmocka:libcmocka-dev
pc:libmicrohttpd:libmicrohttpd-dev
pc:libsodium:libsodium-dev
cmd:glib-compile-resources:libglib2.0-dev-bin
cmd:python3:python3
cmd:pkg-config:pkg-config
cmd:cc:gcc
cmd:msgfmt:gettext
cmd:xgettext:gettext
cmd:xmllint:libxml2-utils
cmd:sqlite3:sqlite3
cmd:pdftoppm:poppler-utils
cmd:unzip:unzip
cmd:script:bsdutils
cmd:bash:bash
file:/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf:fonts-dejavu-core
file:/usr/share/i18n/locales/sv_SE:locales
file:/usr/share/i18n/charmaps/UTF-8.gz:locales
file:/usr/lib/python3/dist-packages/icalendar/__init__.py:python3-icalendar
'
bench='
cmd:sqlite3:sqlite3
cmd:pdftoppm:poppler-utils
file:/usr/bin/time:time
cmd:wrk:wrk
file:/usr/sbin/nginx:nginx-light
cmd:curl:curl
'
fuzz='
cmd:clang:clang
file:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a:libclang-rt-14-dev
'
valgrind='
cmd:valgrind:valgrind
'
tsan='
cmd:clang:clang
'
# the browser tests (tests/web/): Debian's Chromium and its WebDriver, driven
# from Debian's Python; Node.js and npm install axe-core from the lockfile
web_test='
file:/usr/bin/python3:python3
cmd:chromium:chromium
cmd:chromedriver:chromium-driver
file:/usr/lib/python3/dist-packages/selenium/__init__.py:python3-selenium
cmd:node:nodejs
cmd:npm:npm
'

has() {
  case "$1" in
    pc)   command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$2" ;;
    cmd)  command -v "$2" >/dev/null 2>&1 ;;
    file) [ -e "$2" ] ;;
  esac
}

missing=""
for group in "${@:-core}"; do
  # a group's name may hold a dash (web-test); its variable has an underscore
  eval "needs=\$$(echo "$group" | tr - _)"
  for need in $needs; do
    kind=${need%%:*}; rest=${need#*:}; what=${rest%:*}; pkg=${rest##*:}
    has "$kind" "$what" || case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac
  done
done

if [ -z "$missing" ]; then
  echo "deps: all present"
  exit 0
fi
sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
echo "deps: installing$missing"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
# shellcheck disable=SC2086
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
