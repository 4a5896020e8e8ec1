/// An option a command accepts, as help, the man page, the completions and the parser see it: `--name
/// <value>`, or a flag when it takes no value. Commands do not read options by it: they declare an
/// ``OptionGroup`` made of specs and read the group's typed value.
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

    /// `--name <valueName>`, as a missing-option error and help show it (a flag: its name).
    var usage: String { valueName.map { "\(name) <\($0)>" } ?? name }

    /// `--store <path|url>`: every command takes it, before or after its name.
    static let store = OptionSpec(
        name: "--store", valueName: "path|url", help: "The event log: a file, or a postgresql:// URL (default: $HOTEL_STORE, else ./events.jsonl).")
    /// `--help` (and `-h`): every command takes it.
    static let help = OptionSpec(name: "--help", valueName: nil, help: "Show help information.")
}
