import BookingCore

/// The front desk's tape chart: rooms down the side (grouped by type), nights across, each stay a bar of its
/// status's glyph that starts with its guest's name (or client, or id), as much of it as the bar's nights leave room for. Folded into blocks of nights that
/// fit the width, never wrapped.
struct TapeChart {
    /// A room's row: its name and the stays (bookings, holds) and blocks that hold some of its nights.
    struct Row {
        var room: RoomName
        var stays: [CalendarEntry]
    }

    var groups: [(type: RoomType, rows: [Row])]
    var first: Day
    var nights: Int
    var today: Day
    var now: Instant
    /// The terminal's width in columns.
    var width: Int
    var color: Bool
    /// The guests' names by client: a stay's bar starts with its guest's name where one is known.
    var names: [ClientID: String] = [:]

    /// Each night is three columns.
    static let cell = 3

    /// How a stay is drawn: its glyph, its colour (an SGR code), its name in the legend.
    enum Mark: CaseIterable {
        case active, checkedIn, held, checkedOut, blocked

        var glyph: Character {
            switch self {
            case .active: return "="
            case .checkedIn: return "#"
            case .held: return "?"
            case .checkedOut: return "-"
            case .blocked: return "X"
            }
        }

        var sgr: String {
            switch self {
            case .active: return "32"
            case .checkedIn: return "34"
            case .held: return "33"
            case .checkedOut: return "90"
            case .blocked: return "31"
            }
        }

        var name: String {
            switch self {
            case .active: return "active"
            case .checkedIn: return "checked in"
            case .held: return "held"
            case .checkedOut: return "checked out"
            case .blocked: return "out of service"
            }
        }

        /// How `entry` is drawn at `now`; nil if it holds no night (cancelled, released, expired, no-show,
        /// an ended block).
        init?(_ entry: CalendarEntry, at now: Instant) {
            switch entry {
            case .block(let block):
                guard !block.hasEnded else { return nil }
                self = .blocked
            case .booking(let booking):
                switch booking.status(at: now) {
                case .active: self = .active
                case .checkedIn: self = .checkedIn
                case .held: self = .held
                case .checkedOut: self = .checkedOut
                case .expired, .released, .cancelled, .noShow: return nil
                }
            }
        }
    }

    /// The chart as lines of text, each at most ``width`` columns wide.
    func render() -> String {
        let names = groups.flatMap { [$0.type.rawValue] + $0.rows.map { "  " + $0.room.rawValue } }
        // Widths in terminal columns (DisplayWidth): a wide name takes two a character.
        let label = min(max(names.map(DisplayWidth.of).max() ?? 4, 4) + 1, max(8, width / 4))
        let perBlock = max(1, (width - label) / Self.cell)
        var out = ""
        var start = 0
        while start < nights {
            let count = min(perBlock, nights - start)
            if start > 0 { out += "\n" }
            out += header(from: first.adding(days: start), count: count, label: label)
            for group in groups {
                out += fit(group.type.rawValue, label).trimmingTrailingSpaces + "\n"
                for row in group.rows {
                    out += fit("  " + row.room.rawValue, label) + cells(row, from: first.adding(days: start), count: count) + "\n"
                }
            }
            start += count
        }
        return out + legend()
    }

    /// The month line (a month's name where it starts, and at the block's start), the weekdays and the days.
    private func header(from day: Day, count: Int, label: Int) -> String {
        var weekdays = String(repeating: " ", count: label), days = weekdays
        // Where each month's name goes (the block's first night, and each 1st), and the longest form that fits
        // before the next one: "May 2024", else "May".
        let starts = (0..<count).filter { $0 == 0 || day.adding(days: $0).components.day == 1 }
        var months = String(repeating: " ", count: label)
        for (i, n) in starts.enumerated() {
            let (year, month, _) = day.adding(days: n).components
            let room = ((i + 1 < starts.count ? starts[i + 1] : count) - n) * Self.cell - 1
            let name = [Self.monthNames[month - 1] + " \(year)", Self.monthNames[month - 1]].first { $0.count <= room } ?? ""
            months += String(repeating: " ", count: label + n * Self.cell + 1 - months.count) + name
        }
        for n in 0..<count {
            let d = day.adding(days: n)
            let dayOfMonth = d.components.day
            let mark = d == today ? "*" : " "
            weekdays += paint(mark + Self.weekdayNames[d.weekday], d == today ? "1;7" : nil)
            days += paint(mark + (dayOfMonth < 10 ? "0" : "") + String(dayOfMonth), d == today ? "1;7" : nil)
        }
        return months.trimmingTrailingSpaces + "\n" + weekdays + "\n" + days + "\n"
    }

    /// A room's cells for `count` nights from `day`.
    private func cells(_ row: Row, from day: Day, count: Int) -> String {
        // What each night shows: the first stay (or block) drawn that holds it, if any.
        let holders = (0..<count).map { n -> (entry: CalendarEntry, mark: Mark)? in
            let night = day.adding(days: n)
            for entry in row.stays {
                guard let nights = entry.nightsInRoom, nights.arrival <= night, night < nights.departure else { continue }
                if let mark = Mark(entry, at: now) { return (entry, mark) }
            }
            return nil
        }
        var out = ""
        var n = 0
        while n < count {
            guard let (entry, mark) = holders[n] else {
                out += " . "
                n += 1
                continue
            }
            // The run of nights it shows from here: one bar, painted once.
            var nights = 1
            while n + nights < count, holders[n + nights]?.entry == entry { nights += 1 }
            let width = nights * Self.cell
            var text = String(repeating: mark.glyph, count: width)
            // The bar's first cell (its arrival, or the first night of a block of nights) starts with its
            // guest's name, else its client, else its id: as much as fits in the bar, less one column for the glyph.
            if entry.nightsInRoom?.arrival == day.adding(days: n) || n == 0, case .booking(let booking) = entry {
                let start = DisplayWidth.prefix(booking.client.map { names[$0] ?? $0.rawValue } ?? String(booking.id.rawValue.dropFirst(2)), columns: width - 1)
                text = start.text + String(repeating: mark.glyph, count: width - start.width)
            }
            out += paint(text, mark.sgr)
            n += nights
        }
        return out
    }

    private func legend() -> String {
        let marks = Mark.allCases.map { paint(String($0.glyph), $0.sgr) + " " + $0.name }
        var line = ""
        var width = 0
        var out = ""
        for item in marks + [". free", paint("*", "1;7") + " today"] {
            let visible = item.visibleCount
            if width > 0 && width + 2 + visible > self.width {
                out += line + "\n"
                line = ""
                width = 0
            }
            line += (width > 0 ? "  " : "") + item
            width += (width > 0 ? 2 : 0) + visible
        }
        return out + line + "\n"
    }

    /// `text` in the colour `sgr`, when colour is on.
    private func paint(_ text: String, _ sgr: String?) -> String {
        guard color, let sgr else { return text }
        return "\u{1B}[\(sgr)m\(text)\u{1B}[0m"
    }

    /// `text` cut or padded to `width` terminal columns (a cut leaves at least one space after it).
    private func fit(_ text: String, _ width: Int) -> String {
        let columns = DisplayWidth.of(text)
        if columns < width { return text + String(repeating: " ", count: width - columns) }
        let cut = DisplayWidth.prefix(text, columns: width - 1)
        return cut.text + String(repeating: " ", count: width - cut.width)
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
}

extension Day {
    /// Monday 0 ... Sunday 6 (1970-01-01 was a Thursday).
    var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }
}

extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The columns the text takes on a terminal (``DisplayWidth``), less any SGR escape sequences.
    var visibleCount: Int {
        var count = 0
        var escaped = false
        for character in self {
            if escaped {
                if character == "m" { escaped = false }
            } else if character == "\u{1B}" {
                escaped = true
            } else {
                count += DisplayWidth.of(character)
            }
        }
        return count
    }
}
