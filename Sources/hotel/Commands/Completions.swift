import BookingCore

extension Subcommand {
    /// `hotel completions bash|zsh|fish`
    static let completions = Subcommand(
        spec: CommandSpec(
            name: "completions", abstract: "Print a shell completion script for bash, zsh or fish.",
            arguments: [("shell", "bash, zsh or fish.")], positionalCount: 1...1,
            discussion: "The script completes subcommands and options, and values from the store in use (the one --store names on the line, else $HOTEL_STORE, else ./events.jsonl): room names after --room, room types after --type, days after --from, --to and --on, and booking ids after cancel, change, checkin, ... (the stays from today to 30 days ahead, held, active and checked-in ones first). bash: 'source <(hotel completions bash)' or save it as /usr/share/bash-completion/completions/hotel; zsh: save it as _hotel in a directory of $fpath; fish: save it as ~/.config/fish/completions/hotel.fish. 'scripts/install' puts all three in place."),
        run: { (arguments, context) throws(CommandLineError) in
            let commands = HotelCommandLine.subcommands
            switch arguments.positionals[0] {
            case "bash": context.append(CompletionScript.bash(commands))
            case "zsh": context.append(CompletionScript.zsh(commands))
            case "fish": context.append(CompletionScript.fish(commands))
            case let other: throw .usage("unknown shell '\(InvalidValue.shown(other))': expected bash, zsh or fish", help: "completions")
            }
        })

    /// `hotel __complete rooms|types|ids|blocks`: the values the completion scripts offer, one a line. Not
    /// listed in help; quiet and empty on any error, so that a completion never prints an error.
    static let complete = Subcommand(
        spec: CommandSpec(name: "__complete", abstract: "Values for the shell completion scripts.", arguments: [("kind", "rooms, types, ids or blocks.")], positionalCount: 1...1),
        run: { (arguments, context) throws(CommandLineError) in
            guard (try? context.requireStore()) != nil else { return }
            let today = context.today
            let values: [String]? = try? context.query { (desk) throws(HotelError) -> [String] in
                switch arguments.positionals[0] {
                case "rooms": return try desk.rooms().map(\.name.rawValue)
                case "types":
                    // RoomType: by bytes, as everywhere (a Set<String> would merge two spellings of one name).
                    return Set(try desk.rooms().map(\.type)).sorted().map(\.rawValue)
                case "ids", "blocks":
                    // The stays of the next 30 days: those a front desk acts on, held, active and checked-in first.
                    var filter = BookingFilter(from: today, to: today.adding(days: 30), now: desk.now)
                    if arguments.positionals[0] == "blocks" { filter.kind = .block }
                    let stays = try desk.bookings(matching: filter)
                    let acting: Set<Booking.Status> = [.held, .active, .checkedIn]
                    let first = stays.filter { acting.contains($0.status(at: desk.now)) }, rest = stays.filter { !acting.contains($0.status(at: desk.now)) }
                    return (first + rest).map(\.id.rawValue)
                default: return []
                }
            }
            for value in values ?? [] { context.line(value) }
        })
}

/// The completion scripts, made from the command specs.
enum CompletionScript {
    /// The options that take a value, across all commands (so that a value is not taken for a subcommand).
    static func valueOptions(_ commands: [Subcommand]) -> [String] {
        Array(Set(commands.flatMap { $0.spec.options.filter(\.takesValue).map(\.name) })).sorted()
    }

    /// The top-level words, in byte order: subcommands (`rooms add` as `rooms`) and `help`.
    static func words(_ commands: [Subcommand]) -> [String] {
        Set(commands.map { String($0.spec.name.split(separator: " ")[0]) } + ["help"]).filter { !$0.hasPrefix("__") }.sorted()
    }

    /// Commands whose argument is a booking id, and those whose argument is a block id.
    static let idCommands = ["cancel", "change", "checkin", "checkout", "noshow", "confirm", "release", "history"]
    static let blockCommands = ["unblock"]

    static func bash(_ commands: [Subcommand]) -> String {
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
                           elif [[ $sub == rooms && $word == add && $i -eq 2 ]]; then sub="rooms add"; fi ;;
                    esac
                done
                _hotel_values() { COMPREPLY=($(compgen -W "$(hotel "${store[@]}" __complete "$1" 2>/dev/null)" -- "$cur")); }
                case $prev in
                    --room) _hotel_values rooms; return ;;
                    --type) _hotel_values types; return ;;
                    --from|--to|--on) COMPREPLY=($(compgen -W "today tomorrow yesterday" -- "$cur")); return ;;
                    --status) COMPREPLY=($(compgen -W "\(Booking.Status.allCases.map(\.rawValue).joined(separator: " "))" -- "$cur")); return ;;
                    --color) COMPREPLY=($(compgen -W "always never auto" -- "$cur")); return ;;
                    --by) COMPREPLY=($(compgen -W "night type room" -- "$cur")); return ;;
                    --store) COMPREPLY=($(compgen -f -- "$cur")); return ;;
                    \(valueOptions(commands).filter { !["--room", "--type", "--from", "--to", "--on", "--status", "--color", "--by", "--store"].contains($0) }.joined(separator: "|"))) return ;;
                esac
                if [[ -z $sub ]]; then
                    if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W "--store --version --help" -- "$cur"))
                    else COMPREPLY=($(compgen -W "\(words(commands).joined(separator: " "))" -- "$cur")); fi
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
                    rooms) [[ $COMP_CWORD -eq 2 || ${COMP_WORDS[COMP_CWORD-1]} == rooms ]] && COMPREPLY=($(compgen -W "add list" -- "$cur")) ;;
                    completions) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
                    import) COMPREPLY=($(compgen -f -- "$cur")) ;;
                    help) COMPREPLY=($(compgen -W "\(words(commands).filter { $0 != "help" }.joined(separator: " "))" -- "$cur")) ;;
                esac
            }
            complete -o nosort -F _hotel hotel 2>/dev/null || complete -F _hotel hotel

            """
    }

    static func zsh(_ commands: [Subcommand]) -> String {
        """
        #compdef hotel
        # zsh completion for hotel (made by 'hotel completions zsh'): the bash completion, through zsh's bashcompinit.
        autoload -U +X bashcompinit && bashcompinit

        """ + bash(commands) + """

        # Loaded by compinit as the completion function for hotel: complete the current line once.
        if [[ $zsh_eval_context[-1] == loadautofunc ]]; then _bash_complete -F _hotel hotel "$@"; fi

        """
    }

    static func fish(_ commands: [Subcommand]) -> String {
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
                if words[0] != "rooms" || command.spec.name == "rooms" {
                    out += "complete -c hotel -n __fish_use_subcommand -a \(words[0]) -d '\(fishQuoted(command.spec.abstract))'\n"
                }
            }
            for option in command.spec.options where option.name != "--store" {
                var line = "complete -c hotel -n \(condition) -l \(option.name.dropFirst(2))"
                if option.takesValue {
                    line += " -r"
                    switch option.name {
                    case "--room": line += " -a '(__hotel_values rooms)'"
                    case "--type": line += " -a '(__hotel_values types)'"
                    case "--from", "--to", "--on": line += " -a 'today tomorrow yesterday'"
                    case "--status": line += " -a '\(Booking.Status.allCases.map(\.rawValue).joined(separator: " "))'"
                    case "--color": line += " -a 'always never auto'"
                    case "--by": line += " -a 'night type room'"
                    default: break
                    }
                }
                out += line + " -d '\(fishQuoted(option.help))'\n"
            }
            if idCommands.contains(command.spec.name) { out += "complete -c hotel -n \(condition) -a '(__hotel_values ids)'\n" }
            if blockCommands.contains(command.spec.name) { out += "complete -c hotel -n \(condition) -a '(__hotel_values blocks)'\n" }
        }
        out += "complete -c hotel -n '__fish_seen_subcommand_from rooms' -a 'add list'\n"
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
