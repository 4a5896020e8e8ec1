import BookingCore

extension Subcommand {
    /// `hotel free --from DAY --to DAY [--type TYPE]`
    static let free = Subcommand(
        spec: CommandSpec(
            name: "free", abstract: "List the rooms free for a whole stay, one a line, in byte order of their names.",
            discussion: "A room is free when no active or checked-in booking, unexpired hold or block holds it for a night of the stay. With --json: {\"from\":...,\"to\":...,\"rooms\":[...]}."),
        options: StayOptions.standard, Option.type("Only rooms of this type."), AsOfOption(), Flag.json
    ) { (_, context, stay, type, _, json) throws(CommandLineError) in
        let stay = try stay.stay()
        let type = try type.get()
        try context.requireStore()
        let rooms = try context.query { (desk) throws(HotelError) in try desk.freeRooms(for: stay, ofType: type) }
        if json {
            context.json(.object([
                "from": .string(stay.arrival.description), "to": .string(stay.departure.description),
                "rooms": .array(rooms.map { .string($0.rawValue) }),
            ]))
        } else {
            for room in rooms { context.line(room.rawValue) }
        }
    }

    /// `hotel availability --from DAY --to DAY`
    static let availability = Subcommand(
        spec: CommandSpec(
            name: "availability", abstract: "For each room type, how many of its rooms are free for a whole stay.",
            discussion: "One line per type, in byte order of the type: TYPE, FREE and TOTAL separated by tabs (on a terminal, aligned columns under a header line; --tsv gives the lines there too). With --json: {\"from\":...,\"to\":...,\"types\":[{\"type\":...,\"free\":...,\"total\":...}]}."),
        options: StayOptions.standard, AsOfOption(), ListFormat()
    ) { (_, context, stay, _, format) throws(CommandLineError) in
        let stay = try stay.stay()
        let format = try format.get()
        try context.requireStore()
        let types = try context.query { (desk) throws(HotelError) in try desk.availability(for: stay) }
        if format == .json {
            context.json(.object([
                "from": .string(stay.arrival.description), "to": .string(stay.departure.description),
                "types": .array(types.map { .object(["type": .string($0.type.rawValue), "free": .integer($0.free), "total": .integer($0.total)]) }),
            ]))
        } else {
            context.table(
                [Table.Column("TYPE"), Table.Column("FREE", .right), Table.Column("TOTAL", .right)], tsv: format == .tsv,
                rows: types.map { [$0.type.rawValue, String($0.free), String($0.total)] })
        }
    }
}
