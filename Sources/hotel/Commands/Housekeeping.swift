import BookingCore

extension Subcommand {
    /// `hotel clean ROOM...`, `hotel inspect ROOM...`, `hotel dirty ROOM... [--reason TEXT]`
    static func roomStatus(_ status: HousekeepingStatus, abstract: String, discussion: String) -> Subcommand {
        Subcommand(
            spec: CommandSpec(
                name: status == .clean ? "clean" : status == .inspected ? "inspect" : "dirty", abstract: abstract,
                arguments: [("room", "Registered room names.")], positionalCount: 1...Int.max,
                discussion: discussion + " Prints the rooms, one a line; nothing is recorded for a room already so (unless 'dirty' gives a reason). An unknown room refuses them all (exit 1). 'hotel housekeeping' lists every room's status.",
                runsInBatch: true),
            options: Option.reason("Why (dirty only: a spill, a late check-out's mess; at most 200 characters)."),
            prepare: { (arguments, reason) throws(CommandLineError) in
                var rooms: [RoomName] = []
                for text in arguments.positionals {
                    let room = try arguments.parse(text, RoomName.init(_:))
                    if !rooms.contains(room) { rooms.append(room) }
                }
                let reason = try reason.get()
                if reason != nil, status != .dirty { throw .usage("--reason is for 'hotel dirty' only", help: arguments.spec.name) }
                return { (context: Context) throws(CommandLineError) in
                    try context.requireStore()
                    try context.run { (desk) throws(HotelError) in try desk.setRoomStatus(rooms, to: status, reason: reason) }
                    for room in rooms { context.line(room.rawValue) }
                }
            })
    }

    static let clean = roomStatus(.clean, abstract: "Record rooms as cleaned (ready for a guest), and print them.",
        discussion: "A check-out leaves its room dirty (so does moving a checked-in guest out of it); a new room is clean.")
    static let inspect = roomStatus(.inspected, abstract: "Record rooms as inspected (cleaned and checked), and print them.",
        discussion: "An inspected room is ready for a guest, as a clean one is.")
    static let dirty = roomStatus(.dirty, abstract: "Record rooms as dirty (not ready for a guest), and print them.",
        discussion: "A check-in to a dirty room is refused unless 'hotel checkin --dirty-ok'.")

    /// `hotel housekeeping [--on DAY] [--status S]... [--json]`
    static let housekeeping = Subcommand(
        spec: CommandSpec(
            name: "housekeeping", abstract: "List the rooms' housekeeping: ROOM<TAB>STATUS<TAB>OCCUPANCY<TAB>NEXT_ARRIVAL.",
            discussion: "One line a registered room. STATUS is clean, dirty or inspected, as it stands now. OCCUPANCY is what the day (default today) holds for the room: vacant, occupied (a guest stays the night), due-out (a checked-in guest leaves that day, or is past the departure and still there) or arrival (vacant, and a stay arrives that day). NEXT_ARRIVAL is the id of the next booking or hold to arrive in the room, on the day or after ('-' if none). Rooms with an arrival that day that are not clean or inspected come first, then by name. With --json: {\"day\":...,\"rooms\":[{\"room\",\"status\",\"occupancy\",\"nextArrival\"}]} (nextArrival null where none)."),
        options: Option.onDay,
        RepeatedOption("--status", "status", "Only rooms with this status (clean, dirty, inspected); repeat for several.", parse: HousekeepingStatus.parse),
        Flag.json
    ) { (_, context, on, statuses, json) throws(CommandLineError) in
        let on = try on.get()
        let statuses = Set(try statuses.get())
        try context.requireStore()
        let day = on ?? context.today
        let lines = try context.query { (desk) throws(HotelError) in try desk.housekeeping(on: day, statuses: statuses) }
        if json {
            context.json(.object(["day": .string(day.description), "rooms": .array(lines.map { line in
                .object(["room": .string(line.room.rawValue), "status": .string(line.status.rawValue), "occupancy": .string(line.occupancy.rawValue),
                         "nextArrival": line.nextArrival.map { .string($0.rawValue) } ?? .null])
            })]))
        } else {
            for line in lines {
                context.line([line.room.rawValue, line.status.rawValue, line.occupancy.rawValue, line.nextArrival?.rawValue ?? "-"].joined(separator: "\t"))
            }
        }
    }
}

extension HousekeepingStatus {
    /// `--status`'s value: clean, dirty or inspected.
    static func parse(_ text: String) throws(OptionValueError) -> HousekeepingStatus {
        guard let status = HousekeepingStatus(rawValue: text) else {
            let names = allCases.map(\.rawValue)
            throw .refused("unknown status '\(InvalidValue.shown(text))'\(EditDistanceHint.suggestion(for: text, among: names)); one of \(names.joined(separator: ", "))")
        }
        return status
    }
}
