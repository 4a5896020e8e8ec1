import BookingCore

/// `--from <day>` and `--to <day>` as a list filters by them (`bookings`, `blocks`): what has a night on or
/// after `--from` and before `--to`.
struct DayRangeOptions: OptionGroup {
    let from: Option<Day>
    let to: Option<Day>

    /// - Parameter things: what is listed, as the help names it: `bookings`, `blocks`.
    init(of things: String) {
        from = .day("--from", "Only \(things) with a night on or after this day.")
        to = .day("--to", "Only \(things) with a night before this day.")
    }

    var options: [OptionSpec] { from.options + to.options }

    func value(in arguments: ParsedArguments) -> Reader { Reader(from: from.value(in: arguments), to: to.value(in: arguments)) }

    /// What a command reads of ``DayRangeOptions``.
    struct Reader {
        let from: OptionValue<Day>
        let to: OptionValue<Day>

        /// The days given, each optional.
        /// - Throws: `--from X must be before --to Y` when both are given and do not make a stay.
        func get() throws(CommandLineError) -> (from: Day?, to: Day?) {
            let range = (from: try from.get(), to: try to.get())
            if let from = range.from, let to = range.to, from >= to { throw .usage("--from \(from) must be before --to \(to)", help: self.to.command) }
            return range
        }
    }
}
