import BookingCore

/// An option that takes a value, read as a `Value`: `--client 42` as a ``ClientID``.
struct Option<Value>: OptionGroup {
    let spec: OptionSpec
    /// Makes the value from the option's text; `today` is the day the friendly days (`today`, `+3`) count from.
    let parse: @Sendable (_ text: String, _ today: Day) throws(OptionValueError) -> Value

    init(_ name: String, _ valueName: String, _ help: String, parse: @escaping @Sendable (_ text: String, _ today: Day) throws(OptionValueError) -> Value) {
        self.init(spec: OptionSpec(name: name, valueName: valueName, help: help), parse: parse)
    }

    /// An option whose value `make` makes from the text alone, such as `RoomName.init(_:)`.
    init(_ name: String, _ valueName: String, _ help: String, _ make: @escaping @Sendable (String) throws(InvalidValue) -> Value) {
        self.init(name, valueName, help) { (text, _) throws(OptionValueError) in
            do throws(InvalidValue) { return try make(text) } catch { throw .invalid(error) }
        }
    }

    var options: [OptionSpec] { [spec] }

    func value(in arguments: ParsedArguments) -> OptionValue<Value> {
        OptionValue(option: self, text: arguments.text(of: spec), command: arguments.spec.name, today: arguments.today)
    }

    /// The same option, required: shown without brackets, and read as a value rather than an optional.
    var required: RequiredOption<Value> {
        var spec = spec
        spec.isRequired = true
        return RequiredOption(option: Option(spec: spec, parse: parse))
    }

    /// The option `spec` describes, made by `parse`.
    init(spec: OptionSpec, parse: @escaping @Sendable (_ text: String, _ today: Day) throws(OptionValueError) -> Value) {
        self.spec = spec
        self.parse = parse
    }
}

/// What a command reads of an ``Option``: its value, parsed when asked.
struct OptionValue<Value> {
    let option: Option<Value>
    /// The text given, if the option was.
    let text: String?
    /// The command, whose `--help` a usage error points to.
    let command: String
    let today: Day

    /// Whether the option was given.
    var isGiven: Bool { text != nil }

    /// The value, or nil if the option was not given.
    /// - Throws: a usage error of the command if the text is not a value of the option's kind.
    func get() throws(CommandLineError) -> Value? {
        guard let text else { return nil }
        do { return try option.parse(text, today) } catch { throw error.usage(help: command) }
    }

    /// The value of an option the command needs.
    /// - Throws: `missing option '--name <value>'` if it was not given, or as ``get()``.
    func required() throws(CommandLineError) -> Value {
        guard let value = try get() else { throw missing() }
        return value
    }

    /// The usage error for the option when it is not given.
    func missing() -> CommandLineError { .usage("missing option '\(option.spec.usage)'", help: command) }
}
