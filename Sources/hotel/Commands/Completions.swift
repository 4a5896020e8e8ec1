import BookingCore

extension Subcommand {
    /// `hotel completions bash|zsh|fish`
    static let completions = Subcommand(
        spec: CommandSpec(
            name: "completions", abstract: "Print a shell completion script for bash, zsh or fish.",
            arguments: [("shell", "bash, zsh or fish.")], positionalCount: 1...1,
            discussion: "The script completes subcommands and options, and values from the store in use (the one --store names on the line, else $HOTEL_STORE, else ./events.jsonl): room names after --room, room types after --type, days after --from, --to and --on, and booking ids after cancel, change, checkin, ... (the stays from today to 30 days ahead, held, active and checked-in ones first). bash: 'source <(hotel completions bash)' or save it as /usr/share/bash-completion/completions/hotel; zsh: save it as _hotel in a directory of $fpath; fish: save it as ~/.config/fish/completions/hotel.fish. 'scripts/install' puts all three in place."),
        run: { (arguments, context) throws(CommandLineError) in
            let commands = HotelCommandLine.commands
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
                case "ids":
                    // The stays of the next 30 days: those a front desk acts on, held, active and checked-in first.
                    let stays = try desk.bookings(matching: BookingFilter(from: today, to: today.adding(days: 30), now: desk.now))
                    let acting: Set<Booking.Status> = [.held, .active, .checkedIn]
                    return actedOnFirst(stays) { acting.contains($0.status(at: desk.now)) }
                case "blocks":
                    // The blocks of the next 30 days, active ones first.
                    return actedOnFirst(try desk.blocks(matching: BlockFilter(from: today, to: today.adding(days: 30)))) { !$0.hasEnded }
                default: return []
                }
            }
            for value in values ?? [] { context.line(value) }
        })

    /// The ids of `records`, those a front desk acts on first, each part in the order given.
    private static func actedOnFirst<Record: Printed>(_ records: [Record], _ acting: (Record) -> Bool) -> [String] {
        (records.filter(acting) + records.filter { !acting($0) }).map(\.id.rawValue)
    }
}
