import BookingCore

/// Turns the words after `hotel` into a command or a query, runs it, and says what to print and the status.
struct HotelCommandLine {
    static let subcommands: [Subcommand] = [
        .roomsAdd, .roomsList, .book, .hold, .confirm, .release, .cancel, .change, .checkin, .checkout, .noshow, .free,
        .availability, .bookings, .arrivals, .departures, .inHouse, .calendar, .occupancy, .block, .unblock, .blocks, .history, .log, .importLog,
        .verify, .batch, .completions, .manpage, .complete,
    ]

    let arguments: [String]
    let environment: [String: String]

    /// The outcome of a run: text for stdout, a line for stderr, and the exit status.
    struct Outcome {
        var stdout = ""
        var stderr = ""
        var status = ExitStatus.success
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
        guard let name = words.popFirst() else {
            throw .usage("missing subcommand (rooms, book, hold, free, availability, cancel, bookings, arrivals, ...)")
        }
        if name == "help" { return try help(Array(words)) }
        let subcommand = try find(name, &words)
        var parsed = try ArgumentParser.parse(words, for: subcommand.spec)
        if parsed.has("--help") { return Outcome(stdout: Help.command(subcommand.spec)) }
        if let globalStore {
            if parsed.values["--store"] != nil { throw .usage("option '--store' is given more than once") }
            parsed.values["--store"] = globalStore
        }
        let clock = try clock()
        parsed.today = Instant(secondsSince1970: clock.secondsSince1970()).localDay
        let asOf = try parsed.optional("--as-of", HistoryPoint.init(_:))
        let settings = StoreOpener.Settings(
            clock: clock, lockTimeout: try seconds("HOTEL_LOCK_TIMEOUT", default: JSONLinesEventStore.defaultLockTimeout),
            cacheThreshold: try cacheThreshold(), connectTimeout: try seconds("HOTEL_CONNECT_TIMEOUT", default: 10), cacheDirectory: cacheDirectory(),
            progress: TerminalProgress.ifTerminal(environment))
        let store: any HotelStore
        let address = try storePath(parsed)
        do throws(EventStoreError) { store = try StoreOpener.open(address, settings: settings) } catch { throw CommandLineError(.store(error)) }
        let context = Context(store: store, clock: clock, asOf: asOf, environment: environment, progress: settings.progress)
        do {
            try subcommand.run(parsed, context)
        } catch {
            return Outcome(stdout: context.output, stderr: context.warnings + "hotel: error: \(error.message)\n", status: error.status)
        }
        return Outcome(stdout: context.output, stderr: context.warnings)
    }

    /// The subcommand named by `name` (and, for `rooms`, the word after it).
    private func find(_ name: String, _ words: inout ArraySlice<String>) throws(CommandLineError) -> Subcommand {
        if name == "rooms" {
            switch words.first {
            case "add": words.removeFirst(); return .roomsAdd
            case "list": words.removeFirst(); return .roomsList
            case let word? where !word.hasPrefix("-"):
                let hint = EditDistanceHint.suggestion(for: word, among: ["add", "list"])
                throw .usage("unknown subcommand 'rooms \(word)'\(hint)", help: "rooms")
            default: return .roomsList
            }
        }
        guard let subcommand = Self.subcommands.first(where: { $0.spec.name == name }) else {
            let names = Self.subcommands.map(\.spec.name).filter { !$0.contains(" ") } + ["help"]
            throw .usage("unknown subcommand '\(name)'\(EditDistanceHint.suggestion(for: name, among: names))")
        }
        return subcommand
    }

    /// `hotel help [subcommand]`.
    private func help(_ words: [String]) throws(CommandLineError) -> Outcome {
        if words.isEmpty { return Outcome(stdout: Help.overview(commands: Self.subcommands)) }
        var rest = words.dropFirst()
        let subcommand = try find(words[0], &rest)
        if let stray = rest.first { throw .usage("unexpected argument '\(stray)'", help: "help") }
        return Outcome(stdout: Help.command(subcommand.spec))
    }

    /// `--store`, else `HOTEL_STORE`, else `./events.jsonl`.
    private func storePath(_ parsed: ParsedArguments) throws(CommandLineError) -> String {
        let path = parsed.values["--store"] ?? environment["HOTEL_STORE"] ?? "events.jsonl"
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
