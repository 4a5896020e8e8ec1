import BookingCore

/// The words of one command, sorted into options and positional arguments by ``ArgumentParser``. Options
/// are read through the ``OptionGroup``s the command declares, by their specs: never by a name typed again.
struct ParsedArguments {
    /// The command the words were parsed for.
    let spec: CommandSpec
    /// The value of each option given, by name (for a repeatable one, the last).
    private var values: [String: String] = [:]
    /// Every value of each option given, in order.
    private var lists: [String: [String]] = [:]
    /// The flags given.
    private var flags: Set<String> = []
    var positionals: [String] = []
    /// What day it is (the clock's local date), for the days a person may type as `today`, `+3`, ...
    var today = Day(ordinal: 0)

    init(spec: CommandSpec) { self.spec = spec }

    /// The text given to `option`, if it was.
    func text(of option: OptionSpec) -> String? { values[option.name] }

    /// Every text given to `option`, in order.
    func texts(of option: OptionSpec) -> [String] { lists[option.name] ?? [] }

    /// Whether `option` was given (a flag, or an option with a value).
    func isGiven(_ option: OptionSpec) -> Bool { flags.contains(option.name) || values[option.name] != nil }

    /// Records `value` for `option`, as the parser does for a word.
    mutating func give(_ option: OptionSpec, _ value: String) {
        values[option.name] = value
        lists[option.name, default: []].append(value)
    }

    /// Records the flag `option`.
    mutating func give(_ option: OptionSpec) { flags.insert(option.name) }

    /// Parses a positional argument with `make`, reporting an invalid one as a usage error of the command.
    func parse<T>(_ text: String, _ make: (String) throws(InvalidValue) -> T) throws(CommandLineError) -> T {
        do { return try make(text) } catch { throw .invalid(error, help: spec.name) }
    }

    /// The booking id in the first positional argument.
    func bookingID() throws(CommandLineError) -> BookingID {
        try parse(positionals[0], BookingID.init(_:))
    }
}
