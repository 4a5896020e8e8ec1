import Foundation
import HotelTestSupport
import Testing

/// `hotel` on PostgreSQL, run as a user runs it: the same commands with the same output as on a file, moving a
/// hotel between the two, many processes at once over TCP, a server restarting in the middle, refused
/// credentials, a newer schema. Skipped, with the reason printed, unless HOTEL_TEST_POSTGRES_URL is set (and
/// the binary is built with --traits PostgreSQL).
@Suite(.enabled(if: PostgresTestDatabase.isAvailable, Comment(rawValue: PostgresTestDatabase.skipReason)))
struct PostgresTests {
    let sandbox = Sandbox()
    let database: PostgresTestDatabase

    init() throws {
        database = try PostgresTestDatabase()
    }

    /// `hotel` on this test's PostgreSQL schema (HOTEL_STORE), its cache in the sandbox.
    var pg: HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_STORE"] = database.url
        hotel.environment["HOTEL_CACHE_DIR"] = sandbox.path + "/cache"
        hotel.environment["HOTEL_NOW"] = "2024-04-20T09:00:00Z"
        hotel.environment["TZ"] = "UTC"
        return hotel
    }

    /// `hotel` on a file in the sandbox.
    var file: HotelProcess {
        var hotel = pg
        hotel.environment["HOTEL_STORE"] = sandbox.path + "/events.jsonl"
        return hotel
    }

    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("events.jsonl.sample")

    @Test func theBinaryHasPostgreSQLBuiltIn() throws {
        #expect(try pg.run(["--version"]).stdout.contains("(with PostgreSQL)"))
    }

    @Test func aHotelMovesToPostgreSQLAndBackByteForByte() throws {
        let sample = try Data(contentsOf: Self.sample)
        // A query on a database without hotel's tables: exit 66, as for a missing file.
        #expect(try pg.run(["rooms"]).status == 66)
        let imported = try pg.run(["import", Self.sample.path])
        #expect(imported == .init(stdout: "imported 111 events\n", stderr: "", status: 0))
        let log = try pg.run(["log"])
        #expect(Data(log.stdout.utf8) == sample)
        #expect(try pg.run(["verify"]).stdout == "ok: 111 events, 12 rooms, 57 bookings (8 cancelled), last position 111\n")
        // And back: into a new file, identical to the sample.
        let back = try file.run(["import", "-"], input: log.stdout)
        #expect(back.status == 0)
        #expect(FileManager.default.contents(atPath: sandbox.path + "/events.jsonl") == sample)
        // Queries answer alike on both.
        for query in [["free", "--from", "2024-05-08", "--to", "2024-05-10"], ["bookings"], ["arrivals", "--on", "2024-05-01"], ["availability", "--from", "2024-05-02", "--to", "2024-05-04"], ["bookings", "--as-of", "40"], ["log", "--tag", "room:101", "--type", "RoomBooked"], ["log", "--after", "100", "--limit", "3"]] {
            #expect(try pg.run(query) == file.run(query), "\(query)")
        }
        // A second import is refused: the store holds events.
        #expect(try pg.run(["import", Self.sample.path]).status == 1)
    }

    /// Replaces each booking or block id by `<id N>` in order of first appearance, and the store's name by
    /// `<store>`: the two stores draw different random ids.
    struct Normalizer {
        var ids: [String] = []
        let store: String

        mutating func callAsFunction(_ text: String) -> String {
            var text = text.replacingOccurrences(of: store, with: "<store>")
            let regex = try! NSRegularExpression(pattern: "\\b(bk|bl)[0-9a-z]{8,10}\\b")
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let id = String(text[Range(match.range, in: text)!])
                if !ids.contains(id) { ids.append(id) }
            }
            for (n, id) in ids.enumerated().reversed() { text = text.replacingOccurrences(of: id, with: "<id \(n)>") }
            return text
        }
    }

    @Test(arguments: [1, 2] as [UInt64])
    func aRandomCommandSequenceGivesTheSameOutputOnBothStores(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        var onPostgres = pg
        // Seed 1 rewrites PostgreSQL's local cache after every change: its answers come from snapshot + tail.
        if seed == 1 { onPostgres.environment["HOTEL_CACHE_THRESHOLD"] = "0" }
        var sides = [(file, Normalizer(store: sandbox.path + "/events.jsonl")), (onPostgres, Normalizer(store: database.url))]
        let rooms = ["101", "102", "Blue", "Suite 7"], types = ["double", "suite"]
        var clock = try #require(ISO8601DateFormatter().date(from: "2024-04-28T08:00:00Z"))
        var compared = 0
        for step in 0..<200 {
            let first = Int(random.next() % 10) + 1
            let stay = ["--from", String(format: "2024-05-%02d", first), "--to", String(format: "2024-05-%02d", first + 1 + Int(random.next() % 3))]
            // An id by its index among the ids seen so far (the same booking on both sides), or one never seen.
            let idIndex: Int? = sides[0].1.ids.isEmpty || random.next() % 8 == 0 ? nil : Int(random.next() % UInt64(sides[0].1.ids.count))
            var arguments: [String]
            var input: String?
            switch step < 2 ? UInt64(step) : random.next() % 24 {
            case 0: arguments = ["rooms", "add", "101", "102", "--type", "double"]
            case 1: arguments = ["rooms", "add", pick(rooms)] + (random.next() % 2 == 0 ? ["--type", pick(types)] : [])
            // Bookings and holds carry idempotency keys, so that their ids (derived from the key) are the same on
            // both sides, and so is the order of bookings that tie on arrival and room.
            case 2, 3, 4, 23: arguments = ["book", "--client", "\(random.next() % 5)", "--idempotency-key", "k\(step)"] + (random.next() % 4 == 0 ? ["--type", pick(types)] : ["--room", pick(rooms)]) + stay
            case 5: arguments = ["hold", "--room", pick(rooms), "--idempotency-key", "k\(step)"] + stay + ["--for", pick(["30m", "2h"])]
            case 6: arguments = ["confirm", "<id>", "--client", "9"]
            case 7: arguments = ["release", "<id>"]
            case 8: arguments = ["change", "<id>"] + (random.next() % 2 == 0 ? ["--room", pick(rooms)] : stay)
            case 9: arguments = ["cancel", "<id>"] + (random.next() % 2 == 0 ? ["--reason", "plans changed"] : [])
            case 10: arguments = [pick(["checkin", "checkout", "noshow"]), "<id>"]
            case 11: arguments = ["block", "--room", pick(rooms)] + stay + ["--reason", "paint"]
            case 12: arguments = ["unblock", "<id>"]
            case 13: arguments = ["free"] + stay + (random.next() % 2 == 0 ? ["--type", pick(types)] : [])
            case 14: arguments = ["availability"] + stay
            case 15: arguments = ["bookings"] + (random.next() % 2 == 0 ? ["--json"] : ["--status", "active", "--status", "held"])
            case 16: arguments = [pick(["arrivals", "departures", "in-house"]), "--on", stay[1]]
            case 17: arguments = ["blocks"]
            case 18: arguments = ["history", "<id>"]
            case 19: arguments = ["log", "--after", "\(random.next() % 20)"] + (random.next() % 2 == 0 ? ["--tag", "room:\(pick(rooms))"] : [])
            case 20: arguments = ["rooms", "--json"]
            case 21: arguments = ["verify"]
            case 22: arguments = ["bookings", "--as-of", "\(1 + random.next() % 30)"]
            default: arguments = ["rooms"]
            }
            // Every tenth step, a batch.
            if step % 10 == 9 {
                arguments = ["batch"]
                input = "book --client 1 --idempotency-key b\(step) --room \(pick(rooms)) \(stay.joined(separator: " "))\nbook --client 2 --idempotency-key c\(step) --room \(pick(rooms)) \(stay.joined(separator: " "))\n"
            }
            var results: [String] = []
            for side in sides.indices {
                var hotel = sides[side].0
                hotel.environment["HOTEL_NOW"] = ISO8601DateFormatter().string(from: clock)
                let concrete = arguments.map { word -> String in
                    guard word == "<id>" else { return word }
                    return idIndex.map { sides[side].1.ids[$0] } ?? "bkneverseen"
                }
                let result = try input.map { try hotel.run(concrete, input: $0) } ?? hotel.run(concrete)
                results.append("status \(result.status)\nstdout: \(sides[side].1(result.stdout))\nstderr: \(sides[side].1(result.stderr))")
            }
            #expect(results[0] == results[1], "step \(step): \(arguments)")
            if results[0] == results[1] { compared += 1 }
            clock += Double(random.next() % 5) * 1800
        }
        #expect(compared == 200)
        // The logs are the same, line for line (ids aside).
        let logs = try sides.indices.map { side in sides[side].1(try sides[side].0.run(["log"]).stdout) }
        #expect(logs[0] == logs[1])
        #expect(logs[0].split(separator: "\n").count > 20)
        let caches = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.path + "/cache")) ?? []
        #expect(caches.count == (seed == 1 ? 1 : 0), "\(caches)")
    }
}
