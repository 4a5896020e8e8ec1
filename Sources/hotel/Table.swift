/// A listing as a person reads it or as a script does, the way `gh` prints one: on a terminal, aligned columns
/// under a header line; piped (or with `--tsv`), one line a row, its fields separated by tabs, exactly as
/// `hotel` has always printed them. A listing makes one call, ``Context/table(_:tsv:rows:)`` (or, to stream
/// its rows, ``Context/tablePrinter(_:tsv:)``), and says nothing else about its layout.
enum Table {
    /// A column: its title in the header line, the side its values line up on, and whether only a person
    /// sees it (a column added to a listing scripts already read: its tab-separated lines keep their fields).
    struct Column: Sendable {
        let title: String
        let alignment: Alignment
        let terminalOnly: Bool

        init(_ title: String, _ alignment: Alignment = .left, terminalOnly: Bool = false) {
            self.title = title
            self.alignment = alignment
            self.terminalOnly = terminalOnly
        }
    }

    /// Where a value stands in its column: words on the left, counts and rates on the right.
    enum Alignment: Sendable {
        case left, right
    }

    /// What stands between two columns.
    static let gap = "  "

    /// How many rows are measured before the widths are fixed: a table of more rows prints as it goes, the
    /// later rows in the columns the first ones set (a value wider than its column pushes the rest of its
    /// line, never hides), so that a million bookings are never all held to be measured.
    static let measuredRows = 1_000

    /// Prints rows as they come: tab-separated at once, or aligned once the first ``measuredRows`` (or all, if
    /// fewer) have been measured. Nothing at all for no rows.
    struct Printer {
        let columns: [Column]
        /// Whether the rows are aligned under a header (for a person), else tab-separated (for a script).
        let aligned: Bool
        private let emit: (String) -> Void
        private var pending: [[String]] = []
        private var widths: [Int]?

        /// - Parameter emit: where each line goes, with its `\n`.
        init(columns: [Column], aligned: Bool, emit: @escaping (String) -> Void) {
            self.columns = columns
            self.aligned = aligned
            self.emit = emit
        }

        /// Prints a row (or keeps it to measure), one field a column; tab-separated, without the fields of
        /// terminal-only columns.
        mutating func add(_ fields: [String]) {
            guard aligned else {
                let kept = columns.contains(where: \.terminalOnly) ? fields.indices.filter { $0 >= columns.count || !columns[$0].terminalOnly }.map { fields[$0] } : fields
                return emit(kept.joined(separator: "\t") + "\n")
            }
            if let widths { return emit(line(fields, widths: widths)) }
            pending.append(fields)
            if pending.count >= measuredRows { flush() }
        }

        /// Prints what is kept; call it after the last row.
        mutating func finish() {
            if aligned, widths == nil, !pending.isEmpty { flush() }
        }

        /// Fixes the widths from the header and the rows kept, and prints them. A terminal-only column with no
        /// value in any of those rows (no guest's name known, say) is left out.
        private mutating func flush() {
            var widths = columns.map { DisplayWidth.of($0.title) }
            for row in pending {
                for (i, field) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], DisplayWidth.of(field)) }
            }
            shown = columns.indices.filter { i in !columns[i].terminalOnly || pending.contains { i < $0.count && !$0[i].isEmpty } }
            self.widths = widths
            emit(line(columns.map(\.title), widths: widths))
            for row in pending { emit(line(row, widths: widths)) }
            pending = []
        }

        /// The columns the table shows, once its widths are fixed.
        private var shown: [Int] = []

        /// A row's line, in the columns shown.
        private func line(_ fields: [String], widths: [Int]) -> String {
            let kept = shown.filter { $0 < fields.count }
            return Self.line(kept.map { fields[$0] }, widths: kept.map { widths[$0] }, columns: kept.map { columns[$0] })
        }

        /// One aligned line: each field padded to its column's width in terminal columns, on its column's side,
        /// ``gap`` between columns, no spaces at the end.
        static func line(_ fields: [String], widths: [Int], columns: [Column]) -> String {
            var out = ""
            for (i, field) in fields.enumerated() {
                let padding = String(repeating: " ", count: max(0, (i < widths.count ? widths[i] : 0) - DisplayWidth.of(field)))
                if i > 0 { out += gap }
                out += i < columns.count && columns[i].alignment == .right ? padding + field : field + padding
            }
            while out.last == " " { out.removeLast() }
            return out + "\n"
        }
    }
}
