import BookingCore

extension Subcommand {
    /// `hotel book --client ID (--room NAME | --type TYPE) --from DAY --to DAY [--idempotency-key KEY]`
    static let book = Subcommand(
        spec: CommandSpec(
            name: "book", abstract: "Book a room for a client's stay and print the new booking's id.",
            discussion: "Give --room or --type. Stays are half-open: a guest leaving on the 3rd frees the room for a guest arriving on the 3rd; a stay has at most 366 nights. Two processes booking the same room at once cannot both succeed. With --type, the room is the free one of that type that keeps the calendar tightest: fewest single empty nights left beside the stay, then most sides touching another stay, then the name in byte order; when stderr is a terminal, a line there says which room was chosen (stdout is the id alone). The stay's price is fixed now, night by night, from the rates of the room's type ('hotel rates set'), or is --price on every night; a type with rates must have one on every night of the stay (else exit 1, naming the night); a type without rates books without a price. With --json: the booking as an object, with the room chosen.",
            runsInBatch: true),
        options: Option.client("The client's id, such as 42.").required,
        TargetOptions(room: "The room to book; it must be registered and free for the whole stay.", type: "Book the best free room of this type instead (see below)."),
        StayOptions(from: "The arrival day, YYYY-MM-DD: the first night.", to: "The departure day, YYYY-MM-DD: after the last night."),
        Option.idempotencyKey, Option.price, Flag.json,
        prepare: { (_, client, target, stay, idempotencyKey, price, json) throws(CommandLineError) in
            let request = StayRequest(client: try client.get(), target: try target.get(), stay: try stay.stay(), idempotencyKey: try idempotencyKey.get(), price: try price.get())
            return { (context: Context) throws(CommandLineError) in
                try context.requireStore()
                let booking = try context.run { (desk) throws(HotelError) in try desk.reserve(request) }
                context.noteChosenRoom(of: booking, for: request, "booked")
                context.print(booking, json: json)
            }
        })

    /// `hotel hold (--room NAME | --type TYPE) --from DAY --to DAY [--client ID] [--for DURATION]`
    static let hold = Subcommand(
        spec: CommandSpec(
            name: "hold", abstract: "Hold a room for a stay for a while and print the hold's id.",
            discussion: "A hold blocks its room exactly as a booking does until it expires; from then on it holds nothing and shows as 'expired'. Nothing has to run when it expires: every command and query judges it by the clock. 'hotel confirm ID' turns it into a booking with the same id; 'hotel release ID' ends it at once. With --type, when stderr is a terminal, a line there says which room was chosen (stdout is the id alone). Its price is fixed as 'hotel book' fixes it. With --deposit, a payment ('hotel pay') that brings what was paid toward it to at least the deposit before it expires confirms it in the same append (a hold without a client needs 'hotel pay --client'); a smaller payment is recorded and it stays held; a hold with money paid toward it is not released until that is refunded. With --json: the hold as an object, with its expiresAt.",
            runsInBatch: true),
        options: TargetOptions(room: "The room to hold.", type: "Hold the best free room of this type instead (as 'hotel book --type')."),
        StayOptions.standard, Option.client("The client, if known; 'hotel confirm' can name one later."),
        Option("--for", "duration", "How long the hold lasts: 90s, 15m, 2h, 1d, or several units largest first, such as 1h30m (default 15m, at most 30d).", HoldDuration.init(_:)),
        Option.idempotencyKey, Option.price, Option.amount("--deposit", "What must be paid for the hold to be confirmed by the payment (in the currency set)."), Flag.json,
        prepare: { (_, target, stay, client, duration, idempotencyKey, price, deposit, json) throws(CommandLineError) in
            let request = StayRequest(
                client: try client.get(), target: try target.get(), stay: try stay.stay(), hold: try duration.get() ?? .standard,
                idempotencyKey: try idempotencyKey.get(), price: try price.get(), deposit: try deposit.get())
            return { (context: Context) throws(CommandLineError) in
                try context.requireStore()
                let booking = try context.run { (desk) throws(HotelError) in try desk.reserve(request) }
                context.noteChosenRoom(of: booking, for: request, "held")
                context.print(booking, json: json)
            }
        })
}

extension Context {
    /// For a stay asked for by type, says on stderr which room it got (when stderr is a terminal: ``note(_:)``):
    /// `hotel: booked room '302' (suite)`.
    func noteChosenRoom(of booking: Booking, for request: StayRequest, _ verb: String) {
        guard case .type(let type) = request.target else { return }
        note("\(verb) room '\(booking.room)' (\(type))")
    }
}
