import BookingCore

extension Subcommand {
    /// `hotel free --from DAY --to DAY [--type TYPE]`
    static let free = Subcommand(
        spec: CommandSpec(
            name: "free", abstract: "List the rooms free for a whole stay, one a line, in byte order of their names.",
            options: [
                .value("--from", "day", "The arrival day, YYYY-MM-DD.", required: true),
                .value("--to", "day", "The departure day, YYYY-MM-DD."),
                .value("--nights", "n", "The number of nights, instead of --to."),
                .value("--type", "type", "Only rooms of this type."),
                .asOf,
                .json,
            ],
            discussion: "A room is free when no active or checked-in booking, unexpired hold or block holds it for a night of the stay. With --json: {\"from\":...,\"to\":...,\"rooms\":[...]}."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            let stay = try arguments.stay()
            let type = try arguments.optional("--type", RoomType.init(_:))
            try context.requireStore()
            let rooms = try context.query { (desk) throws(HotelError) in try desk.freeRooms(for: stay, ofType: type) }
            if arguments.has("--json") {
                context.json(.object([
                    "from": .string(stay.arrival.description), "to": .string(stay.departure.description),
                    "rooms": .array(rooms.map { .string($0.rawValue) }),
                ]))
            } else {
                for room in rooms { context.line(room.rawValue) }
            }
        })

    /// `hotel availability --from DAY --to DAY`
    static let availability = Subcommand(
        spec: CommandSpec(
            name: "availability", abstract: "For each room type, how many of its rooms are free for a whole stay.",
            options: [
                .value("--from", "day", "The arrival day, YYYY-MM-DD.", required: true),
                .value("--to", "day", "The departure day, YYYY-MM-DD."),
                .value("--nights", "n", "The number of nights, instead of --to."),
                .asOf,
                .json,
            ],
            discussion: "One line per type, in byte order of the type: TYPE, FREE and TOTAL separated by tabs. With --json: {\"from\":...,\"to\":...,\"types\":[{\"type\":...,\"free\":...,\"total\":...}]}."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            let stay = try arguments.stay()
            try context.requireStore()
            let types = try context.query { (desk) throws(HotelError) in try desk.availability(for: stay) }
            if arguments.has("--json") {
                context.json(.object([
                    "from": .string(stay.arrival.description), "to": .string(stay.departure.description),
                    "types": .array(types.map { .object(["type": .string($0.type.rawValue), "free": .integer($0.free), "total": .integer($0.total)]) }),
                ]))
            } else {
                for type in types { context.line("\(type.type)\t\(type.free)\t\(type.total)") }
            }
        })
}
