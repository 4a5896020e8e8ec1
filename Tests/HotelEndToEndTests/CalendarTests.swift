import Foundation
import HotelTestSupport
import Testing

/// `hotel calendar` as a person sees it: in a real terminal (tmux, 100 columns by 30 lines), with colour; with
/// NO_COLOR; and piped.
struct CalendarTests {
    let sandbox = Sandbox()

    static let sample = Repository.sample

    init() throws {
        try sandbox.copySample()
    }

    var hotel: HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-05-02T12:00:00Z"
        hotel.environment["TZ"] = "UTC"
        return hotel
    }

    /// What a 100 by 30 tmux pane shows after running `command` (a shell command line), escapes included.
    ///
    /// One shell does it all (start the session, wait for the command, capture the pane, stop the server):
    /// a tmux server started from a Foundation `Process` does not outlive that process.
    func terminal(_ command: String) throws -> String {
        let session = "hotel-\(UUID().uuidString.prefix(8))"
        let inner = sandbox.path + "/\(session).sh"
        try """
            #!/bin/sh
            cd '\(sandbox.path)'
            export HOTEL_NOW=2024-05-02T12:00:00Z TZ=UTC LANG=C.UTF-8 HOTEL_STORE='\(sandbox.hotel.storePath)'
            unset COLUMNS NO_COLOR
            hotel() { '\(HotelProcess.binary.path)' "$@"; }
            \(command)
            echo '<done>'
            sleep 30
            """.write(toFile: inner, atomically: true, encoding: .utf8)
        let driver = """
            tmux -L \(session) -f /dev/null new-session -d -s \(session) -x 100 -y 30 "sh '\(inner)'"
            for i in $(seq 100); do
                tmux -L \(session) capture-pane -p -e -t \(session) > '\(inner).screen'
                grep -q '<done>' '\(inner).screen' && break
                sleep 0.05
            done
            tmux -L \(session) kill-server
            cat '\(inner).screen'
            """
        let screen = try sandbox.hotel.start(shell: driver).wait().stdout
        #expect(screen.contains("<done>"), "\(screen)")
        return screen.components(separatedBy: "<done>")[0]
    }

    /// The bookings of the sample as `hotel bookings` lists them then.
    func bookings() throws -> [[String]] {
        try hotel.run(["bookings", "--from", "2024-04-29", "--to", "2024-05-13"]).lines.map { $0.components(separatedBy: "\t") }
    }

    static let escape = "\u{1B}["

    /// The colour (SGR code) in force where `text` stands in `line`, for each place it stands (tmux redraws a run
    /// of cells of one colour with one escape).
    func colours(of text: String, in line: String) -> [String] {
        var found: [String] = []
        var current = "0"
        var rest = Substring(line)
        while !rest.isEmpty {
            if rest.hasPrefix("\u{1B}["), let end = rest.firstIndex(of: "m") {
                current = String(rest[rest.index(rest.startIndex, offsetBy: 2)..<end])
                rest = rest[rest.index(after: end)...]
                continue
            }
            if rest.hasPrefix(text) { found.append(current) }
            rest = rest.dropFirst()
        }
        return found
    }

    func withoutEscapes(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    @Test func inATerminalTheGridShowsEveryRoomTheDatesAndTheStaysInColour() throws {
        let screen = try terminal("hotel calendar --from 2024-04-29")
        let lines = screen.components(separatedBy: "\n").map { $0.replacingOccurrences(of: "\r", with: "") }
        // No line wider than the pane.
        for line in lines { #expect(withoutEscapes(line).count <= 100, "\(line)") }
        let plain = lines.map(withoutEscapes)
        // The dates: the month, the weekdays and the days, today marked.
        #expect(plain.contains { $0.hasSuffix("Apr   May 2024") })
        #expect(plain.contains { $0.contains("Mo Tu We*Th Fr Sa Su Mo Tu We Th Fr Sa Su") })
        #expect(plain.contains { $0.contains("29 30 01*02 03 04 05 06 07 08 09 10 11 12") })
        // Every room, under its type.
        let rooms = try hotel.run(["rooms"]).lines
        #expect(rooms.count == 12)
        for room in rooms { #expect(plain.contains { $0.hasPrefix("  \(room) ") }, "\(room)") }
        for type in ["double", "standard", "suite", "twin"] { #expect(plain.contains(type)) }
        // Known stays: each one's first cell, in its status's glyph and colour, on its room's line.
        var seen: Set<String> = []
        for fields in try bookings() {
            let (client, room, arrival, status) = (fields[1], fields[2], fields[3], fields[5])
            guard let (glyph, sgr) = ["active": ("=", "32"), "checked-in": ("#", "34"), "checked-out": ("-", "90")][status],
                  arrival >= "2024-04-29", arrival < "2024-05-13" else { continue }
            let cell = String((client.prefix(2) + String(repeating: glyph, count: 3)).prefix(3))
            let line = try #require(lines.first { withoutEscapes($0).hasPrefix("  \(room) ") })
            #expect(colours(of: cell, in: line).contains(sgr), "\(room) \(arrival) \(status): \(line)")
            seen.insert(status)
        }
        #expect(seen == ["active", "checked-in", "checked-out"])
        // Today's header cells stand out, and the legend says what each mark means.
        #expect(screen.contains(Self.escape + "1;7m*Th"))
        #expect(plain.contains { $0.contains("= active  # checked in  ? held  - checked out  X out of service  . free  * today") })
    }

    @Test func withNoColorOrPipedThereAreNoEscapes() throws {
        let noColor = try terminal("NO_COLOR=1 hotel calendar --from 2024-04-29")
        #expect(!noColor.contains("\u{1B}"))
        #expect(noColor.contains("29 30 01*02"))
        let piped = try terminal("hotel calendar --from 2024-04-29 | cat")
        #expect(!piped.contains("\u{1B}"))
        #expect(piped == noColor)
        // --color always colours a pipe; --color never a terminal.
        #expect(try hotel.run(["calendar", "--color", "always"]).stdout.contains(Self.escape))
        #expect(!(try terminal("hotel calendar --color never")).contains("\u{1B}"))
    }

    @Test func narrowWidthsFoldTheNightsIntoBlocks() throws {
        var narrow = hotel
        narrow.environment["COLUMNS"] = "50"
        let chart = try narrow.run(["calendar", "--from", "2024-05-01", "--nights", "20", "--type", "suite"])
        #expect(chart.status == 0)
        let lines = chart.lines
        #expect(lines.allSatisfy { $0.count <= 50 }, "\(lines)")
        // 20 nights in blocks of (50 - 7) / 3 = 14 and 6: two headers, the suite rooms twice.
        #expect(lines.filter { $0.hasPrefix("  301 ") }.count == 2)
        #expect(lines.filter { $0.contains("We Th Fr") || $0.contains("Th Fr Sa") }.count == 2)
        #expect(try narrow.run(["calendar", "--room", "Blu"]) == .init(stdout: "", stderr: "hotel: error: unknown room 'Blu'; 'hotel rooms' lists the rooms\n", status: 1))
        #expect(try narrow.run(["calendar", "--color", "sometimes"]).status == 64)
        #expect(try narrow.run(["calendar", "--nights", "400"]).status == 64)
    }
}
