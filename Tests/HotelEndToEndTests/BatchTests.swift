import Foundation
import HotelTestSupport
import Testing

/// `hotel batch`: commands from stdin, one result line each, one lock and one sync.
struct BatchTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel }

    func batch(_ input: String, atomic: Bool = false) throws -> HotelProcess.Result {
        let path = sandbox.path + "/input-\(UUID().uuidString)"
        try Data(input.utf8).write(to: URL(fileURLWithPath: path))
        return try HotelProcess(directory: sandbox.path).start(shell: "exec '\(HotelProcess.binary.path)' batch\(atomic ? " --atomic" : "") < '\(path)'").wait()
    }

    @Test func printsOneLinePerCommandAndEachSeesTheOnesBefore() throws {
        let result = try batch("""
            rooms add Blue "Suite 7"
            book --client 42 --room Blue --from 2024-05-01 --to 2024-05-03

            # a comment
            book --client 43 --room Blue --from 2024-05-02 --to 2024-05-04
            book --client 44 --room 'Suite 7' --from=2024-05-01 --to=2024-05-03

            """)
        let lines = result.lines
        try #require(lines.count == 4, "\(result)")
        #expect(lines[0] == "Blue\tSuite 7")
        #expect(lines[1].hasPrefix("bk") && lines[3].hasPrefix("bk"))
        #expect(lines[2] == "error: room 'Blue' is not free for 2024-05-02..2024-05-04: booking \(lines[1]) holds it for 2024-05-01..2024-05-03; 'hotel free --from 2024-05-02 --to 2024-05-04' lists free rooms")
        #expect(result.stderr == "hotel: error: 1 of 4 commands were refused\n")
        #expect(result.status == 1)
        #expect(try hotel.run(["bookings"]).lines.map { String($0.prefix { $0 != "\t" }) } == [lines[1], lines[3]])
        #expect(try hotel.run(["verify"]).status == 0)
    }

    @Test func cancelsAndReportsEachRefusedLine() throws {
        try #require(hotel.run(["rooms", "add", "Blue"]).status == 0)
        let id = try hotel.run(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-02"]).lines[0]
        let result = try batch("""
            cancel \(id)
            cancel \(id)
            book --client 2 --room Blue --from 2024-05-01 --to 2024-05-02

            """)
        #expect(result.lines.count == 3)
        #expect(result.lines[0] == id)
        #expect(result.lines[1] == "error: booking '\(id)' is already cancelled")
        #expect(result.lines[2].hasPrefix("bk"))
        #expect(result.stderr == "hotel: error: 1 of 3 commands were refused\n")
        #expect(result.status == 1)
    }

    /// Every kind of line that is not a command a batch runs: a usage error naming its line (exit 64), found
    /// before anything runs, so that nothing of the batch is recorded, with or without --atomic.
    @Test(arguments: [
        ("free --from 2024-05-01 --to 2024-05-02", "'free --from 2024-05-01 --to 2024-05-02' is not a command a batch runs (rooms add, book, hold, confirm, release, cancel, change, checkin, checkout, noshow, undo, clean, inspect, dirty, settings set, rates set, guests set, guests forget, charge, pay, refund, invoice, block, unblock); see 'hotel batch --help'"),
        ("bokk --client 1", "'bokk --client 1' is not a command a batch runs (rooms add, book, hold, confirm, release, cancel, change, checkin, checkout, noshow, undo, clean, inspect, dirty, settings set, rates set, guests set, guests forget, charge, pay, refund, invoice, block, unblock); see 'hotel batch --help'"),
        ("book --client 1 --room Blue --from 2024-02-30 --to 2024-03-01", "invalid date '2024-02-30': expected a calendar date as YYYY-MM-DD (for example 2024-05-01), today, tomorrow, yesterday, or +N or -N days from today; see 'hotel book --help'"),
        ("book --store x --client 1 --room Blue --from 2024-05-01 --to 2024-05-02", "--store, --json and --help are not taken in a batch line; see 'hotel batch --help'"),
        ("book --client \"1 --room Blue", "unterminated quote or escape in a batch line; see 'hotel batch --help'"),
        ("book --client 1 --rom Blue --from 2024-05-01 --to 2024-05-02", "unknown option '--rom' (did you mean '--room'?); see 'hotel book --help'"),
        ("book --room Blue --from 2024-05-01 --to 2024-05-02", "missing option '--client <id>'; see 'hotel book --help'"),
        ("hold --room Blue --from 2024-05-01 --nights 1 --for 2 hours", "unexpected argument 'hours'; see 'hotel hold --help'"),
        ("hold --room Blue --from 2024-05-01 --nights 1 --for 1h1h", "invalid duration '1h1h': expected a whole number and a unit, such as 90s, 15m, 2h or 1d, or several largest first, such as 1h30m (at most 30d); see 'hotel hold --help'"),
        ("change bk12345678", "give at least one of --room, --from, --to and --nights; see 'hotel change --help'"),
        ("cancel bk/1", "invalid booking id 'bk/1': expected up to 12 letters, digits, '-' or '_', as printed by 'hotel book'; see 'hotel cancel --help'"),
        ("rooms add Red Red", "room 'Red' is named more than once; see 'hotel rooms add --help'"),
        ("block --room Blue --from 2024-05-01 --to 2042-05-01", "the stay 2024-05-01..2042-05-01 has 6574 nights, more than the 366 a stay may have; check the year; see 'hotel block --help'"),
    ])
    func aLineThatIsNotACommandRefusesTheWholeBatchBeforeItRuns(_ line: String, message: String) throws {
        try #require(hotel.run(["rooms", "add", "Blue"]).status == 0)
        let before = hotel.storeBytes()
        for atomic in [[], ["--atomic"]] {
            let path = sandbox.path + "/input-\(UUID().uuidString)"
            // Good lines around it, the bad one fourth (after a comment and a blank line).
            try Data("rooms add Green\n# a comment\n\n\(line)\nbook --client 1 --room Blue --from 2024-05-01 --to 2024-05-02\n".utf8).write(to: URL(fileURLWithPath: path))
            let result = try HotelProcess(directory: sandbox.path).start(shell: "exec '\(HotelProcess.binary.path)' batch \(atomic.joined()) < '\(path)'").wait()
            #expect(result == .init(stdout: "", stderr: "hotel: error: line 4 of the batch: \(message)\n", status: 64), "\(atomic)")
            #expect(hotel.storeBytes() == before)
        }
    }

    @Test func atomicallyEveryCommandIsRecordedOrNone() throws {
        try #require(hotel.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let id = try hotel.run(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]).lines[0]
        let before = hotel.storeBytes()
        // The third command is refused: nothing is recorded, nothing printed, the refusal names its line.
        let refused = try batch("""
            rooms add Red
            book --client 2 --room Green --from 2024-05-01 --to 2024-05-03
            # the room is taken
            book --client 3 --room Blue --from 2024-05-02 --to 2024-05-04
            cancel \(id)
            """, atomic: true)
        #expect(refused == .init(
            stdout: "", stderr: "hotel: error: line 4 of the batch: room 'Blue' is not free for 2024-05-02..2024-05-04: booking \(id) holds it for 2024-05-01..2024-05-03; 'hotel free --from 2024-05-02 --to 2024-05-04' lists free rooms; nothing was recorded\n",
            status: 1))
        #expect(hotel.storeBytes() == before)
        #expect(try hotel.run(["rooms"]).lines == ["Blue", "Green"])
        // An unknown id is a refusal too, with its did-you-mean.
        let typo = String(id.dropLast()) + (id.last == "z" ? "y" : "z")
        #expect(try batch("cancel \(typo)\n", atomic: true).stderr == "hotel: error: line 1 of the batch: unknown booking '\(typo)' (did you mean '\(id)'?); nothing was recorded\n")
        // All accepted: all recorded, one line each, as without --atomic.
        let accepted = try batch("rooms add Red\nbook --client 2 --room Green --from 2024-05-01 --to 2024-05-03\ncancel \(id)\nbook --client 3 --room Blue --from 2024-05-02 --to 2024-05-04\n", atomic: true)
        #expect(accepted.status == 0 && accepted.stderr == "", "\(accepted)")
        #expect(accepted.lines.count == 4 && accepted.lines[0] == "Red" && accepted.lines[2] == id)
        #expect(try hotel.run(["bookings", "--status", "active"]).lines.map { String($0.prefix { $0 != "\t" }) }.sorted() == [accepted.lines[1], accepted.lines[3]].sorted())
        #expect(try hotel.run(["verify"]).status == 0)
        // An empty atomic batch does nothing.
        let after = hotel.storeBytes()
        #expect(try batch("# nothing\n", atomic: true) == .init(stdout: "", stderr: "", status: 0))
        #expect(hotel.storeBytes() == after)
    }

    @Test func anAtomicBatchOnANewStoreThatIsRefusedCreatesNoLog() throws {
        let refused = try batch("rooms add Blue\nrooms add Blue\n", atomic: true)
        #expect(refused == .init(stdout: "", stderr: "hotel: error: line 2 of the batch: room 'Blue' already exists; nothing was recorded\n", status: 1))
        #expect(hotel.storeBytes() == nil || hotel.storeBytes()!.isEmpty)
    }

    @Test func anAllGoodBatchExitsZeroAndAnEmptyOneDoesNothing() throws {
        let good = try batch("rooms add Blue\nbook --client 1 --room Blue --from 2024-05-01 --to 2024-05-02\n")
        #expect(good.status == 0 && good.stderr == "" && good.lines.count == 2)
        let before = hotel.storeBytes()
        let empty = try batch("\n# nothing\n")
        #expect(empty == .init(stdout: "", stderr: "", status: 0))
        #expect(hotel.storeBytes() == before)
    }

    @Test func aStoreThatCannotBeReadRecordsAndPrintsNothing() throws {
        try Data("not json\n".utf8).write(to: URL(fileURLWithPath: hotel.storePath))
        let result = try batch("rooms add Blue\n")
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(hotel.storeBytes() == Data("not json\n".utf8))
    }

    @Test func takesCRLFLinesIndentedCommentsAndALastLineWithoutANewline() throws {
        let result = try batch("rooms add Blue\r\n   # indented comment\r\n\t\r\nbook --client 1 --room Blue --from 2024-05-01 --to 2024-05-02")
        #expect(result.status == 0, "\(result)")
        #expect(result.lines.count == 2)
        #expect(result.lines[0] == "Blue")
        #expect(try hotel.run(["bookings"]).lines.map { $0.split(separator: "\t").dropFirst().joined(separator: " ") } == ["1 Blue 2024-05-01 2024-05-02 active"])
    }

    @Test func aBatchOfMoreLinesThanOneWriteTakesIsRecordedWholeAndInOrder() throws {
        // 5,000 bookings make about 1.2 MB of log lines: more than one piece of the batch's writes.
        let days = consecutiveDays(fromNewYearOf: 2030, count: 5_001)
        let input = "rooms add Blue\n" + (0..<5_000).map { "book --client \($0) --room Blue --from \(days[$0]) --to \(days[$0 + 1])\n" }.joined()
        let result = try batch(input)
        #expect(result.status == 0, "\(result.stderr)")
        let ids = Array(result.lines.dropFirst())
        #expect(ids.count == 5_000 && Set(ids).count == 5_000)
        let log = try #require(hotel.storeBytes())
        #expect(log.count > 1 << 20)
        #expect(try hotel.run(["verify"]).lines == ["ok: 5001 events, 1 rooms, 5000 bookings (0 cancelled), last position 5001, head \(try Repository.chainHead(hotel.storePath))"])
        // The bookings by arrival are the batch's ids in input order.
        #expect(try hotel.run(["bookings"]).lines.map { String($0.prefix { $0 != "\t" }) } == ids)
    }
}
