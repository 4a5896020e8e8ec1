import BookingCore

extension Subcommand {
    /// `hotel bookings [--client ID] [--room NAME] [--type TYPE] [--from DAY] [--to DAY] [--status S]...`
    static let bookings = Subcommand(
        spec: CommandSpec(
            name: "bookings", abstract: "List bookings and holds, whatever their status, one a line.",
            discussion: "Each line has six tab-separated fields: id, client ('-' for a hold made without one), room, arrival, departure, status, ordered by arrival, then room, then id. A status is one of held, expired (a hold past its expiry), released, active, checked-in, checked-out, cancelled, no-show. Blocks are listed by 'hotel blocks'. On a terminal, the fields stand in aligned columns under a header line (ID, CLIENT, ROOM, ARRIVAL, DEPARTURE, STATUS); piped, or with --tsv, they are the tab-separated lines. With --json: {\"bookings\":[{...}]}."),
        options: Option.client("Only this client's bookings."), Option.room("Only bookings of this room."),
        Option.type("Only bookings of rooms of this type."), DayRangeOptions(of: "bookings"),
        RepeatedOption("--status", "status", "Only bookings with this status; repeat for several.", parse: Booking.Status.parse), Option.guest, AsOfOption(), ListFormat()
    ) { (_, context, client, room, type, days, statuses, guest, _, format) throws(CommandLineError) in
        var filter = BookingFilter()
        filter.client = try client.get()
        filter.room = try room.get()
        (filter.from, filter.to) = try days.get()
        let statuses = try statuses.get()
        if !statuses.isEmpty { filter.statuses = Set(statuses) }
        let type = try type.get()
        let format = try format.get()
        try context.requireStore()
        filter.now = context.now
        if let type { filter.rooms = Set(try context.query { (desk) throws(HotelError) in try desk.rooms(ofType: type) }.map(\.name)) }
        let guests = try context.clients(of: try guest.get())
        try context.list(format: format, key: "bookings", at: filter.now) { (desk, body) throws(HotelError) in
            try desk.forEachBooking(matching: filter) { booking in if guests?.contains(booking.client) ?? true { body(booking) } }
        }
    }

    /// `hotel arrivals|departures|in-house [--on DAY]`: the stays that happen on a day.
    static func onDay(_ list: DayList, abstract: String, discussion: String) -> Subcommand {
        Subcommand(
            spec: CommandSpec(
                name: list.rawValue, abstract: abstract,
                discussion: discussion + " In the format of 'hotel bookings' (a table on a terminal, tab-separated lines piped or with --tsv), with the guest's name where 'hotel guests set' recorded one: a last column NAME in the table (the tab-separated lines keep their six fields). With --json: {\"bookings\":[{...,\"name\":...}]} (name null where none is known)."),
            options: Option.onDay, Option.guest, AsOfOption(), ListFormat()
        ) { (_, context, on, guest, _, format) throws(CommandLineError) in
            let on = try on.get()
            let format = try format.get()
            try context.requireStore()
            let day = on ?? context.today
            let guests = try context.clients(of: try guest.get())
            try context.list(format: format, key: "bookings", at: context.now) { (desk, body) throws(HotelError) in
                let stays = try desk.stays(list, on: day).filter { guests?.contains($0.client) ?? true }
                let names = context.guestNames(of: stays.map(\.client))
                for stay in stays { body(NamedStay(booking: stay, name: stay.client.flatMap { names[$0] })) }
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

extension Option where Value == String {
    /// `--guest <text>`: the stays of the guests `hotel guests find` finds.
    static let guest = Option("--guest", "text", "Only the stays of the guests 'hotel guests find TEXT' finds (by name, e-mail or phone, ignoring case and accents).") { (text: String) throws(InvalidValue) in
        guard !TextFolding.foldsToNothing(text) else { throw .text(option: "--guest", text, reason: "it is empty (or only accents)") }
        return text
    }
}

extension Context {
    /// The names of the guests by client, as the log stands now (``FrontDesk/guestNames()``); none, with a
    /// warning, if the side file cannot be read: a listing is never refused for the names it adds.
    func guestNames(of clients: some Sequence<ClientID?>) -> [ClientID: String] {
        do { return try frontDesk.guestNames(of: Set(clients.compactMap { $0 })) } catch {
            warning("guests' names are not shown: \(CommandLineError(error).message)")
            return [:]
        }
    }

    /// The clients of the guests `text` finds (nil for no text: every client).
    func clients(of text: String?) throws(CommandLineError) -> Set<ClientID?>? {
        guard let text else { return nil }
        return Set(try query { (desk) throws(HotelError) in try desk.findGuests(text) }.map { Optional($0.client) })
    }

    /// Prints the bookings `filter` includes, streamed (a million are never all in memory), in `format`.
    func list(matching filter: BookingFilter, format: ListFormat.Choice, key: String) throws(CommandLineError) {
        try list(format: format, key: key, at: filter.now) { (desk, body) throws(HotelError) in try desk.forEachBooking(matching: filter, body) }
    }

    /// Prints the blocks `filter` includes, in `format`.
    func list(matching filter: BlockFilter, format: ListFormat.Choice) throws(CommandLineError) {
        try list(format: format, key: "blocks", at: now) { (desk, body) throws(HotelError) in try desk.blocks(matching: filter).forEach(body) }
    }

    /// Prints what `each` gives `body` on the desk, as it stands at `now`: with `--json` as the array `key` of
    /// one object, else as a listing (``tablePrinter(_:tsv:)``).
    fileprivate func list<Record: Printed>(
        format: ListFormat.Choice, key: String, at now: Instant, _ each: (FrontDesk, (Record) -> Void) throws(HotelError) -> Void
    ) throws(CommandLineError) {
        guard format == .json else {
            var printer = tablePrinter(Record.columns, tsv: format == .tsv)
            try query { (desk) throws(HotelError) in try each(desk) { record in printer.add(record.fields(at: now)) } }
            return printer.finish()
        }
        // The document opens with its first record (or at the end, if none), so that a query refused before
        // it prints nothing on stdout.
        let opening = "{\"\(key)\":["
        var first = true
        try query { (desk) throws(HotelError) in
            try each(desk) { record in
                append((first ? opening : ",") + JSONWriter.string(record.json(at: now)))
                first = false
            }
        }
        line((first ? opening : "") + "]}")
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
