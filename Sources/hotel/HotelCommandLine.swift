import BookingCore

/// Turns the words after `hotel` into a command or a query, runs it, and says what to print and the status.
struct HotelCommandLine {
    /// The words `hotel` takes, in the order help lists them.
    static let commands: [CommandNode] = [
        .group(word: "rooms", children: [("add", { @Sendable in .roomsAdd }), ("list", { @Sendable in .roomsList })], unnamed: { .roomsList }),
        .command(word: "book") { .book }, .command(word: "hold") { .hold }, .command(word: "confirm") { .confirm },
        .command(word: "release") { .release }, .command(word: "cancel") { .cancel }, .command(word: "change") { .change },
        .command(word: "checkin") { .checkin }, .command(word: "checkout") { .checkout }, .command(word: "noshow") { .noshow }, .command(word: "undo") { .undo },
        .command(word: "free") { .free }, .command(word: "availability") { .availability }, .command(word: "bookings") { .bookings },
        .command(word: "arrivals") { .arrivals }, .command(word: "departures") { .departures }, .command(word: "in-house") { .inHouse },
        .command(word: "audit") { .audit },
        .command(word: "clean") { .clean }, .command(word: "inspect") { .inspect }, .command(word: "dirty") { .dirty },
        .command(word: "housekeeping") { .housekeeping },
        .group(word: "settings", children: [("set", { @Sendable in .settingsSet }), ("list", { @Sendable in .settingsList })], unnamed: { .settingsList }),
        .group(word: "rates", children: [("set", { @Sendable in .ratesSet }), ("list", { @Sendable in .ratesList })], unnamed: { .ratesList }),
        .group(word: "guests", children: [
            ("set", { @Sendable in .guestsSet }), ("list", { @Sendable in .guestsList }), ("find", { @Sendable in .guestsFind }),
            ("show", { @Sendable in .guestsShow }), ("forget", { @Sendable in .guestsForget }), ("export", { @Sendable in .guestsExport }),
            ("import", { @Sendable in .guestsImport }),
        ], unnamed: { .guestsList }),
        .command(word: "quote") { .quote }, .command(word: "folio") { .folio }, .command(word: "charge") { .charge },
        .command(word: "pay") { .pay }, .command(word: "refund") { .refund }, .command(word: "balances") { .balances }, .command(word: "invoice") { .invoice },
        .command(word: "revenue") { .revenue },
        .command(word: "calendar") { .calendar }, .command(word: "occupancy") { .occupancy }, .command(word: "block") { .block },
        .command(word: "unblock") { .unblock }, .command(word: "blocks") { .blocks }, .command(word: "history") { .history },
        .command(word: "log") { .log }, .command(word: "import") { .importLog }, .command(word: "verify") { .verify },
        .command(word: "batch") { .batch }, .command(word: "completions") { .completions }, .command(word: "manpage") { .manpage },
        .command(word: "__complete") { .complete },
    ]

    /// Every command, each once, in the order help lists them.
    static let subcommands: [Subcommand] = commands.flatMap(\.commands)

    let arguments: [String]
    let environment: Environment

    /// The outcome of a run: text for stdout, a line for stderr, and the exit status.
    struct Outcome {
        var stdout = ""
        var stderr = ""
        var status = ExitStatus.success
        /// What the command ran on (the store, its mapped snapshot and read models), kept until the process
        /// exits: freeing it piece by piece just before `exit` is work nobody sees.
        var keptUntilExit: AnyObject?
    }

    func run() -> Outcome {
        do {
            return try dispatch()
        } catch {
            return Outcome(stderr: "hotel: error: \(error.message)\n", status: error.status)
        }
    }

    private func dispatch() throws(CommandLineError) -> Outcome {
        var words = arguments[...]
        var globalStore: String?
        // Options before the subcommand.
        while let word = words.first, word.hasPrefix("-") {
            words.removeFirst()
            switch word {
            case "--version": return Outcome(stdout: "hotel \(Help.version)\(StoreOpener.hasPostgreSQL ? " (with PostgreSQL)" : "")\n")
            case "-h", "--help": return Outcome(stdout: Help.overview(commands: Self.subcommands))
            case "--store":
                guard let value = words.popFirst() else { throw .usage("missing value for '--store <path>'") }
                globalStore = value
            case _ where word.hasPrefix("--store="):
                globalStore = String(word.dropFirst("--store=".count))
            default:
                let hint = EditDistanceHint.suggestion(for: word, among: ["--store", "--version", "--help"])
                throw .usage("unknown option '\(word)'\(hint)")
            }
        }
        guard let name = words.first else {
            throw .usage("missing subcommand (rooms, book, hold, free, availability, cancel, bookings, arrivals, ...)")
        }
        if name == "help" { return try help(Array(words.dropFirst())) }
        let subcommand = try CommandNode.find(&words, in: Self.commands)
        var parsed = try ArgumentParser.parse(words, for: subcommand.spec)
        if parsed.isGiven(.help) { return Outcome(stdout: Help.command(subcommand.spec)) }
        if let globalStore {
            if parsed.isGiven(.store) { throw .usage("option '--store' is given more than once") }
            parsed.give(.store, globalStore)
        }
        let clock = try clock()
        parsed.today = Instant(secondsSince1970: clock.secondsSince1970()).localDay
        let asOf = try AsOfOption.point(in: parsed)
        let settings = StoreOpener.Settings(
            clock: clock, lockTimeout: try seconds("HOTEL_LOCK_TIMEOUT", default: JSONLinesEventStore.defaultLockTimeout),
            cacheThreshold: try cacheThreshold(), connectTimeout: try seconds("HOTEL_CONNECT_TIMEOUT", default: 10), cacheDirectory: cacheDirectory(),
            progress: TerminalProgress.ifTerminal(environment))
        let store: any HotelStore
        let address = try storePath(parsed)
        do throws(EventStoreError) { store = try StoreOpener.open(address, settings: settings) } catch { throw CommandLineError(.store(error)) }
        let context = Context(store: store, clock: clock, asOf: asOf, environment: environment, progress: settings.progress)
        // The log keeps client ids for ever: one that looks like an e-mail address is personal data in it.
        if let client = Self.clientLike(in: arguments) { context.warning(Self.notPseudonymous(client)) }
        do {
            try subcommand.run(parsed, context)
        } catch {
            return Outcome(stdout: context.output, stderr: context.warnings + "hotel: error: \(error.message)\n", status: error.status, keptUntilExit: context)
        }
        return Outcome(stdout: context.output, stderr: context.warnings, status: context.exitStatus, keptUntilExit: context)
    }

    /// The warning for a client id that looks like an e-mail address.
    static func notPseudonymous(_ client: String) -> String {
        "client id '\(InvalidValue.shown(client))' contains '@': the log keeps client ids for ever, so keep them pseudonymous (a number, a loyalty code) and record personal data with 'hotel guests set'"
    }

    /// A `--client` value (or `guests set`'s client) containing `@`, if there is one.
    static func clientLike(in words: [String]) -> String? {
        for (index, word) in words.enumerated() {
            if word == "--client", index + 1 < words.count, words[index + 1].contains("@") { return words[index + 1] }
            if word.hasPrefix("--client="), word.contains("@") { return String(word.dropFirst("--client=".count)) }
        }
        for index in words.indices.dropLast(2) where words[index] == "guests" && words[index + 1] == "set" && words[index + 2].contains("@") {
            return words[index + 2]
        }
        return nil
    }

    /// `hotel help [subcommand]`.
    private func help(_ words: [String]) throws(CommandLineError) -> Outcome {
        if words.isEmpty { return Outcome(stdout: Help.overview(commands: Self.subcommands)) }
        var rest = words[...]
        let subcommand = try CommandNode.find(&rest, in: Self.commands)
        if let stray = rest.first { throw .usage("unexpected argument '\(stray)'", help: "help") }
        return Outcome(stdout: Help.command(subcommand.spec))
    }

    /// `--store`, else `HOTEL_STORE`, else `./events.jsonl`.
    private func storePath(_ parsed: ParsedArguments) throws(CommandLineError) -> String {
        let path = parsed.text(of: .store) ?? environment["HOTEL_STORE"] ?? "events.jsonl"
        if path.isEmpty { throw .usage("the store path is empty") }
        return path
    }

    /// `HOTEL_NOW` as a fixed clock, else the system's.
    private func clock() throws(CommandLineError) -> WallClock {
        guard let text = environment["HOTEL_NOW"] else { return .system }
        do { return .fixed(secondsSince1970: try Instant(text).secondsSince1970) } catch {
            throw .usage("HOTEL_NOW='\(text)' is not a time such as 2024-05-01T12:00:00Z")
        }
    }

    /// `HOTEL_CACHE_THRESHOLD` in bytes, else the store's default.
    private func cacheThreshold() throws(CommandLineError) -> Int {
        guard let text = environment["HOTEL_CACHE_THRESHOLD"] else { return JSONLinesEventStore.defaultCacheThreshold }
        guard let bytes = Int(text), bytes >= 0 else {
            throw .usage("HOTEL_CACHE_THRESHOLD='\(text)' is not a number of bytes")
        }
        return bytes
    }

    /// A number of seconds from the environment variable `name` (`HOTEL_LOCK_TIMEOUT`, `HOTEL_CONNECT_TIMEOUT`),
    /// else `default`.
    private func seconds(_ name: String, default: Double) throws(CommandLineError) -> Double {
        guard let text = environment[name] else { return `default` }
        guard let seconds = Double(text), seconds >= 0, seconds.isFinite else {
            throw .usage("\(name)='\(text)' is not a number of seconds")
        }
        return seconds
    }

    /// Where a database store keeps its local read-model cache: `HOTEL_CACHE_DIR`, else `$XDG_CACHE_HOME/hotel`,
    /// else `~/.cache/hotel`.
    private func cacheDirectory() -> String {
        if let directory = environment["HOTEL_CACHE_DIR"], !directory.isEmpty { return directory }
        if let base = environment["XDG_CACHE_HOME"], !base.isEmpty { return base + "/hotel" }
        return (environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp") + "/.cache/hotel"
    }
}
