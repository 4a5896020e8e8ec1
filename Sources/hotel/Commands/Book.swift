import BookingCore

extension OptionSpec {
    static let idempotencyKey = value(
        "--idempotency-key", "key", "Name this request: a repeat with the same key and arguments records nothing and prints the same id.")
    static let roomType = value("--type", "type", "A room type, such as double or suite.")
}

extension ParsedArguments {
    /// `--room NAME` or `--type TYPE`: exactly one.
    func target() throws(CommandLineError) -> StayRequest.Target {
        switch (values["--room"], values["--type"]) {
        case (let room?, nil): return .room(try parse(room, RoomName.init(_:)))
        case (nil, let type?): return .type(try parse(type, RoomType.init(_:)))
        case (.some, .some): throw .usage("give --room or --type, not both", help: spec.name)
        case (nil, nil): throw .usage("missing option '--room <name>' or '--type <type>'", help: spec.name)
        }
    }
}

extension Subcommand {
    /// `hotel book --client ID (--room NAME | --type TYPE) --from DAY --to DAY [--idempotency-key KEY]`
    static let book = Subcommand(
        spec: CommandSpec(
            name: "book", abstract: "Book a room for a client's stay and print the new booking's id.",
            options: [
                .value("--client", "id", "The client's id, such as 42.", required: true),
                .value("--room", "name", "The room to book; it must be registered and free for the whole stay."),
                .value("--type", "type", "Book the best free room of this type instead (see below)."),
                .value("--from", "day", "The arrival day, YYYY-MM-DD: the first night.", required: true),
                .value("--to", "day", "The departure day, YYYY-MM-DD: after the last night."),
                .value("--nights", "n", "The number of nights, instead of --to."),
                .idempotencyKey,
                .json,
            ],
            discussion: "Give --room or --type. Stays are half-open: a guest leaving on the 3rd frees the room for a guest arriving on the 3rd; a stay has at most 366 nights. Two processes booking the same room at once cannot both succeed. With --type, the room is the free one of that type that keeps the calendar tightest: fewest single empty nights left beside the stay, then most sides touching another stay, then the name in byte order. With --json: the booking as an object, with the room chosen."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            let request = StayRequest(
                client: try arguments.parse(arguments.required("--client"), ClientID.init(_:)), target: try arguments.target(),
                stay: try arguments.stay(), idempotencyKey: try arguments.optional("--idempotency-key", IdempotencyKey.init(_:)))
            let booking = try context.run { (desk) throws(HotelError) in try desk.reserve(request) }
            context.print(booking, json: arguments.has("--json"))
        })

    /// `hotel hold (--room NAME | --type TYPE) --from DAY --to DAY [--client ID] [--for DURATION]`
    static let hold = Subcommand(
        spec: CommandSpec(
            name: "hold", abstract: "Hold a room for a stay for a while and print the hold's id.",
            options: [
                .value("--room", "name", "The room to hold."),
                .value("--type", "type", "Hold the best free room of this type instead (as 'hotel book --type')."),
                .value("--from", "day", "The arrival day, YYYY-MM-DD.", required: true),
                .value("--to", "day", "The departure day, YYYY-MM-DD."),
                .value("--nights", "n", "The number of nights, instead of --to."),
                .value("--client", "id", "The client, if known; 'hotel confirm' can name one later."),
                .value("--for", "duration", "How long the hold lasts: 90s, 15m, 2h or 1d (default 15m, at most 30d)."),
                .idempotencyKey,
                .json,
            ],
            discussion: "A hold blocks its room exactly as a booking does until it expires; from then on it holds nothing and shows as 'expired'. Nothing has to run when it expires: every command and query judges it by the clock. 'hotel confirm ID' turns it into a booking with the same id; 'hotel release ID' ends it at once. With --json: the hold as an object, with its expiresAt."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            let request = StayRequest(
                client: try arguments.optional("--client", ClientID.init(_:)), target: try arguments.target(), stay: try arguments.stay(),
                hold: try arguments.optional("--for", HoldDuration.init(_:)) ?? .standard,
                idempotencyKey: try arguments.optional("--idempotency-key", IdempotencyKey.init(_:)))
            let booking = try context.run { (desk) throws(HotelError) in try desk.reserve(request) }
            context.print(booking, json: arguments.has("--json"))
        })
}
