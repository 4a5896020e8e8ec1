import BookingCore

extension Subcommand {
    /// `hotel rooms [--type TYPE]` or `hotel rooms list [--type TYPE]`
    static let roomsList = Subcommand(
        spec: CommandSpec(
            name: "rooms", abstract: "List the registered rooms, one a line, in byte order of their names.",
            discussion: "'hotel rooms list' is the same. With --json: {\"rooms\":[{\"room\":\"Blue\",\"type\":\"double\"},...]}."),
        options: Option.type("Only rooms of this type."), AsOfOption(), Flag.json,
        run: { (_, context, type, _, json) throws(CommandLineError) in
            let type = try type.get()
            try context.requireStore()
            let rooms = try context.query { (desk) throws(HotelError) in try desk.rooms(ofType: type) }
            if json {
                context.json(.object(["rooms": .array(rooms.map { .object(["room": .string($0.name.rawValue), "type": .string($0.type.rawValue)]) })]))
            } else {
                for room in rooms { context.line(room.name.rawValue) }
            }
        })
}
