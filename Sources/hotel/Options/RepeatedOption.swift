import BookingCore

/// An option that may be given several times, read as its values in order: `--status held --status active`.
struct RepeatedOption<Value>: OptionGroup {
    let option: Option<Value>

    /// - Parameter parse: makes one value from one text, as an ``Option``'s does.
    init(_ name: String, _ valueName: String, _ help: String, parse: @escaping @Sendable (String) throws(OptionValueError) -> Value) {
        let spec = OptionSpec(name: name, valueName: valueName, help: help, isRepeatable: true)
        option = Option(spec: spec) { (text, _) throws(OptionValueError) in try parse(text) }
    }

    /// An option whose values `make` makes, such as `RoomName.init(_:)`.
    init(_ name: String, _ valueName: String, _ help: String, _ make: @escaping @Sendable (String) throws(InvalidValue) -> Value) {
        self.init(name, valueName, help) { (text) throws(OptionValueError) in
            do throws(InvalidValue) { return try make(text) } catch { throw .invalid(error) }
        }
    }

    var options: [OptionSpec] { option.options }

    func value(in arguments: ParsedArguments) -> Reader {
        Reader(values: arguments.texts(of: option.spec).map { OptionValue(option: option, text: $0, command: arguments.spec.name, today: arguments.today) })
    }

    /// What a command reads of a ``RepeatedOption``.
    struct Reader {
        let values: [OptionValue<Value>]

        /// Every value given, in order (empty if none was).
        /// - Throws: a usage error for the first text that is not a value.
        func get() throws(CommandLineError) -> [Value] {
            var result: [Value] = []
            for value in values { if let parsed = try value.get() { result.append(parsed) } }
            return result
        }
    }
}
