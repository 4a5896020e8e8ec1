import BookingCore

extension Subcommand {
    /// `hotel rooms` or `hotel rooms list`
    static let roomsList = Subcommand(
        spec: CommandSpec(
            name: "rooms", abstract: "List the registered rooms, one a line, in byte order of their names.",
            options: [.json],
            discussion: "'hotel rooms list' is the same. With --json: {\"rooms\":[\"Blue\",...]}."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            try context.requireStore()
            let rooms = try context.query { (desk) throws(HotelError) in try desk.rooms() }
            if arguments.has("--json") {
                context.json(.object(["rooms": .array(rooms.map { .string($0.rawValue) })]))
            } else {
                for room in rooms { context.line(room.rawValue) }
            }
        })
}
