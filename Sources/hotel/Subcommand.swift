/// A command of the tool: what it accepts, and what it does with a store.
struct Subcommand: Sendable {
    let spec: CommandSpec
    let run: @Sendable (ParsedArguments, Context) throws(CommandLineError) -> Void

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
    }
}
