import Foundation
import HotelTestSupport
import Testing

/// Listings for people and for scripts, as `gh` prints them: on a terminal (a pseudo-terminal made by script(1)),
/// aligned columns under a header line; piped, or with `--tsv`, the tab-separated lines. And the room a command
/// chose, said on stderr when stderr is a terminal.
struct TableOutputTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel(now: "2024-05-08T16:00:00Z") }

    init() throws {
        try sandbox.copySample()
    }

    /// Every listing, with arguments that list something on the sample.
    static let listings: [[String]] = [
        ["bookings"], ["bookings", "--from", "2024-05-08", "--to", "2024-05-10"], ["bookings", "--status", "cancelled"], ["arrivals"], ["departures"],
        ["in-house"], ["arrivals", "--on", "2024-05-03"], ["blocks"], ["availability", "--from", "2024-05-08", "--to", "2024-05-10"],
        ["occupancy", "--from", "2024-05-08", "--nights", "3"], ["occupancy", "--from", "2024-05-01", "--nights", "9", "--by", "room"],
        ["occupancy", "--from", "2024-05-01", "--nights", "9", "--by", "type", "--type", "double"], ["bookings", "--as-of", "60"],
    ]

    func shell(_ arguments: [String]) -> String { "hotel " + arguments.map { "'\($0)'" }.joined(separator: " ") }

    @Test func onATerminalEachListingIsATableOfItsFieldsUnderAHeader() throws {
        for arguments in Self.listings {
            let piped = try hotel.run(arguments)
            try #require(piped.status == 0 && !piped.lines.isEmpty, "\(arguments): \(piped)")
            let table = try hotel.inTerminal(shell(arguments)).components(separatedBy: "\n").dropLast()
            let rows = piped.lines.map { $0.components(separatedBy: "\t") }
            try #require(table.count == rows.count + 1, "\(arguments): \(table)")
            // A header of capitals, then each row's fields, in the same order, where the header puts them: a
            // column starts (text on the left) or ends (counts on the right) where its title does, two spaces
            // after the widest value of the column before.
            let header = table[0]
            #expect(header == header.uppercased() && !header.contains("\t") && !header.hasSuffix(" "), "\(header)")
            for (line, fields) in zip(table.dropFirst(), rows) {
                #expect(!line.contains("\t") && !line.hasSuffix(" "), "\(line)")
                #expect(line.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") == fields.filter { !$0.isEmpty }.joined(separator: " "), "\(line)")
            }
            let titles = header.components(separatedBy: "  ").filter { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
            try #require(titles.count == rows[0].count, "\(header)")
            for (column, title) in titles.enumerated() {
                let titleStart = header.distance(from: header.startIndex, to: header.range(of: title)!.lowerBound)
                let starts = zip(table.dropFirst(), rows).filter { !$1[column].isEmpty }.map { line, fields in Self.start(of: column, in: line, fields: fields) }
                if ["FREE", "TOTAL", "OCCUPIED", "OUT OF SERVICE", "RATE"].contains(title) {
                    let ends = zip(starts, rows.map { $0[column] }.filter { !$0.isEmpty }).map { $0 + $1.count }
                    #expect(Set(ends + [titleStart + title.count]).count == 1, "\(arguments) \(title): \(ends)")
                } else {
                    #expect(Set(starts + [titleStart]).count == 1, "\(arguments) \(title): \(starts)")
                }
            }
        }
    }

    /// Where field `column` of `fields` starts in `line` (fields found in order, each after the one before).
    static func start(of column: Int, in line: String, fields: [String]) -> Int {
        var offset = line.startIndex
        var start = 0
        for (i, field) in fields.enumerated() where !field.isEmpty {
            let found = line.range(of: field, range: offset..<line.endIndex)!
            if i == column { start = line.distance(from: line.startIndex, to: found.lowerBound) }
            offset = found.upperBound
        }
        return start
    }

    @Test func theTablesAreTheseExactly() throws {
        let shown = try hotel.inTerminal("hotel in-house; hotel blocks --from 2024-05-01; hotel availability --from 2024-05-08 --to 2024-05-10; hotel occupancy --from 2024-05-08 --nights 2 --by type")
        #expect(shown == """
            ID          CLIENT  ROOM   ARRIVAL     DEPARTURE   STATUS
            bkxnx9dvfy  22      Tower  2024-05-03  2024-05-09  checked-in
            bkz229ed6m  6       101    2024-05-05  2024-05-11  checked-in
            bk8rpgesnr  13      102    2024-05-05  2024-05-11  checked-in
            bkcmtkrx22  7       302    2024-05-08  2024-05-11  checked-in
            ID          ROOM    FROM        TO          STATUS  REASON
            bl4jf2emhb  Garden  2024-05-29  2024-06-01  active  window repair
            TYPE      FREE  TOTAL
            double       1      4
            standard     1      2
            suite        1      2
            twin         4      4
            TYPE      OCCUPIED  FREE  OUT OF SERVICE   RATE
            double           5     3               0  62.5%
            standard         1     3               0  25.0%
            suite            2     2               0  50.0%
            twin             0     8               0   0.0%
            total            8    16               0  33.3%

            """)
    }

    @Test func pipedOrWithTSVTheyAreTheTabSeparatedLines() throws {
        for arguments in Self.listings {
            let piped = try hotel.run(arguments)
            #expect(piped.stdout.contains("\t"))
            // --tsv piped changes nothing; --tsv on a terminal gives the same lines; a pipe on a terminal too.
            #expect(try hotel.run(arguments + ["--tsv"]) == piped, "\(arguments)")
            #expect(try hotel.inTerminal(shell(arguments + ["--tsv"])) == piped.stdout, "\(arguments)")
            #expect(try hotel.inTerminal(shell(arguments) + " | cat") == piped.stdout, "\(arguments)")
        }
    }

    @Test func jsonAndCSVAreTheSameOnATerminalAndTSVGoesWithNeither() throws {
        let arguments = ["bookings", "--from", "2024-05-08", "--to", "2024-05-10"]
        #expect(try hotel.inTerminal(shell(arguments + ["--json"])) == (try hotel.run(arguments + ["--json"])).stdout)
        let occupancy = ["occupancy", "--from", "2024-05-08", "--nights", "3"]
        #expect(try hotel.inTerminal(shell(occupancy + ["--csv"])) == (try hotel.run(occupancy + ["--csv"])).stdout)
        #expect(try hotel.run(arguments + ["--tsv", "--json"]) == .init(stdout: "", stderr: "hotel: error: give --tsv or --json, not both; see 'hotel bookings --help'\n", status: 64))
        #expect(try hotel.run(occupancy + ["--csv", "--tsv", "--json"]).stderr == "hotel: error: give one of --csv, --tsv and --json; see 'hotel occupancy --help'\n")
        #expect(try hotel.run(occupancy + ["--csv", "--json"]).stderr == "hotel: error: give --csv or --json, not both; see 'hotel occupancy --help'\n")
        // Nothing to list: nothing, not even the header.
        #expect(try hotel.inTerminal("hotel bookings --client nobody; hotel blocks --to 2024-01-01") == "")
    }

    @Test func wideCharactersAreMeasuredInTerminalColumns() throws {
        let fresh = Sandbox()
        let hotel = fresh.hotel(now: "2024-05-08T16:00:00Z")
        for arguments in [
            ["rooms", "add", "東京", "Ame\u{301}lie", "--type", "和室"], ["book", "--client", "山田太郎", "--room", "東京", "--from", "2024-05-09", "--nights", "2"],
            ["book", "--client", "Zoë", "--room", "Ame\u{301}lie", "--from", "2024-05-09", "--nights", "1", "--idempotency-key", "z"],
        ] { try #require(hotel.run(arguments).status == 0, "\(arguments)") }
        let ids = try hotel.run(["bookings"]).lines.map { String($0.prefix { $0 != "\t" }) }
        #expect(try hotel.inTerminal("hotel bookings; hotel availability --from 2024-05-09 --nights 1") == """
            ID            CLIENT    ROOM    ARRIVAL     DEPARTURE   STATUS
            \(ids[0].padding(toLength: 12, withPad: " ", startingAt: 0))  Zoë       Ame\u{301}lie  2024-05-09  2024-05-10  active
            \(ids[1].padding(toLength: 12, withPad: " ", startingAt: 0))  山田太郎  東京    2024-05-09  2024-05-11  active
            TYPE  FREE  TOTAL
            和室     0      2

            """)
    }

    @Test func aRoomChosenByTypeIsSaidOnStderrWhenItIsATerminal() throws {
        // stdout to a file, stderr on the terminal: the id alone in the file, the room on the terminal.
        let shown = try hotel.inTerminal("hotel book --client 1 --type suite --from 2024-07-20 --nights 2 > book.out; hotel hold --type twin --from 2024-07-20 --nights 1 > hold.out; hotel book --client 2 --room 102 --from 2024-07-20 --nights 1 > room.out")
        let booked = try String(contentsOfFile: sandbox.path + "/book.out", encoding: .utf8)
        let held = try String(contentsOfFile: sandbox.path + "/hold.out", encoding: .utf8)
        #expect(booked.wholeMatch(of: /bk[0-9a-z]{8}\n/) != nil && held.wholeMatch(of: /bk[0-9a-z]{8}\n/) != nil, "\(booked) \(held)")
        let rooms = try hotel.run(["bookings", "--from", "2024-07-20", "--to", "2024-07-22"]).lines.map { $0.components(separatedBy: "\t") }
        let suite = try #require(rooms.first { $0[0] + "\n" == booked })[2], twin = try #require(rooms.first { $0[0] + "\n" == held })[2]
        // Booking a named room says nothing.
        #expect(shown == "hotel: booked room '\(suite)' (suite)\nhotel: held room '\(twin)' (twin)\n")
        // Piped, stderr is silent; with --json the note stands beside the object.
        #expect(try hotel.run(["book", "--client", "3", "--type", "suite", "--from", "2024-07-20", "--nights", "1"]).stderr == "")
        let json = try hotel.inTerminal("hotel hold --type double --from 2024-07-20 --nights 1 --json 2>&1 > hold.json")
        #expect(json.hasPrefix("hotel: held room '") && json.hasSuffix("' (double)\n"), "\(json)")
        #expect(try String(contentsOfFile: sandbox.path + "/hold.json", encoding: .utf8).hasPrefix("{\"bookingId\":"))
    }
}
