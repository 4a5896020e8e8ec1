/// How a listing prints (`bookings`, `arrivals`, `departures`, `in-house`, `blocks`, `availability`,
/// `occupancy`): `--tsv`, `--json` or, for `occupancy`, `--csv`, at most one of them; with none, aligned
/// columns under a header line when stdout is a terminal, else tab-separated lines (see ``Table``).
struct ListFormat: OptionGroup {
    /// What was asked for.
    enum Choice: Sendable, Equatable {
        /// A table for a person when stdout is a terminal, else tab-separated lines.
        case automatic
        /// Tab-separated lines, even on a terminal.
        case tsv
        case json
        case csv
    }

    /// The flags, in the order help lists them, and what each asks for.
    let flags: [(flag: Flag, choice: Choice)]

    /// - Parameter csv: whether `--csv` is taken too (before `--tsv` and `--json`).
    init(csv: Bool = false) {
        var flags: [(flag: Flag, choice: Choice)] = []
        if csv { flags.append((Flag("--csv", "Print CSV with a header line instead of tab-separated lines."), .csv)) }
        flags.append((Self.tsv, .tsv))
        flags.append((Flag.json, .json))
        self.flags = flags
    }

    /// `--tsv`: the form scripts read, on a terminal too.
    static let tsv = Flag("--tsv", "Print tab-separated lines, as when stdout is not a terminal, instead of a table with a header.")

    var options: [OptionSpec] { flags.flatMap(\.flag.options) }

    func value(in arguments: ParsedArguments) -> Reader {
        Reader(given: flags.filter { $0.flag.value(in: arguments) }.map { ($0.flag.spec.name, $0.choice) }, command: arguments.spec.name)
    }

    /// What a command reads of ``ListFormat``.
    struct Reader {
        let given: [(name: String, choice: Choice)]
        let command: String

        /// The format asked for.
        /// - Throws: a usage error if more than one of the flags is given.
        func get() throws(CommandLineError) -> Choice {
            switch given.count {
            case 0: return .automatic
            case 1: return given[0].choice
            case 2: throw .usage("give \(given[0].name) or \(given[1].name), not both", help: command)
            default: throw .usage("give one of \(given.dropLast().map(\.name).joined(separator: ", ")) and \(given.last!.name)", help: command)
            }
        }
    }
}
