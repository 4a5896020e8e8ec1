/// A command of the tool: what it accepts, and what it does with a store.
struct Subcommand: Sendable {
    let spec: CommandSpec
    let run: @Sendable (ParsedArguments, Context) throws(CommandLineError) -> Void
    /// For a write command (one a batch runs): reads its words into what it does, without touching the store:
    /// every option's value parsed and every usage error found, so that a batch refuses a line it cannot run
    /// before it runs any. Nil for the other commands. (`run` is `prepare`, then what it returns.)
    let prepare: (@Sendable (ParsedArguments) throws(CommandLineError) -> Prepared)?

    /// What a write command does once its words are read: its work on the store and what it prints.
    typealias Prepared = (Context) throws(CommandLineError) -> Void

    /// A command that declares the option groups `groups` and reads them in `run`, which gets the parsed
    /// words (for the positional arguments), the context, and one typed value for each group, in order.
    init<each Group: OptionGroup>(
        spec: CommandSpec, options groups: repeat each Group,
        run: @escaping @Sendable (ParsedArguments, Context, repeat (each Group).Value) throws(CommandLineError) -> Void
    ) {
        var options: [OptionSpec] = []
        for group in repeat each groups { options += group.options }
        self.spec = spec.declaring(options)
        self.run = { (arguments, context) throws(CommandLineError) in try run(arguments, context, repeat (each groups).value(in: arguments)) }
        self.prepare = nil
    }

    /// A write command that declares the option groups `groups`: `prepare` gets the parsed words and one typed
    /// value for each group, reads every option it takes (each usage error is found here), and returns what
    /// the command then does in a context.
    init<each Group: OptionGroup>(
        spec: CommandSpec, options groups: repeat each Group,
        prepare: @escaping @Sendable (ParsedArguments, repeat (each Group).Value) throws(CommandLineError) -> Prepared
    ) {
        var options: [OptionSpec] = []
        for group in repeat each groups { options += group.options }
        self.spec = spec.declaring(options)
        let prepared: @Sendable (ParsedArguments) throws(CommandLineError) -> Prepared = { (arguments) throws(CommandLineError) in
            try prepare(arguments, repeat (each groups).value(in: arguments))
        }
        self.prepare = prepared
        self.run = { (arguments, context) throws(CommandLineError) in try prepared(arguments)(context) }
    }
}
