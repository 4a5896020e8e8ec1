import Foundation
import HotelTestSupport
import Testing

/// `hotel batch`: commands from stdin, one result line each, one lock and one sync.
struct BatchTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel }

    func batch(_ input: String) throws -> HotelProcess.Result {
        let path = sandbox.path + "/input-\(UUID().uuidString)"
        try Data(input.utf8).write(to: URL(fileURLWithPath: path))
        return try HotelProcess(directory: sandbox.path).start(shell: "exec '\(HotelProcess.binary.path)' batch < '\(path)'").wait()
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

    @Test func cancelsAndReportsEveryKindOfBadLine() throws {
        try #require(hotel.run(["rooms", "add", "Blue"]).status == 0)
        let id = try hotel.run(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-02"]).lines[0]
        let result = try batch("""
            cancel \(id)
            cancel \(id)
            free --from 2024-05-01 --to 2024-05-02
            book --client 1 --room Blue --from 2024-02-30 --to 2024-03-01
            book --store x --client 1 --room Blue --from 2024-05-01 --to 2024-05-02
            book --client "1 --room Blue
            book --client 2 --room Blue --from 2024-05-01 --to 2024-05-02

            """)
        #expect(result.lines.count == 7)
        #expect(result.lines[0] == id)
        #expect(result.lines[1] == "error: booking '\(id)' is already cancelled")
        #expect(result.lines[2] == "error: 'free --from 2024-05-01 --to 2024-05-02' is not a command a batch runs (rooms add, book, hold, confirm, release, cancel, change, checkin, checkout, noshow, block, unblock); see 'hotel batch --help'")
        #expect(result.lines[3].hasPrefix("error: invalid date '2024-02-30'"))
        #expect(result.lines[4] == "error: --store, --json and --help are not taken in a batch line; see 'hotel batch --help'")
        #expect(result.lines[5] == "error: unterminated quote or escape in a batch line; see 'hotel batch --help'")
        #expect(result.lines[6].hasPrefix("bk"))
        #expect(result.status == 1)
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
