/// A command of the tool: what it accepts, and what it does with a store.
struct Subcommand: Sendable {
    let spec: CommandSpec
    let run: @Sendable (ParsedArguments, Context) throws(CommandLineError) -> Void
}
