import BookingCore

extension Subcommand {
    /// `hotel bookings [--client ID] [--room NAME] [--from DAY] [--to DAY]`
    static let bookings = Subcommand(
        spec: CommandSpec(
            name: "bookings", abstract: "List bookings, active and cancelled, one a line.",
            options: [
                .value("--client", "id", "Only this client's bookings."),
                .value("--room", "name", "Only bookings of this room."),
                .value("--from", "day", "Only bookings with a night on or after this day."),
                .value("--to", "day", "Only bookings with a night before this day."),
                .json,
            ],
            discussion: "Each line has six tab-separated fields: id, client, room, arrival, departure, status (active or cancelled), ordered by arrival, then room, then id. With --json: {\"bookings\":[{...}]}."
        ),
        run: { (arguments, context) throws(CommandLineError) in
            var filter = BookingFilter()
            if let text = arguments.values["--client"] { filter.client = try arguments.parse(text, ClientID.init(_:)) }
            if let text = arguments.values["--room"] { filter.room = try arguments.parse(text, RoomName.init(_:)) }
            if let text = arguments.values["--from"] { filter.from = try arguments.parse(text, Day.init(_:)) }
            if let text = arguments.values["--to"] { filter.to = try arguments.parse(text, Day.init(_:)) }
            if let from = filter.from, let to = filter.to, from >= to {
                throw .usage("--from \(from) must be before --to \(to)", help: arguments.spec.name)
            }
            try context.requireStore()
            // Streamed: a million bookings are never all in memory, in text or in JSON.
            let json = arguments.has("--json")
            var first = true
            if json { context.append(#"{"bookings":["#) }
            try context.query { (desk) throws(HotelError) in
                try desk.forEachBooking(matching: filter) { booking in
                    if json {
                        context.append((first ? "" : ",") + JSONWriter.string(booking.json))
                        first = false
                    } else {
                        context.line(booking.line)
                    }
                }
            }
            if json { context.line("]}") }
        })
}
