import BookingCore

extension Subcommand {
    /// `hotel audit [--on DAY] [--json]`: what the desk must settle before the day ends.
    static let audit = Subcommand(
        spec: CommandSpec(
            name: "audit", abstract: "List what the desk must settle before the day ends (the night audit).",
            discussion: "One line each, KIND, ID, ROOM, DETAIL separated by tabs, by kind, then room, then id: 'arrival-pending' (an active booking whose stay has the night of the day, not checked in; DETAIL: its arrival), 'departure-pending' (a guest checked in whose departure is the day or earlier; DETAIL: the departure), 'overstay-conflict' (such a guest, still in a room another stay holds that night; DETAIL: that booking and its arrival), 'hold-expiring' (a hold for a stay with a night on or after the day that expires within the next hour; DETAIL: when). Exits 0 when there is nothing to settle, 1 when it lists something (so that a cron job can mail it). On a terminal, the fields stand in aligned columns under a header line, with a last column NAME, the guest's name where 'hotel guests set' recorded one; piped, or with --tsv, they are the four tab-separated fields. With --json: {\"day\",\"items\":[{\"kind\",\"id\",\"room\",\"detail\",\"name\"}]} (name null where none is known)."),
        options: Option.onDay, AsOfOption(), ListFormat()
    ) { (_, context, on, _, format) throws(CommandLineError) in
        let on = try on.get()
        let format = try format.get()
        try context.requireStore()
        let day = on ?? context.today
        let audit = try context.query { (desk) throws(HotelError) in try desk.audit(on: day) }
        let names = context.guestNames(of: audit.items.map(\.client))
        func name(_ item: NightAudit.Item) -> String? { item.client.flatMap { names[$0] } }
        if format == .json {
            context.json(.object([
                "day": .string(day.description),
                "items": .array(audit.items.map { item in
                    .object([
                        "kind": .string(item.kind.rawValue), "id": .string(item.booking.rawValue), "room": .string(item.room.rawValue), "detail": .string(item.detail.text),
                        "name": name(item).map(JSONValue.string) ?? .null,
                    ])
                }),
            ]))
        } else {
            var printer = context.tablePrinter(["KIND", "ID", "ROOM", "DETAIL"].map { Table.Column($0) } + [Table.Column("NAME", terminalOnly: true)], tsv: format == .tsv)
            for item in audit.items { printer.add([item.kind.rawValue, item.booking.rawValue, item.room.rawValue, item.detail.text, name(item) ?? ""]) }
            printer.finish()
        }
        if !audit.items.isEmpty { context.exitStatus = .rejected }
    }
}

extension NightAudit.Detail {
    /// The detail as the audit prints it: `2024-05-10`, `bkpekh10mn 2024-05-10`, `2024-05-10T15:30:00Z`.
    var text: String {
        switch self {
        case .arrival(let day), .departure(let day): day.description
        case .bookedBy(let id, let arrival): "\(id) \(arrival)"
        case .expires(let instant): instant.description
        }
    }
}
