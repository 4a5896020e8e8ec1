import BookingCore

extension Subcommand {
    /// `hotel block --room NAME --from DAY --to DAY [--reason TEXT]`
    static let block = Subcommand(
        spec: CommandSpec(
            name: "block", abstract: "Take a room out of service for some nights and print the block's id.",
            options: [
                .value("--room", "name", "The room.", required: true),
                .value("--from", "day", "The first night out of service, YYYY-MM-DD.", required: true),
                .value("--to", "day", "The day it is back in service, YYYY-MM-DD."),
                .value("--nights", "n", "The number of nights, instead of --to."),
                .value("--reason", "text", "Why, such as repairs (at most 200 characters)."),
                .json,
            ],
            discussion: "Refused, naming the booking, if an active, held or checked-in stay (or another block) is in the way. A block takes the room out of 'free', 'availability' and 'book --type', and a booking onto it is refused naming the block. 'hotel unblock ID' ends it. With --json: the block as an object."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            let room = try arguments.parse(arguments.required("--room"), RoomName.init(_:))
            let stay = try arguments.stay()
            let reason = try arguments.optional("--reason", Reason.init(_:))
            try context.requireStore()
            let id = try context.run { (desk) throws(HotelError) in try desk.block(room: room, stay: stay, reason: reason) }
            context.print(Booking(id: id, kind: .block, client: nil, room: room, stay: stay, status: .active, reason: reason?.rawValue), json: arguments.has("--json"))
        })

    /// `hotel blocks [--from DAY] [--to DAY]`
    static let blocks = Subcommand(
        spec: CommandSpec(
            name: "blocks", abstract: "List the blocks (rooms out of service), one a line.",
            options: [
                .value("--from", "day", "Only blocks with a night on or after this day."),
                .value("--to", "day", "Only blocks with a night before this day."),
                .asOf,
                .json,
            ],
            discussion: "Each line has six tab-separated fields: id, room, first night, day back in service, status (active or ended), reason (empty if none), ordered by the first night, then room, then id. With --json: {\"blocks\":[{...}]}."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            var filter = BookingFilter(from: try arguments.day("--from"), to: try arguments.day("--to"))
            if let from = filter.from, let to = filter.to, from >= to { throw .usage("--from \(from) must be before --to \(to)", help: "blocks") }
            filter.kind = .block
            try context.requireStore()
            filter.now = context.now
            try context.list(matching: filter, json: arguments.has("--json"), key: "blocks")
        })
}
