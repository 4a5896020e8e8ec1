import Foundation
import HotelTestSupport
import Testing

/// Wide (CJK) and combining names in the tape chart: measured in terminal columns, so that no line is wider
/// than the terminal (before, 46 columns at COLUMNS=40).
struct CalendarWidthTests {
    let sandbox = Sandbox()

    var hotel: HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-05-02T12:00:00Z"
        hotel.environment["TZ"] = "UTC"
        return hotel
    }

    /// The columns `text` takes on a terminal, for the characters these tests use: CJK and Hangul wide,
    /// combining marks none, others one.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            if scalar.properties.generalCategory == .nonspacingMark { return total }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xFF00...0xFF60).contains(v) || (0x1F300...0x1F64F).contains(v)
            return total + (wide ? 2 : 1)
        }
    }

    func setUp() throws {
        for arguments in [
            ["rooms", "add", "東京スイートルーム", "大阪", "Ame\u{301}lie", "--type", "和室"],
            ["rooms", "add", "서울", "Blue", "--type", "standard"],
            ["book", "--client", "山田太郎", "--room", "東京スイートルーム", "--from", "2024-05-01", "--to", "2024-05-04"],
            ["book", "--client", "김", "--room", "서울", "--from", "2024-05-02", "--to", "2024-05-03"],
            ["book", "--client", "e\u{301}e\u{301}e\u{301}", "--room", "Blue", "--from", "2024-05-02", "--to", "2024-05-05"],
            ["book", "--client", "🎉x", "--room", "大阪", "--from", "2024-05-03", "--to", "2024-05-05"],
        ] {
            let result = try hotel.run(arguments)
            try #require(result.status == 0, "\(arguments): \(result)")
        }
    }

    @Test(arguments: [40, 41, 50, 80])
    func noLineIsWiderThanTheTerminal(width: Int) throws {
        try setUp()
        var narrow = hotel
        narrow.environment["COLUMNS"] = String(width)
        let chart = try narrow.run(["calendar", "--from", "2024-04-30", "--nights", "14"])
        try #require(chart.status == 0, "\(chart)")
        for line in chart.lines { #expect(Self.columns(line) <= width, "\(Self.columns(line)) columns: \(line)") }
        // Each room's line has its label, then whole cells: the label column is the same width on every line.
        let rows = chart.lines.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
        #expect(rows.count >= 5)
        let cells = Set(rows.map { line in Self.columns(line) % 3 })
        #expect(cells.count == 1, "\(rows)")
        // A stay's bar starts with as much of its client as fits in it, less a column for the glyph: all of
        // 山田太郎 (8 columns) in three nights' 9, all of 🎉x in two nights' 6, 김 in one night's 3.
        let tokyo = try #require(rows.first { $0.hasPrefix("  東京") })
        #expect(tokyo.contains("山田太郎="), "\(tokyo)")
        let blue = try #require(rows.first { $0.hasPrefix("  Blue") })
        #expect(blue.contains("e\u{301}e\u{301}e\u{301}======"), "\(blue)")
        let osaka = try #require(rows.first { $0.hasPrefix("  大阪") })
        #expect(osaka.contains("🎉x==="), "\(osaka)")
        let seoul = try #require(rows.first { $0.hasPrefix("  서울") })
        #expect(seoul.contains("김="), "\(seoul)")
        // Each type is one group, whatever the order of the rooms' names.
        let blocks = chart.lines.filter(\.isEmpty).count + 1
        #expect(chart.lines.filter { $0 == "standard" }.count == blocks && chart.lines.filter { $0 == "和室" }.count == blocks, "\(chart.lines)")
    }
}
