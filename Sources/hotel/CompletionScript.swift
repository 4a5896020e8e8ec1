import BookingCore

/// The completion scripts, made from the command tree and the specs.
enum CompletionScript {
    /// Each group of subcommands (`rooms`): its word, and the words of the children named by more than it
    /// (`add`; `list` runs as `rooms` alone) with their specs' names.
    static func groups(_ nodes: [CommandNode]) -> [(word: String, children: [String], named: [(word: String, name: String)])] {
        nodes.compactMap { node in
            guard case .group(let word, let children, _) = node else { return nil }
            let named = children.map { (word: $0.word, name: $0.make().spec.name) }.filter { $0.name != word }
            return (word, children.map(\.word), named)
        }
    }

    /// The options that take a value, across all commands (so that a value is not taken for a subcommand).
    static func valueOptions(_ commands: [Subcommand]) -> [String] {
        Array(Set(commands.flatMap { $0.spec.options.filter(\.takesValue).map(\.name) })).sorted()
    }

    /// The top-level words, in byte order: subcommands (`rooms` for its group) and `help`.
    static func words(_ nodes: [CommandNode]) -> [String] {
        (nodes.map(\.word) + ["help"]).filter { !$0.hasPrefix("__") }.sorted()
    }

    /// Commands whose argument is a booking id, and those whose argument is a block id.
    static let idCommands = ["cancel", "change", "checkin", "checkout", "noshow", "confirm", "release", "history"]
    static let blockCommands = ["unblock"]
    /// The commands whose arguments are room names.
    static let roomCommands = ["clean", "inspect", "dirty"]
    /// `--status`'s values: the housekeeping's for `housekeeping`, a booking's for the others.
    static func statuses(of command: String) -> String {
        command == "housekeeping" ? HousekeepingStatus.allCases.map(\.rawValue).joined(separator: " ") : Booking.Status.allCases.map(\.rawValue).joined(separator: " ")
    }

    static func bash(_ nodes: [CommandNode]) -> String {
        let commands = nodes.flatMap(\.commands), groups = groups(nodes)
        // After the group's word, the child's word makes the subcommand (`rooms add`).
        let childCommands = groups.flatMap { group in
            group.named.map { "elif [[ $sub == \(group.word) && $word == \($0.word) && $i -eq 2 ]]; then sub=\"\($0.name)\"" }
        }.joined(separator: "\n" + String(repeating: " ", count: 27))
        let childWords = groups.map { group in
            "\(group.word)) [[ $COMP_CWORD -eq 2 || ${COMP_WORDS[COMP_CWORD-1]} == \(group.word) ]] && COMPREPLY=($(compgen -W \"\(group.children.joined(separator: " "))\" -- \"$cur\")) ;;"
        }.joined(separator: "\n" + String(repeating: " ", count: 8))
        var options = ""
        for command in commands where !command.spec.name.hasPrefix("__") {
            let key = command.spec.name.replacing(" ", with: "_")
            options += "        \(key)) words=\"\(command.spec.options.map { $0.name == "--help" ? "-h --help" : $0.name }.joined(separator: " "))\" ;;\n"
        }
        return """
            # bash completion for hotel (made by 'hotel completions bash').
            _hotel() {
                local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
                local sub="" store=() i word words
                for ((i = 1; i < COMP_CWORD; i++)); do
                    word=${COMP_WORDS[i]}
                    case $word in
                        --store) store=(--store "${COMP_WORDS[i+1]}"); ((i++)) ;;
                        --store=*) store=("$word") ;;
                        \(valueOptions(commands).filter { $0 != "--store" }.joined(separator: "|"))) ((i++)) ;;
                        -*) ;;
                        *) if [[ -z $sub ]]; then sub=$word
                           \(childCommands); fi ;;
                    esac
                done
                _hotel_values() { COMPREPLY=($(compgen -W "$(hotel "${store[@]}" __complete "$1" 2>/dev/null)" -- "$cur")); }
                case $prev in
                    --room) _hotel_values rooms; return ;;
                    --type) _hotel_values types; return ;;
                    --from|--to|--on) COMPREPLY=($(compgen -W "today tomorrow yesterday" -- "$cur")); return ;;
                    --status) if [[ $sub == housekeeping ]]; then COMPREPLY=($(compgen -W "\(statuses(of: "housekeeping"))" -- "$cur"))
                              else COMPREPLY=($(compgen -W "\(statuses(of: "bookings"))" -- "$cur")); fi; return ;;
                    --color) COMPREPLY=($(compgen -W "always never auto" -- "$cur")); return ;;
                    --by) COMPREPLY=($(compgen -W "night type room" -- "$cur")); return ;;
                    --store) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                    \(valueOptions(commands).filter { !["--room", "--type", "--from", "--to", "--on", "--status", "--color", "--by", "--store"].contains($0) }.joined(separator: "|"))) return ;;
                esac
                if [[ -z $sub ]]; then
                    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "--store --version --help" -- "$cur"))
                    else COMPREPLY=($(compgen -W "\(words(nodes).joined(separator: " "))" -- "$cur")); fi
                    return
                fi
                if [[ $cur == -* ]]; then
                    case ${sub// /_} in
            \(options)        *) words="--help" ;;
                    esac
                    COMPREPLY=($(compgen -W "$words" -- "$cur"))
                    return
                fi
                case $sub in
                    \(idCommands.joined(separator: "|"))) _hotel_values ids ;;
                    \(blockCommands.joined(separator: "|"))) _hotel_values blocks ;;
                    \(roomCommands.joined(separator: "|"))) _hotel_values rooms ;;
                    \(childWords)
                    completions) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
                    import) COMPREPLY=($(compgen -f -- "$cur")) ;;
                    help) COMPREPLY=($(compgen -W "\(words(nodes).filter { $0 != "help" }.joined(separator: " "))" -- "$cur")) ;;
                esac
            }
            complete -o nosort -F _hotel hotel 2>/dev/null || complete -F _hotel hotel

            """
    }

    static func zsh(_ commands: [CommandNode]) -> String {
        """
        #compdef hotel
        # zsh completion for hotel (made by 'hotel completions zsh'): the bash completion, through zsh's bashcompinit.
        autoload -U +X bashcompinit && bashcompinit

        """ + bash(commands) + """

        # Loaded by compinit as the completion function for hotel: complete the current line once.
        if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _bash_complete -F _hotel hotel "$@"; fi

        """
    }

    static func fish(_ nodes: [CommandNode]) -> String {
        let commands = nodes.flatMap(\.commands)
        var out = """
            # fish completion for hotel (made by 'hotel completions fish').
            function __hotel_values
                set -l store
                set -l words (commandline -opc)
                for i in (seq (count $words))
                    if test "$words[$i]" = --store; and test $i -lt (count $words)
                        set store --store $words[(math $i + 1)]
                    end
                end
                hotel $store __complete $argv 2>/dev/null
            end
            complete -c hotel -f
            complete -c hotel -n __fish_use_subcommand -l store -r -F -d 'The event log: a file, or a postgresql:// URL'
            complete -c hotel -n __fish_use_subcommand -l version -d 'Show the version'

            """
        for command in commands where !command.spec.name.hasPrefix("__") {
            let words = command.spec.name.split(separator: " ")
            let condition: String
            if words.count == 2 {
                condition = "'__fish_seen_subcommand_from \(words[0]); and __fish_seen_subcommand_from \(words[1])'"
            } else {
                condition = "'__fish_seen_subcommand_from \(words[0])'"
                out += "complete -c hotel -n __fish_use_subcommand -a \(words[0]) -d '\(fishQuoted(command.spec.abstract))'\n"
            }
            for option in command.spec.options where option.name != "--store" {
                var line = "complete -c hotel -n \(condition) -l \(option.name.dropFirst(2))"
                if option.takesValue {
                    line += " -r"
                    switch option.name {
                    case "--room": line += " -a '(__hotel_values rooms)'"
                    case "--type": line += " -a '(__hotel_values types)'"
                    case "--from", "--to", "--on": line += " -a 'today tomorrow yesterday'"
                    case "--status": line += " -a '\(statuses(of: command.spec.name))'"
                    case "--color": line += " -a 'always never auto'"
                    case "--by": line += " -a 'night type room'"
                    default: break
                    }
                }
                out += line + " -d '\(fishQuoted(option.help))'\n"
            }
            if idCommands.contains(command.spec.name) { out += "complete -c hotel -n \(condition) -a '(__hotel_values ids)'\n" }
            if blockCommands.contains(command.spec.name) { out += "complete -c hotel -n \(condition) -a '(__hotel_values blocks)'\n" }
            if roomCommands.contains(command.spec.name) { out += "complete -c hotel -n \(condition) -a '(__hotel_values rooms)'\n" }
        }
        for group in groups(nodes) {
            out += "complete -c hotel -n '__fish_seen_subcommand_from \(group.word)' -a '\(group.children.joined(separator: " "))'\n"
        }
        out += "complete -c hotel -n '__fish_seen_subcommand_from completions' -a 'bash zsh fish'\n"
        out += "complete -c hotel -n '__fish_seen_subcommand_from import' -F\n"
        return out
    }

    /// Text for a single-quoted fish string.
    private static func fishQuoted(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "'" || character == "\\" { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
