/// What a command accepts, and the text of its help.
struct CommandSpec: Sendable {
    /// The words after `hotel`, such as `book` or `rooms add`.
    let name: String
    let abstract: String
    /// Positional arguments for help: name and description.
    let arguments: [(name: String, help: String)]
    /// How many positional arguments are accepted.
    let positionalCount: ClosedRange<Int>
    let discussion: String?
    /// Whether a line of `hotel batch` may name the command (the write commands).
    let runsInBatch: Bool
    /// Whether the command creates the store when there is none (`rooms add`, `import`, and a batch through
    /// its lines of these); every other command needs one, and exits 66 creating nothing.
    let createsStore: Bool
    /// Whether the command writes personal data beside the log (`guests set`, `guests forget`): a batch with
    /// such a line holds the guests' lock (taken before the store's) while it runs.
    let writesGuests: Bool
    /// The options, in the order help lists them: those the command's option groups declare (see
    /// ``Subcommand/init(spec:options:run:)``), then `--store` and `--help`, which every command takes.
    private(set) var options: [OptionSpec] = [.store, .help]

    init(
        name: String, abstract: String, arguments: [(name: String, help: String)] = [], positionalCount: ClosedRange<Int> = 0...0,
        discussion: String? = nil, runsInBatch: Bool = false, createsStore: Bool = false, writesGuests: Bool = false
    ) {
        self.name = name
        self.abstract = abstract
        self.arguments = arguments
        self.positionalCount = positionalCount
        self.discussion = discussion
        self.runsInBatch = runsInBatch
        self.createsStore = createsStore
        self.writesGuests = writesGuests
    }

    /// The spec with `options` declared before `--store` and `--help`.
    func declaring(_ options: [OptionSpec]) -> CommandSpec {
        var spec = self
        spec.options = options + [.store, .help]
        return spec
    }
}

extension String {
    /// The text padded with spaces to `width` characters (unchanged if longer).
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
