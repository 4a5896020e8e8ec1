import BookingCore

/// `--as-of <pos|time>`: a query answers as the hotel stood at that point of the log. The command line reads
/// it before the store is opened (``point(in:)``), for the ``Context`` every query runs in; a command only
/// declares it.
struct AsOfOption: OptionGroup {
    static let option = Option(
        "--as-of", "pos|time",
        "Answer as the hotel stood after this log position, or at this time (YYYY-MM-DD, or ISO 8601 such as 2024-05-01T12:00:00Z).",
        HistoryPoint.init(_:))

    var options: [OptionSpec] { Self.option.options }

    /// Nothing for the command itself: the context answers as of the point.
    func value(in arguments: ParsedArguments) {}

    /// The point `--as-of` names, if the command declares it and it is given.
    /// - Throws: a usage error if it is not a log position or a time.
    static func point(in arguments: ParsedArguments) throws(CommandLineError) -> HistoryPoint? {
        try option.value(in: arguments).get()
    }
}
