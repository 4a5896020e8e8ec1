import BookingCore

extension Subcommand {
    /// `hotel rates --type TYPE --from DAY (--to DAY | --nights N) [--json]`
    static let ratesList = Subcommand(
        spec: CommandSpec(
            name: "rates", abstract: "List the price of each night of a stay in a room of a type.",
            discussion: "One line a night: DAY<TAB>PRICE, the price set by 'hotel rates set' that covers the night ('-' where none does). 'hotel rates list' is the same. With --json: {\"type\":...,\"nights\":[{\"night\":\"2024-05-01\",\"price\":\"120.00\"},...]} (price null where none)."),
        options: Option.type("The room type.").required, StayOptions(from: "The first night, YYYY-MM-DD.", to: "The day after the last night, YYYY-MM-DD."), AsOfOption(), Flag.json,
        run: { (_, context, type, stay, _, json) throws(CommandLineError) in
            let type = try type.get()
            let stay = try stay.stay()
            try context.requireStore()
            let nights = try context.query { (desk) throws(HotelError) in try desk.rates(of: type, for: stay) }
            if json {
                context.json(.object([
                    "type": .string(type.rawValue),
                    "nights": .array(nights.map { .object(["night": .string($0.night.description), "price": $0.price.map { .string($0.description) } ?? .null]) }),
                ]))
            } else {
                for (night, price) in nights { context.line("\(night)\t\(price?.description ?? "-")") }
            }
        })

    /// `hotel rates set --type TYPE --price AMOUNT [--from DAY (--to DAY | --nights N)] [--days mon,fri,...]`
    static let ratesSet = Subcommand(
        spec: CommandSpec(
            name: "rates set", abstract: "Set the price of a night in a room of a type, and print the type.",
            discussion: "On every night, or on the nights from --from to before --to (or --nights of them), or only on the weekdays --days names among them. --days that cover none of the nights given is a usage error. A later setting wins on the nights it covers; the stays already booked keep their prices. The price is a decimal with at most the currency's minor digits (120, 120.50 in EUR), no sign or separators. Refused (exit 1) with no currency set: 'hotel settings set currency EUR' sets one.",
            runsInBatch: true),
        options: Option.type("The room type, one the hotel has.").required,
        Option.amount("--price", "The price of one night, in the currency set.").required,
        StayOptions(from: "The first night priced, YYYY-MM-DD (default: every night).", to: "The day after the last night priced.", required: false),
        Option("--days", "days", "Only these weekdays, such as sat,sun or mon,tue,wed,thu,fri.", Weekday.list),
        prepare: { (arguments, type, price, stay, days) throws(CommandLineError) in
            let type = try type.get()
            let price = try price.get()
            let arrival = try stay.arrival()
            let departure = try stay.departure(after: arrival)
            let days = try days.get() ?? []
            var nights: Stay?
            switch (arrival, departure) {
            case (nil, nil):
                if try stay.nightCount() != nil { throw .usage("--nights needs --from", help: arguments.spec.name) }
            case (nil, _?): throw .usage("--to needs --from", help: arguments.spec.name)
            case (_?, nil): throw .usage("missing option '--to <day>' (or '--nights <n>') after --from", help: arguments.spec.name)
            case (let from?, let to?):
                do throws(InvalidValue) { nights = try Stay(arrival: from, departure: to) } catch { throw .invalid(error, help: arguments.spec.name) }
            }
            // A rule that would price nothing is a mistake in the command, not a rate.
            if let nights, !RateRule(type: type, price: .zero, nights: nights, days: days).coversAnyNight {
                throw .usage("--days \(days.map(\.name).joined(separator: ",")) covers no night of \(nights)", help: arguments.spec.name)
            }
            return { (context: Context) throws(CommandLineError) in
                try context.requireStore()
                try context.run { (desk) throws(HotelError) in try desk.setRate(type, price: price, nights: nights, days: days) }
                context.line(type.rawValue)
            }
        })

    /// `hotel quote (--room R | --type TYPE) --from DAY (--to DAY | --nights N) [--json]`
    static let quote = Subcommand(
        spec: CommandSpec(
            name: "quote", abstract: "Price a stay at the current rates, night by night; records nothing.",
            discussion: "One line a night, DAY<TAB>PRICE, then total<TAB>SUM. A room is priced by its type. A night no rate covers is refused (exit 1), naming it. With --json: {\"type\":...,\"nights\":[{\"night\":...,\"price\":...}],\"total\":...}."),
        options: TargetOptions(room: "Price a stay in this room (by its type).", type: "Price a stay in a room of this type."), StayOptions.standard, AsOfOption(), Flag.json,
        run: { (_, context, target, stay, _, json) throws(CommandLineError) in
            let target = try target.get()
            let stay = try stay.stay()
            try context.requireStore()
            let quote = try context.query { (desk) throws(HotelError) in try desk.quote(target, for: stay) }
            if json {
                context.json(.object([
                    "type": .string(quote.type.rawValue),
                    "nights": .array(zip(quote.nights, quote.prices).map { .object(["night": .string($0.description), "price": .string($1.description)]) }),
                    "total": .string(quote.total.description),
                ]))
            } else {
                for (night, price) in zip(quote.nights, quote.prices) { context.line("\(night)\t\(price)") }
                context.line("total\t\(quote.total)")
            }
        })
}
