import Foundation
import HotelTestSupport
import Testing

/// `batch --atomic`, batch lines refused before they run, `log --since`, typed ids and tables on PostgreSQL: the
/// same output and the same log as on a file. Skipped unless HOTEL_TEST_POSTGRES_URL is set (and the binary is
/// built with --traits PostgreSQL).
@Suite(.enabled(if: PostgresTestDatabase.isAvailable, Comment(rawValue: PostgresTestDatabase.skipReason)))
struct PostgresBatchAndLogTests {
    let sandbox = Sandbox()
    let database: PostgresTestDatabase

    init() throws {
        database = try PostgresTestDatabase()
    }

    /// `hotel` on this test's PostgreSQL schema, or on a file in the sandbox, at `now`.
    func hotel(onPostgreSQL: Bool, now: String = "2024-04-20T09:00:00Z") -> HotelProcess {
        var hotel = sandbox.hotel(now: now)
        hotel.environment["HOTEL_STORE"] = onPostgreSQL ? database.url : sandbox.path + "/events.jsonl"
        hotel.environment["HOTEL_CACHE_DIR"] = sandbox.path + "/cache"
        return hotel
    }

    @Test func anAtomicBatchRecordsAllOrNothingAsOnAFile() throws {
        for onPostgreSQL in [false, true] {
            let hotel = hotel(onPostgreSQL: onPostgreSQL)
            try #require(hotel.run(["rooms", "add", "Blue", "Green"]).status == 0)
            let id = try hotel.run(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--nights", "2", "--idempotency-key", "a"]).lines[0]
            let before = try hotel.run(["log"]).stdout
            // Refused on its third line: nothing recorded.
            let refused = try hotel.run(["batch", "--atomic"], input: "rooms add Red\nbook --client 2 --room Green --from 2024-05-01 --nights 2 --idempotency-key b\nbook --client 3 --room Blue --from 2024-05-02 --nights 1\n")
            #expect(refused == .init(
                stdout: "", stderr: "hotel: error: line 3 of the batch: room 'Blue' is not free for 2024-05-02..2024-05-03: booking \(id) holds it for 2024-05-01..2024-05-03; 'hotel free --from 2024-05-02 --to 2024-05-03' lists free rooms; nothing was recorded\n",
                status: 1), "\(onPostgreSQL)")
            #expect(try hotel.run(["log"]).stdout == before)
            // A line that is not a command: a usage error before anything runs, with or without --atomic.
            for atomic in [["batch"], ["batch", "--atomic"]] {
                let bad = try hotel.run(atomic, input: "rooms add Red\nbook --client 3 --room Blue --from 2024-05-32 --nights 1\n")
                #expect(bad.status == 64 && bad.stdout == "" && bad.stderr.hasPrefix("hotel: error: line 2 of the batch: invalid date '2024-05-32'"), "\(bad)")
                #expect(try hotel.run(["log"]).stdout == before)
            }
            // Accepted: all of it.
            let accepted = try hotel.run(["batch", "--atomic"], input: "rooms add Red\nbook --client 2 --room Green --from 2024-05-01 --nights 2 --idempotency-key b\ncancel \(id.uppercased())\n")
            #expect(accepted.status == 0 && accepted.lines.count == 3 && accepted.lines[2] == id, "\(accepted)")
        }
        // The same lines on both stores, byte for byte.
        #expect(try hotel(onPostgreSQL: true).run(["log"]).stdout == String(decoding: try #require(FileManager.default.contents(atPath: sandbox.path + "/events.jsonl")), as: UTF8.self))
    }

    @Test func logSinceAndTypedIDsAnswerAsOnAFile() throws {
        for onPostgreSQL in [false, true] {
            try #require(hotel(onPostgreSQL: onPostgreSQL).run(["rooms", "add", "Blue"]).status == 0)
            for (n, now) in ["2024-04-20T10:00:00Z", "2024-04-21T10:00:00Z", "2024-04-22T10:00:00Z"].enumerated() {
                try #require(hotel(onPostgreSQL: onPostgreSQL, now: now).run(["book", "--client", "\(n)", "--room", "Blue", "--from", "2024-05-0\(n + 1)", "--nights", "1", "--idempotency-key", "k\(n)"]).status == 0)
            }
        }
        let file = hotel(onPostgreSQL: false), pg = hotel(onPostgreSQL: true)
        let id = try file.run(["bookings"]).lines[1].components(separatedBy: "\t")[0]
        for query in [
            ["log", "--since", "2024-04-21T10:00:00Z"], ["log", "--since", "2024-04-21"], ["log", "--since", "2024-04-21", "--type", "RoomBooked", "--limit", "1"],
            ["history", id.uppercased()], ["history", String(id.dropLast())], ["bookings", "--tsv"],
        ] {
            #expect(try pg.run(query) == file.run(query), "\(query)")
        }
        #expect(try pg.run(["log", "--since", "2024-04-21"]).lines.count == 2)
        #expect(try pg.inTerminal("hotel bookings") == file.inTerminal("hotel bookings"))
    }
}
