# Bash completion for digikomp.  Installed by `make install` into
# $(DATADIR)/bash-completion/completions/digikomp; source it to try it.
#
# Commands, sub-commands and options come from the program's own help, so
# they never go stale; rounds from `digikomp round list --format csv` on the
# store the command line names; competences from the frameworks that ship
# with digikomp; formats, languages and CSV encodings are fixed lists.

# Prints the words of a "Commands:" listing in the help text on stdin.
_digikomp_commands()
{
    awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { on = 0 }'
}

# Prints the long options of a help text on stdin.
_digikomp_options()
{
    grep -oE -- '--[a-z][a-z-]*' | sort -u
}

# Prints the round ids of the store named by --db on the command line, if any.
_digikomp_rounds()
{
    local i db=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            --db) db=(--db "${COMP_WORDS[i + 1]}") ;;
            --db=*) db=("${COMP_WORDS[i]}") ;;
        esac
    done
    "$1" round list --format csv "${db[@]}" 2>/dev/null | awk -F, 'NR > 1 { print $1 }'
}

# Prints the competence ids of the frameworks that ship with digikomp
# (installed beside the binary, or frameworks/ in the source tree).
_digikomp_competences()
{
    local bin dir f
    bin=$(command -v "$1") || return
    for dir in "${bin%/*}/../share/digikomp/frameworks" "${bin%/*}/../frameworks" frameworks; do
        for f in "$dir"/*.xml; do
            [[ -e $f ]] || continue
            "$1" framework show "$f" --format csv 2>/dev/null \
                | tr -d '\r' | awk -F, '/^area,area_title,competence/ { on = 1; next } /^$/ { on = 0 } on { print $3 }'
        done
        [[ -e $f ]] && break
    done | sort -u
}

_digikomp()
{
    local cur prev bin=${COMP_WORDS[0]} cmd="" sub="" i words
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD - 1]}
    COMPREPLY=()

    # the command and sub-command typed so far (the first two plain words)
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
            -*) ;;
            *) if [[ -z $cmd ]]; then cmd=${COMP_WORDS[i]}
               elif [[ -z $sub ]]; then sub=${COMP_WORDS[i]}; break; fi ;;
        esac
    done

    case $prev in
        --db|--output|-o|--framework) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --round|-r|--compare|-c) COMPREPLY=($(compgen -W "$(_digikomp_rounds "$bin")" -- "$cur")); return ;;
        --competence) COMPREPLY=($(compgen -W "$(_digikomp_competences "$bin")" -- "$cur")); return ;;
        --lang) COMPREPLY=($(compgen -W "sv en" -- "$cur")); return ;;
        --encoding) COMPREPLY=($(compgen -W "utf-8 windows-1252" -- "$cur")); return ;;
        --format|-f)
            if [[ $cmd == plan ]]; then words="md html pdf ics json"
            else words="table csv json html xlsx pdf"; fi
            COMPREPLY=($(compgen -W "$words" -- "$cur")); return ;;
        --by|-b) COMPREPLY=($(compgen -W "unit role gender area competence unit,area unit,competence role,area role,competence gender,area" -- "$cur")); return ;;
    esac

    if [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null | _digikomp_commands) --help --version" -- "$cur"))
        return
    fi
    if [[ $cmd == help ]]; then
        COMPREPLY=($(compgen -W "$("$bin" --help 2>/dev/null | _digikomp_commands)" -- "$cur"))
        return
    fi

    local subs
    subs=$("$bin" help "$cmd" 2>/dev/null | _digikomp_commands)
    if [[ -n $subs && -z $sub ]]; then
        COMPREPLY=($(compgen -W "$subs" -- "$cur"))
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$("$bin" $cmd $sub --help 2>/dev/null | _digikomp_options)" -- "$cur"))
        return
    fi
    # operands that are ids: a round to close, a report kind, a competence to rate
    case "$cmd $sub" in
        "round close") COMPREPLY=($(compgen -W "$(_digikomp_rounds "$bin")" -- "$cur")) ;;
        "report "*) [[ -z $sub ]] && COMPREPLY=($(compgen -W "needs average motivation response conversations summary coverage goals participation" -- "$cur")) ;;
        *) COMPREPLY=($(compgen -f -- "$cur")) ;;
    esac
}

complete -F _digikomp digikomp
