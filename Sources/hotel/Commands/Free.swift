import BookingCore

extension Subcommand {
    /// `hotel free --from DAY --to DAY`
    static let free = Subcommand(
        spec: CommandSpec(
            name: "free", abstract: "List the rooms free for a whole stay, one a line, in byte order of their names.",
            options: [
                .value("--from", "day", "The arrival day, YYYY-MM-DD.", required: true),
                .value("--to", "day", "The departure day, YYYY-MM-DD.", required: true),
                .json,
            ],
            discussion: "A room is free when no active booking of it shares a night with the stay. With --json: {\"from\":...,\"to\":...,\"rooms\":[...]}."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            let stay = try arguments.stay()
            try context.requireStore()
            let rooms = try context.query { (desk) throws(HotelError) in try desk.freeRooms(for: stay) }
            if arguments.has("--json") {
                context.json(.object([
                    "from": .string(stay.arrival.description), "to": .string(stay.departure.description),
                    "rooms": .array(rooms.map { .string($0.rawValue) }),
                ]))
            } else {
                for room in rooms { context.line(room.rawValue) }
            }
        })
}
