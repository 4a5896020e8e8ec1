import BookingCore

extension Subcommand {
    /// `hotel revenue --from DAY (--to DAY | --nights N) [--by night|type|room] [--type TYPE] [--json | --csv]`
    static let revenue = Subcommand(
        spec: CommandSpec(
            name: "revenue", abstract: "Report room revenue, occupied and available room-nights, ADR and RevPAR, with a total.",
            discussion: "Room revenue is the sum of the nightly prices of the occupied nights (occupied as 'hotel occupancy' counts them; an occupied night without a price counts with no revenue). Available room-nights are the occupied and free ones (not out of service). ADR = revenue / occupied, RevPAR = revenue / available, rounded half up to the minor unit ('-' where the divisor is zero). Each line: KEY, ROOM_REVENUE, OCCUPIED, AVAILABLE, ADR, REVPAR separated by tabs, in date or byte order, then a 'total' line (on a terminal, aligned columns under a header line; --tsv gives the lines there too). --csv: the same as CSV under a header line. --json: {\"from\",\"to\",\"by\",\"rows\":[{\"key\",\"roomRevenue\",\"occupied\",\"available\",\"adr\",\"revpar\"}],\"total\":{...}} (adr and revpar null where the divisor is zero)."),
        options: StayOptions(from: "The first night.", to: "The day after the last night."),
        Option.grouping,
        Option.type("Only rooms of this type."), AsOfOption(), ListFormat(csv: true),
        run: { (_, context, stay, grouping, type, _, format) throws(CommandLineError) in
            let stay = try stay.stay()
            let grouping = try grouping.get() ?? .night
            let type = try type.get()
            let format = try format.get()
            try context.requireStore()
            let (report, digits) = try context.query { (desk) throws(HotelError) in try desk.revenue(nights: stay, by: grouping, ofType: type) }
            let rows = report.rows + [report.total]
            func money(_ amount: Amount?) -> String? { amount.map { $0.scaled(to: digits).description } }
            func figures(_ row: Occupancy.Row) -> (revenue: String, adr: String?, revpar: String?) {
                (money(row.revenue)!, money(row.revenue.divided(by: row.occupied)), money(row.revenue.divided(by: row.available)))
            }
            switch format {
            case .json:
                func object(_ row: Occupancy.Row) -> JSONValue {
                    let f = figures(row)
                    return .object([
                        "key": .string(row.key), "roomRevenue": .string(f.revenue), "occupied": .integer(row.occupied), "available": .integer(row.available),
                        "adr": f.adr.map(JSONValue.string) ?? .null, "revpar": f.revpar.map(JSONValue.string) ?? .null,
                    ])
                }
                context.json(.object([
                    "from": .string(stay.arrival.description), "to": .string(stay.departure.description), "by": .string(grouping.rawValue),
                    "rows": .array(report.rows.map(object)), "total": object(report.total),
                ]))
            case .csv:
                context.line("\(grouping.rawValue),room_revenue,occupied,available,adr,revpar")
                for row in rows {
                    let f = figures(row)
                    context.line("\(csv(row.key)),\(f.revenue),\(row.occupied),\(row.available),\(f.adr ?? "-"),\(f.revpar ?? "-")")
                }
            case .automatic, .tsv:
                let columns = [Table.Column(grouping.rawValue.uppercased())] + ["ROOM REVENUE", "OCCUPIED", "AVAILABLE", "ADR", "REVPAR"].map { Table.Column($0, .right) }
                context.table(columns, tsv: format == .tsv, rows: rows.map { row in
                    let f = figures(row)
                    return [row.key, f.revenue, String(row.occupied), String(row.available), f.adr ?? "-", f.revpar ?? "-"]
                })
            }
        })
}
