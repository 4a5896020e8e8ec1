import BookingCore

extension Subcommand {
    /// `hotel bookings [--client ID] [--room NAME] [--type TYPE] [--from DAY] [--to DAY] [--status S]...`
    static let bookings = Subcommand(
        spec: CommandSpec(
            name: "bookings", abstract: "List bookings and holds, whatever their status, one a line.",
            discussion: "Each line has six tab-separated fields: id, client ('-' for a hold made without one), room, arrival, departure, status, ordered by arrival, then room, then id. A status is one of held, expired (a hold past its expiry), released, active, checked-in, checked-out, cancelled, no-show. Blocks are listed by 'hotel blocks'. With --json: {\"bookings\":[{...}]}."),
        options: Option.client("Only this client's bookings."), Option.room("Only bookings of this room."),
        Option.type("Only bookings of rooms of this type."), DayRangeOptions(of: "bookings"),
        RepeatedOption("--status", "status", "Only bookings with this status; repeat for several.", parse: Booking.Status.parse), AsOfOption(), Flag.json
    ) { (_, context, client, room, type, days, statuses, _, json) throws(CommandLineError) in
        var filter = BookingFilter()
        filter.client = try client.get()
        filter.room = try room.get()
        (filter.from, filter.to) = try days.get()
        let statuses = try statuses.get()
        if !statuses.isEmpty { filter.statuses = Set(statuses) }
        let type = try type.get()
        try context.requireStore()
        filter.now = context.now
        if let type { filter.rooms = Set(try context.query { (desk) throws(HotelError) in try desk.rooms(ofType: type) }.map(\.name)) }
        try context.list(matching: filter, json: json, key: "bookings")
    }

    /// `hotel arrivals|departures|in-house [--on DAY]`: the stays that happen on a day.
    static func onDay(_ list: DayList, abstract: String, discussion: String) -> Subcommand {
        Subcommand(
            spec: CommandSpec(
                name: list.rawValue, abstract: abstract,
                discussion: discussion + " In the format of 'hotel bookings'. With --json: {\"bookings\":[{...}]}."),
            options: Option.day("--on", "The day, YYYY-MM-DD (default: today, in the local time zone)."), AsOfOption(), Flag.json
        ) { (_, context, on, _, json) throws(CommandLineError) in
            let on = try on.get()
            try context.requireStore()
            let day = on ?? context.today
            try context.list(json: json, key: "bookings", at: context.now) { (desk, body) throws(HotelError) in
                try desk.stays(list, on: day).forEach(body)
            }
        }
    }

    static let arrivals = onDay(.arrivals, abstract: "List the bookings arriving on a day (default today).",
        discussion: "The bookings whose arrival is that day: held (unexpired), active, checked-in and checked-out ones; not cancelled, released, expired or no-show ones.")
    static let departures = onDay(.departures, abstract: "List the bookings leaving on a day (default today).",
        discussion: "The bookings whose departure is that day: held (unexpired), active, checked-in and checked-out ones; not cancelled, released, expired or no-show ones. For today, also the guests still checked in past their departure.")
    static let inHouse = onDay(.inHouse, abstract: "List the guests in the house: checked in now, or staying the night of a day.",
        discussion: "For today (the default): the guests checked in now, including those due out today and those staying past their departure (a checked-in stay holds its room until it is checked out). For another day: the stays that hold a room that night: held (unexpired), active, checked-in and checked-out ones, and on a night gone by, a guest who had stayed on past the departure.")
}

extension Context {
    /// Prints the bookings `filter` includes, streamed: a million are never all in memory, as text or JSON.
    func list(matching filter: BookingFilter, json: Bool, key: String) throws(CommandLineError) {
        try list(json: json, key: key, at: filter.now) { (desk, body) throws(HotelError) in try desk.forEachBooking(matching: filter, body) }
    }

    /// Prints the blocks `filter` includes, as text or JSON.
    func list(matching filter: BlockFilter, json: Bool) throws(CommandLineError) {
        try list(json: json, key: "blocks", at: now) { (desk, body) throws(HotelError) in try desk.blocks(matching: filter).forEach(body) }
    }

    /// Prints what `each` gives `body` on the desk, one a line, or with `json` as the array `key` of one
    /// object, as it stands at `now`.
    fileprivate func list<Record: Printed>(
        json: Bool, key: String, at now: Instant, _ each: (FrontDesk, (Record) -> Void) throws(HotelError) -> Void
    ) throws(CommandLineError) {
        // The document opens with its first record (or at the end, if none), so that a query refused before
        // it prints nothing on stdout.
        let opening = "{\"\(key)\":["
        var first = true
        try query { (desk) throws(HotelError) in
            try each(desk) { record in
                if json {
                    append((first ? opening : ",") + JSONWriter.string(record.json(at: now)))
                } else {
                    line(record.line(at: now))
                }
                first = false
            }
        }
        if json { line((first ? opening : "") + "]}") }
    }
}

extension Booking.Status {
    /// A status typed by a person, such as `checked-in`.
    /// - Throws: `unknown status`, with the nearest one and the list of them.
    static func parse(_ text: String) throws(OptionValueError) -> Booking.Status {
        guard let status = Booking.Status(rawValue: text) else {
            let names = Booking.Status.allCases.map(\.rawValue)
            throw .refused("unknown status '\(InvalidValue.shown(text))'\(EditDistanceHint.suggestion(for: text, among: names)); one of \(names.joined(separator: ", "))")
        }
        return status
    }
}
