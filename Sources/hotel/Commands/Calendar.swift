#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BookingCore

extension Subcommand {
    /// `hotel calendar [--from DAY] [--nights N] [--type TYPE] [--room NAME]... [--color WHEN]`
    static let calendar = Subcommand(
        spec: CommandSpec(
            name: "calendar", abstract: "Show the tape chart: rooms down the side, nights across, each stay a bar.",
            discussion: "Rooms are grouped by type, in byte order. Each night is three columns: '=' active, '#' checked in, '?' held (unexpired), '-' checked out, 'X' out of service (blocked), '.' free; a stay's bar starts with as much of its guest's name (where 'hotel guests set' recorded one), else its client (or, for a hold without one, its id), as its nights leave room for, less one column for the glyph. The header gives the month, the weekday and the day; today is marked '*'. The chart fits the terminal's width (COLUMNS, else the terminal's, else 80 columns), folding the nights into several blocks rather than wrapping lines. A legend ends it."),
        options: Option.day("--from", "The first night shown (default: today)."), Option.nights("How many nights (default 14: today and the next 13)."),
        Option.type("Only rooms of this type."), RepeatedOption("--room", "name", "Only this room; repeat for several.", RoomName.init(_:)),
        Option(
            "--color", "when", "Colour: always, never, or auto (default: when stdout is a terminal, TERM is not dumb and NO_COLOR is not set).",
            ColorChoice.init(_:)),
        AsOfOption()
    ) { (_, context, from, nights, type, rooms, color, _) throws(CommandLineError) in
        let nights = try nights.get() ?? 14
        let type = try type.get()
        let only = try rooms.get()
        let color = try color.get() ?? .auto
        let colored = color.isOn(environment: context.environment)
        try context.requireStore()
        let first = try from.get() ?? context.today
        let now = context.now
        let last = first.adding(days: nights)
        // The nights of stays in the rooms they were slept in, before a move, are drawn there.
        var filter = BookingFilter(from: first, to: last, now: now)
        filter.includesEarlierRooms = true
        let (rooms, stays) = try context.query { (desk) throws(HotelError) in
            (
                try desk.rooms(ofType: type),
                try desk.bookings(matching: filter).map(CalendarEntry.booking)
                    + desk.blocks(matching: BlockFilter(from: first, to: last)).map(CalendarEntry.block)
            )
        }
        let known = Set(rooms.map(\.name))
        if let unknown = only.first(where: { !known.contains($0) }) {
            let all = try context.query { (desk) throws(HotelError) in try desk.rooms() }.map(\.name)
            throw CommandLineError(.rejected(all.contains(unknown) ? .unknownRoom(unknown, suggestion: nil) : .unknownRoom(unknown, suggestion: unknown.nearest(in: all))))
        }
        var byRoom: [RoomName: [CalendarEntry]] = [:]
        for stay in stays { byRoom[stay.room, default: []].append(stay) }
        // One group per type (rooms come in name order, so types can interleave), in type order.
        var groups: [(type: RoomType, rows: [TapeChart.Row])] = []
        var groupOfType: [RoomType: Int] = [:]
        for room in rooms where only.isEmpty || only.contains(room.name) {
            let row = TapeChart.Row(room: room.name, stays: byRoom[room.name] ?? [])
            if let g = groupOfType[room.type] { groups[g].rows.append(row) } else {
                groupOfType[room.type] = groups.count
                groups.append((room.type, [row]))
            }
        }
        groups.sort { $0.type < $1.type }
        let chart = TapeChart(
            groups: groups, first: first, nights: nights, today: context.today, now: now,
            width: terminalWidth(context.environment), color: colored, names: context.guestNames(of: stays.map { if case .booking(let booking) = $0 { booking.client } else { nil } }))
        context.append(chart.render())
    }

    /// The width to fit: `COLUMNS`, else the terminal's, else 80.
    static func terminalWidth(_ environment: Environment) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
