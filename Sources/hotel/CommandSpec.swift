/// An option a command accepts: `--name <value>`, or a flag when it takes no value.
struct OptionSpec: Sendable {
    let name: String
    /// The placeholder shown in help, such as `day`; nil for a flag.
    let valueName: String?
    let help: String
    /// Whether the command needs it; shown without brackets in the usage line.
    var isRequired = false
    /// Whether it may be given more than once (its values are collected in order).
    var isRepeatable = false

    var takesValue: Bool { valueName != nil }

    static func value(_ name: String, _ valueName: String, _ help: String, required: Bool = false) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, isRequired: required)
    }

    static func repeatable(_ name: String, _ valueName: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: valueName, help: help, isRepeatable: true)
    }

    static func flag(_ name: String, _ help: String) -> OptionSpec {
        OptionSpec(name: name, valueName: nil, help: help)
    }

    static let store = value("--store", "path|url", "The event log: a file, or a postgresql:// URL (default: $HOTEL_STORE, else ./events.jsonl).")
    static let asOf = value("--as-of", "pos|time", "Answer as the hotel stood after this log position, or at this time (YYYY-MM-DD, or ISO 8601 such as 2024-05-01T12:00:00Z).")
    static let json = flag("--json", "Print one JSON document instead of lines.")
    static let help = flag("--help", "Show help information.")
}

/// What a command accepts, and the text of its help.
struct CommandSpec: Sendable {
    /// The words after `hotel`, such as `book` or `rooms add`.
    let name: String
    let abstract: String
    /// Positional arguments for help: name and description.
    let arguments: [(name: String, help: String)]
    /// How many positional arguments are accepted.
    let positionalCount: ClosedRange<Int>
    let options: [OptionSpec]
    let discussion: String?

    init(
        name: String, abstract: String, arguments: [(name: String, help: String)] = [], positionalCount: ClosedRange<Int> = 0...0,
        options: [OptionSpec], discussion: String? = nil
    ) {
        self.name = name
        self.abstract = abstract
        self.arguments = arguments
        self.positionalCount = positionalCount
        self.options = options + [.store, .help]
        self.discussion = discussion
    }
}

extension String {
    /// The text padded with spaces to `width` characters (unchanged if longer).
    func padding(to width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}
