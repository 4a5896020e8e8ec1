import BookingCore

/// A stay, as every command that takes one declares it: `--from <day>` and `--to <day>`, or `--nights <n>`
/// instead of `--to`. Each command words the help its own way.
struct StayOptions: OptionGroup {
    let from: Option<Day>
    let to: Option<Day>
    let nights: Option<Int>

    /// - Parameters:
    ///   - required: whether `--from` is required (and shown so); `change` takes a stay in part.
    init(from: String, to: String, nights: String = "The number of nights, instead of --to.", required: Bool = true) {
        var from = Option.day("--from", from)
        if required { from = from.required.option }
        self.from = from
        self.to = .day("--to", to)
        self.nights = .nights(nights)
    }

    /// The stay as `hold`, `free` and `availability` word it.
    static let standard = StayOptions(from: "The arrival day, YYYY-MM-DD.", to: "The departure day, YYYY-MM-DD.")

    var options: [OptionSpec] { from.options + to.options + nights.options }

    func value(in arguments: ParsedArguments) -> Reader {
        Reader(from: from.value(in: arguments), to: to.value(in: arguments), nights: nights.value(in: arguments))
    }

    /// What a command reads of ``StayOptions``.
    struct Reader {
        let from: OptionValue<Day>
        let to: OptionValue<Day>
        let nights: OptionValue<Int>

        /// `--from`, if given.
        func arrival() throws(CommandLineError) -> Day? { try from.get() }

        /// `--nights`, if given.
        func nightCount() throws(CommandLineError) -> Int? { try nights.get() }

        /// The departure of `--to`, or `arrival` plus `--nights`; nil if neither is given (or only `--nights`
        /// without an arrival).
        /// - Throws: `give --to or --nights, not both`, or a usage error for an invalid value.
        func departure(after arrival: Day?) throws(CommandLineError) -> Day? {
            let to = try to.get(), nights = try nights.get()
            if to != nil, nights != nil { throw .usage("give --to or --nights, not both", help: self.to.command) }
            guard let nights else { return to }
            return arrival?.adding(days: nights)
        }

        /// The stay `--from` and `--to` (or `--nights`) give, both required; at most ``Stay/maximumNights`` nights.
        func stay() throws(CommandLineError) -> Stay {
            let arrival = try from.required()
            guard let departure = try departure(after: arrival) else {
                throw .usage("missing option '--to <day>' (or '--nights <n>')", help: to.command)
            }
            do { return try Stay(arrival: arrival, departure: departure).checkedLength() } catch { throw .invalid(error, help: to.command) }
        }
    }
}
