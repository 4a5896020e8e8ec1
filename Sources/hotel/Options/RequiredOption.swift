/// An option the command needs, read as a value (its absence is a usage error when the command reads it).
struct RequiredOption<Value>: OptionGroup {
    let option: Option<Value>

    var options: [OptionSpec] { option.options }

    func value(in arguments: ParsedArguments) -> Reader { Reader(value: option.value(in: arguments)) }

    /// What a command reads of a ``RequiredOption``.
    struct Reader {
        let value: OptionValue<Value>

        /// The value.
        /// - Throws: `missing option '--name <value>'`, or a usage error for text that is not a value.
        func get() throws(CommandLineError) -> Value { try value.required() }
    }
}
