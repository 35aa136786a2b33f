# Bash completion (completion/digikomp.bash): commands, sub-commands, options
# from the help, rounds from the store, competences, formats and languages.
. "$TOP/tests/cli/lib.sh"
command -v bash >/dev/null || { echo "bash missing"; exit 1; }
export DIGIKOMP_DB="$T/c.db"
dk init --framework "$TOP/frameworks/kommun-digcomp-12.xml" >/dev/null
dk round open 2025 --title A --framework kommun-digcomp-12 >/dev/null
dk round close 2025 >/dev/null
dk round open 2026 --title B --framework kommun-digcomp-12 >/dev/null
# an installed layout: the competences come from the frameworks beside the binary
mkdir -p "$T/bin" "$T/frameworks" && ln -s "$DIGIKOMP" "$T/bin/digikomp"
cp "$TOP/frameworks/kommun-digcomp-12.xml" "$T/frameworks/"
cd "$T"

# complete WORD... prints COMPREPLY for the command line WORD... (the last
# word is the one being completed)
complete_words() {
  PATH="$T/bin:$PATH" bash -c '. "$1/completion/digikomp.bash"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _digikomp; echo "${COMPREPLY[*]}"' sh "$TOP" "$@"
}
expect() { got=$(complete_words "$@" | tr -d '\n'); [ "$got" = "$want" ] || { echo "FAILED: [$*] gave '$got', expected '$want'"; exit 1; }; }

want="round rate report";     expect digikomp r
want="open close list";       expect digikomp round ""
want="2025 2026";             expect digikomp round close ""
want="2025 2026";             expect digikomp report needs --round ""
want="needs";                 expect digikomp report ne
want="--dry-run";             expect digikomp import roster --dr
want="--dry-run";             expect digikomp import participation --dr
want="--dry-run";             expect digikomp catalogue import --dr
want="--from-suggestions";    expect digikomp plan create K1 --from
want="md html pdf ics json";  expect digikomp plan export K1 --format ""
want="csv";                   expect digikomp report needs --format cs
want="pdf";                   expect digikomp report summary --format p
want="4.1 4.2 4.3";           expect digikomp catalogue list --competence 4.
want="sv";                    expect digikomp --lang s
want="windows-1252";          expect digikomp import roster --encoding w
want="--encoding";            expect digikomp catalogue import --enc
want="conversation";          expect digikomp help conv
# another store, named on the command line, has no rounds
want="";                      expect digikomp round close --db "$T/none.db" ""
