#!/bin/sh
# Writes the man page digikomp(1) to standard output: the prose of SOURCE
# (docs/digikomp.1.in, roff) with its line "@COMMANDS@" replaced by one
# section per command, made from the built binary's own help, so that the
# page never repeats --help by hand.  Usage: build-aux/man.sh BIN SOURCE VERSION DATADIR
set -eu
bin=$1 src=$2 version=$3 datadir=$4
# English, whatever the caller's locale
export LANG=C.UTF-8 LANGUAGE=en
unset LC_ALL LC_MESSAGES

# The commands of `digikomp --help` (and of a group's own listing): the
# indented lines after "Commands:".
commands() { awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'; }

# GOption's help (or a group's listing) as roff.  The usage line becomes the
# synopsis, the summary a paragraph, each option a tagged paragraph; the
# "Help Options" block (only --help) and the options every command shares
# (described once, in the prose) are left out.
to_roff() {
  awk -v cmd="$1" '
    function esc(s) { gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); sub(/^[.'"'"']/, "\\\\\\&&", s); return s }
    /^Usage:$/ { state = "usage"; next }
    /^Usage: / { state = "usage"; sub(/^Usage:/, " ") }
    state == "usage" && /^  / {
      line = $0; sub(/^ +/, "", line)
      if (line ~ /^digikomp /) { sub(/^digikomp +/, "", line); syn = line }
      else { sub(/^[^ ]+ \[OPTION…\] /, "", line); syn = line " [OPTION]..." }
      printf ".SS %s\n.B digikomp\n%s\n.PP\n", esc(cmd), esc(syn); state = "summary"; next
    }
    /^Help Options:/ { state = "skip"; next }
    /^Application Options:|^Commands:/ { state = "options"; next }
    state == "summary" && /^$/ { if (para) print ".PP"; para = 0; next }
    state == "summary" { print esc($0); para = 1; next }
    state == "options" && /^  / {
      line = $0; sub(/^ +/, "", line)
      split(line, parts, /  +/); opt = parts[1]; desc = substr(line, length(opt) + 1); sub(/^ +/, "", desc)
      if (opt ~ /^(--db|(-f, )?--format|(-o, )?--output|--lang)=/) next
      if (opt ~ /^-/) { n = split(opt, o, /=/); opt = "\\fB" esc(o[1]) "\\fR" (n > 1 ? "=\\fI" esc(o[2]) "\\fR" : "") }
      else opt = "\\fB" esc(cmd " " opt) "\\fR"
      printf ".TP\n%s\n%s\n", opt, esc(desc); next
    }
  ' | sed -e 's/–/\\(en/g' -e 's/—/\\(em/g' -e 's/…/.../g' -e 's/×/\\(mu/g'
}

command_sections() {
  for c in $("$bin" --help | commands); do
    [ "$c" = help ] && continue
    "$bin" help "$c" | to_roff "$c"
    for s in $("$bin" help "$c" | commands); do
      "$bin" "$c" "$s" --help | to_roff "$c $s"
    done
  done
}

date=$(date -u -d "@${SOURCE_DATE_EPOCH:-$(stat -c %Y "$src")}" +%Y-%m-%d)
sections=$(mktemp)
trap 'rm -f "$sections"' EXIT
command_sections > "$sections"
sed -e "s|@VERSION@|$version|g" -e "s|@DATE@|$date|g" -e "s|@DATADIR@|$datadir|g" "$src" \
  | awk -v f="$sections" '$0 == "@COMMANDS@" { while ((getline l < f) > 0) print l; next } { print }'
