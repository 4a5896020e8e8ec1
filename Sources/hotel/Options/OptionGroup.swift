/// Options a command declares together and reads as one typed value: a single option (``Option``), a flag
/// (``Flag``), or a group several commands share (``StayOptions``: `--from`, `--to`, `--nights`).
///
/// A command lists its groups in ``Subcommand/init(spec:options:run:)``; their specs make its help, man page
/// section, completions and what the parser accepts, and its `run` gets one ``Value`` for each group, in
/// order. There is no other way to read an option, so an option is read only where it is declared, and a
/// misspelt one does not compile.
protocol OptionGroup: Sendable {
    /// What the command reads: `Bool` for a flag; for options with values, a reader whose methods parse
    /// the text when the command asks, so that errors come in the order the command reads its options.
    associatedtype Value

    /// The options, in the order help lists them.
    var options: [OptionSpec] { get }

    /// The group's value in the words parsed for a command.
    func value(in arguments: ParsedArguments) -> Value
}
