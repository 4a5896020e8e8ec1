import BookingCore

/// The words of one command, sorted into options and positional arguments by ``ArgumentParser``. Options
/// are read through the ``OptionGroup``s the command declares, by their specs: never by a name typed again.
struct ParsedArguments {
    /// The command the words were parsed for.
    let spec: CommandSpec
    /// The options given, in order, by name, and the value each was given ("" for a flag): a handful per
    /// command, so lists searched from the end (the last of a repeated option wins), not dictionaries.
    /// (Arrays of `String`, whose runtime metadata every process already has: a new element type costs a
    /// warm command more than the search.)
    private var names: [String] = []
    private var values: [String] = []
    private var flags: [String] = []
    var positionals: [String] = []
    /// What day it is (the clock's local date), for the days a person may type as `today`, `+3`, ...
    var today = Day(ordinal: 0)

    init(spec: CommandSpec) { self.spec = spec }

    /// The text given to `option`, if it was (for a repeatable one, the last).
    func text(of option: OptionSpec) -> String? { names.lastIndex(of: option.name).map { values[$0] } }

    /// Every text given to `option`, in order.
    func texts(of option: OptionSpec) -> [String] { names.indices.filter { names[$0] == option.name }.map { values[$0] } }

    /// Whether `option` was given (a flag, or an option with a value).
    func isGiven(_ option: OptionSpec) -> Bool { flags.contains(option.name) || names.contains(option.name) }

    /// Records `value` for `option`, as the parser does for a word.
    mutating func give(_ option: OptionSpec, _ value: String) {
        names.append(option.name)
        values.append(value)
    }

    /// Records the flag `option`.
    mutating func give(_ option: OptionSpec) { flags.append(option.name) }

    /// Parses a positional argument with `make`, reporting an invalid one as a usage error of the command.
    func parse<T>(_ text: String, _ make: (String) throws(InvalidValue) -> T) throws(CommandLineError) -> T {
        do { return try make(text) } catch { throw .invalid(error, help: spec.name) }
    }

    /// The booking id in the first positional argument.
    func bookingID() throws(CommandLineError) -> BookingID {
        try parse(positionals[0], BookingID.init(_:))
    }
}
