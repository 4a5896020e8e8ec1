import BookingCore

extension Subcommand {
    /// `hotel occupancy --from DAY --to DAY [--by night|type|room] [--type TYPE] [--json | --csv]`
    static let occupancy = Subcommand(
        spec: CommandSpec(
            name: "occupancy", abstract: "Report occupied and free room-nights and the occupancy rate, with a total.",
            discussion: "A room-night is occupied when an active, checked-in or checked-out booking holds it (a guest past the departure, up to tonight; a guest who left on the arrival day, none), out of service when a block does, and free otherwise (a hold's nights are free: it is not a stay yet). The rate is occupied / (occupied + free), in percent with one decimal. Each line: KEY, OCCUPIED, FREE, OUT_OF_SERVICE, RATE separated by tabs, in date or byte order, then a 'total' line (on a terminal, aligned columns under a header line; --tsv gives the lines there too). --csv: the same as CSV under a header line (rate as a fraction). --json: {\"from\",\"to\",\"by\",\"rows\":[{\"key\",\"occupied\",\"free\",\"outOfService\",\"rate\"}],\"total\":{...}}."
),
        options: StayOptions(from: "The first night.", to: "The day after the last night."),
        Option.grouping,
        Option.type("Only rooms of this type."), AsOfOption(), ListFormat(csv: true),
        run: { (_, context, stay, grouping, type, _, format) throws(CommandLineError) in
            let stay = try stay.stay()
            let grouping = try grouping.get() ?? .night
            let type = try type.get()
            let format = try format.get()
            try context.requireStore()
            let report = try context.query { (desk) throws(HotelError) in try desk.occupancy(nights: stay, by: grouping, ofType: type) }
            let rows = report.rows + [report.total]
            switch format {
            case .json:
                func object(_ row: Occupancy.Row) -> JSONValue {
                    .object(["key": .string(row.key), "occupied": .integer(row.occupied), "free": .integer(row.free), "outOfService": .integer(row.outOfService), "rate": .number(fraction(row.rate))])
                }
                context.json(.object([
                    "from": .string(stay.arrival.description), "to": .string(stay.departure.description), "by": .string(grouping.rawValue),
                    "rows": .array(report.rows.map(object)), "total": object(report.total),
                ]))
            case .csv:
                context.line("\(grouping.rawValue),occupied,free,out_of_service,rate")
                for row in rows { context.line("\(csv(row.key)),\(row.occupied),\(row.free),\(row.outOfService),\(fraction(row.rate))") }
            case .automatic, .tsv:
                let columns = [Table.Column(grouping.rawValue.uppercased())] + ["OCCUPIED", "FREE", "OUT OF SERVICE", "RATE"].map { Table.Column($0, .right) }
                context.table(columns, tsv: format == .tsv, rows: rows.map { [$0.key, String($0.occupied), String($0.free), String($0.outOfService), percent($0.rate)] })
            }
        })

    /// A rate as a fraction with four decimals: `0.6667`.
    static func fraction(_ rate: Double) -> String {
        let tenThousandths = Int((rate * 10_000).rounded())
        let digits = String(tenThousandths % 10_000)
        return "\(tenThousandths / 10_000).\(String(repeating: "0", count: 4 - digits.count))\(digits)"
    }

    /// A rate in percent with one decimal: `66.7%`.
    static func percent(_ rate: Double) -> String {
        let tenths = Int((rate * 1_000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }

    /// A CSV field: quoted if it holds a comma, a quote or a line break.
    static func csv(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }
}

extension Option where Value == Occupancy.Grouping {
    /// `--by night|type|room`, as `occupancy` and `revenue` take it.
    static let grouping = Option("--by", "what", "One row per night (the default), per room type, or per room: night, type or room.", Occupancy.Grouping.parse)
}

extension Occupancy.Grouping {
    /// `--by night|type|room`.
    static func parse(_ text: String) throws(InvalidValue) -> Occupancy.Grouping {
        guard let grouping = Occupancy.Grouping(rawValue: text) else { throw .text(option: "--by", text, reason: "expected night, type or room") }
        return grouping
    }
}
