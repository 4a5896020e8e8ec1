import BookingCore

extension Subcommand {
    /// `hotel folio ID [--json]`
    static let folio = Subcommand(
        spec: CommandSpec(
            name: "folio", abstract: "Print a stay's folio: its nights, extras, fees, payments and refunds, and the balance.",
            arguments: [("booking-id", "The id 'hotel book' or 'hotel hold' printed.")], positionalCount: 1...1,
            discussion: "One line each, DAY<TAB>KIND<TAB>DESCRIPTION<TAB>AMOUNT, KIND one of room, extra, fee, payment, refund: first a room line for each night charged that has a price (every night of a held, active or checked-in stay, the nights stayed of a checked-out one, none of a cancelled, released, expired or no-show one), in night order and dated by the night; then the others in the order recorded, dated by the day recorded (an extra by its --on day). Charges and refunds are positive, payments negative. Then balance<TAB>AMOUNT: what is owed, or negative, what is owing (a credit). With --json: {\"booking\":...,\"lines\":[{\"day\":...,\"kind\":...,\"description\":...,\"amount\":...}],\"balance\":...}."),
        options: AsOfOption(), Flag.json,
        run: { (arguments, context, _, json) throws(CommandLineError) in
            let id = try arguments.bookingID()
            try context.requireStore()
            let statement = try context.query { (desk) throws(HotelError) in try desk.folio(id) }
            if json {
                context.json(.object([
                    "booking": .string(statement.booking.id.rawValue),
                    "lines": .array(statement.lines.map { .object(["day": .string($0.day.description), "kind": .string($0.kind.rawValue), "description": .string($0.description), "amount": .string($0.amount.description)]) }),
                    "balance": .string(statement.balance.description),
                ]))
            } else {
                for line in statement.lines { context.line("\(line.day)\t\(line.kind.rawValue)\t\(line.description)\t\(line.amount)") }
                context.line("balance\t\(statement.balance)")
            }
        })

    /// `hotel balances [--json]`
    static let balances = Subcommand(
        spec: CommandSpec(
            name: "balances", abstract: "List what is owed and what is owing: ID<TAB>CLIENT<TAB>STATUS<TAB>BALANCE.",
            discussion: "Every checked-in, checked-out, cancelled or no-show stay whose balance is not zero, and every stay in credit (a negative balance), by id. With --json: {\"balances\":[{\"id\":...,\"client\":...,\"status\":...,\"balance\":...}]}."),
        options: AsOfOption(), Flag.json,
        run: { (_, context, _, json) throws(CommandLineError) in
            try context.requireStore()
            let (owed, now) = try context.query { (desk) throws(HotelError) in (try desk.balances(), desk.now) }
            if json {
                context.json(.object(["balances": .array(owed.map {
                    .object(["id": .string($0.booking.id.rawValue), "client": $0.booking.client.map { .string($0.rawValue) } ?? .null,
                             "status": .string($0.booking.status(at: now).rawValue), "balance": .string($0.balance.description)])
                })]))
            } else {
                for (booking, balance) in owed { context.line("\(booking.id)\t\(booking.client?.rawValue ?? "-")\t\(booking.status(at: now).rawValue)\t\(balance)") }
            }
        })

    /// `hotel charge ID --amount AMOUNT --what TEXT [--on DAY]`
    static let charge = onBooking(
        "charge", abstract: "Post an extra (breakfast, minibar, parking) to a stay's folio, and print its id.",
        options: OptionList(
            Option.amount("--amount", "What it costs, in the currency set.").required,
            Option("--what", "text", "What was charged, such as breakfast (at most 200 characters).", FolioText.init(_:)).required,
            Option.day("--on", "The day it was for (default: today).")),
        discussion: "To an active, checked-in or checked-out stay. Refused once its folio is closed by an invoice."
    ) { (id, options) throws(CommandLineError) in
        let (amount, what, day) = (try options.0.get(), try options.1.get(), try options.2.get())
        return { (desk) throws(HotelError) in try desk.post(.extra, to: id, amount: amount, on: day, what: what) }
    }

    /// `hotel pay ID --amount AMOUNT [--method cash|card|transfer|other] [--reference TEXT]`
    static let pay = onBooking(
        "pay", abstract: "Record a payment toward a stay, and print its id.",
        options: OptionList(
            Option.amount("--amount", "What was paid, in the currency set.").required,
            Option.method, Option("--reference", "text", "A reference, such as a card slip or transfer number (at most 200 characters).", FolioText.init(_:)),
            Option.client("The client a hold is confirmed for by this payment (required for a hold made without one; checked against the hold's client otherwise); refused for a payment that confirms nothing.")),
        discussion: "Dated today. More than the balance leaves a credit. A payment on an expired or released hold is refused: nothing is taken. A payment that brings what was paid toward a hold to at least its deposit ('hotel hold --deposit') confirms the hold in the same append: it becomes active, as 'hotel confirm' makes it."
    ) { (id, options) throws(CommandLineError) in
        let (amount, method, reference, client) = (try options.0.get(), try options.1.get() ?? .other, try options.2.get(), try options.3.get())
        return { (desk) throws(HotelError) in try desk.post(.payment, to: id, amount: amount, method: method, reference: reference, client: client) }
    }

    /// `hotel refund ID --amount AMOUNT [--method ...]`
    static let refund = onBooking(
        "refund", abstract: "Record money paid toward a stay and given back, and print its id.",
        options: OptionList(Option.amount("--amount", "What was given back, in the currency set.").required, Option.method),
        discussion: "Dated today; at most what was paid and not yet refunded."
    ) { (id, options) throws(CommandLineError) in
        let (amount, method) = (try options.0.get(), try options.1.get() ?? .other)
        return { (desk) throws(HotelError) in try desk.post(.refund, to: id, amount: amount, method: method) }
    }
}

extension Option where Value == PaymentMethod {
    /// `--method cash|card|transfer|other`.
    static let method = Option("--method", "method", "How: cash, card, transfer or other (default other).", PaymentMethod.init(_:))
}
