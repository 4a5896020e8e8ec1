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

    static let sample = Repository.sample

    @Test func theBinaryHasPostgreSQLBuiltIn() throws {
        #expect(try pg.run(["--version"]).stdout.contains("(with PostgreSQL)"))
    }

    /// Issue 20 on PostgreSQL: the values in the table `hotel_guests`, never in the events; a forgotten guest's
    /// row deleted, so that `pg_dump` holds none of its values.
    @Test func guestsAreKeptInTheirTableAndForgottenWithoutATrace() throws {
        #expect(try pg.run(["rooms", "add", "Blue"]).status == 0)
        #expect(try pg.run(["guests", "set", "42", "--name", "Ana Müller", "--email", "ana@example.com", "--phone", "+41 22 123 45 67"]) == .init(stdout: "42\n", stderr: "", status: 0))
        #expect(try pg.run(["guests", "set", "7", "--name", "中村 花子"]).status == 0)
        #expect(try pg.run(["guests", "set", "42", "--note", "late arrival"]).status == 0)
        #expect(try pg.run(["guests", "find", "MULLER"]).stdout == "42\tAna Müller\tana@example.com\t+41 22 123 45 67\n")
        let id = try pg.run(["book", "--client", "42", "--room", "Blue", "--from", "2024-04-20", "--nights", "2"]).stdout.trimmingCharacters(in: .newlines)
        #expect(try pg.run(["arrivals", "--json"]).stdout.contains("\"name\":\"Ana Müller\""))
        #expect(try pg.run(["bookings", "--guest", "müller"]).stdout.hasPrefix(id + "\t42\t"))
        let dump = try database.dump()
        #expect(dump.contains("Ana Müller") && dump.contains("late arrival"))
        #expect(!(try pg.run(["log"]).stdout.contains("Müller")))
        #expect(try pg.run(["guests", "forget", "42"]).status == 0)
        let after = try database.dump()
        for value in ["Ana Müller", "ana@example.com", "+41 22 123 45 67", "late arrival"] { #expect(!after.contains(value), "\(value) is still in the database") }
        #expect(after.contains("中村 花子"))
        #expect(try pg.run(["guests", "show", "42"]).stdout.hasPrefix("client\t42\nforgotten\t"))
        // A batch sets and forgets, and export and import move the values.
        #expect(try pg.run(["batch"], input: "guests set 8 --name Kim\nguests set 9 --name Lee\nguests forget 9\n").stdout == "8\n9\n9\n")
        #expect(!(try database.dump()).contains("Lee"))
        let export = try pg.run(["guests", "export"]).stdout
        #expect(export.split(separator: "\n").count == 2)
        try PostgresTestDatabase.psql("DELETE FROM \(database.schema).hotel_guests")
        #expect(try pg.run(["guests"]).stdout == "7\t\t\t\n8\t\t\t\n")
        #expect(try pg.run(["guests", "import", "-"], input: export).stdout == "imported 2 profiles\n")
        #expect(try pg.run(["guests"]).stdout == "8\tKim\t\t\n7\t中村 花子\t\t\n")
        #expect(try pg.run(["verify"]).status == 0)
    }

    @Test func aHotelMovesToPostgreSQLAndBackByteForByte() throws {
        let sample = try Data(contentsOf: Self.sample)
        // A query on a database without hotel's tables: exit 66, as for a missing file.
        #expect(try pg.run(["rooms"]).status == 66)
        let imported = try pg.run(["import", Self.sample.path])
        #expect(imported == .init(stdout: "imported 155 events\n", stderr: "", status: 0))
        let log = try pg.run(["log"])
        #expect(Data(log.stdout.utf8) == sample)
        #expect(try pg.run(["verify"]).stdout == "ok: 155 events, 12 rooms, 62 bookings (9 cancelled), last position 155, head \(Repository.sampleHead)\n")
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

    @Test func theSameCommandsMakeTheSameChainedLinesOnBothStores() throws {
        // Given a file and a PostgreSQL store, when the same commands run on both at the same times (ids from
        // idempotency keys), one event at a time, several at once, and in a batch,
        for (n, arguments) in [
            ["rooms", "add", "Blue", "Green", "Red"], ["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03", "--idempotency-key", "a"],
            ["book", "--client", "2", "--room", "Green", "--from", "2024-05-02", "--to", "2024-05-04", "--idempotency-key", "b"], ["batch"],
        ].enumerated() {
            for var side in [file, pg] {
                side.environment["HOTEL_NOW"] = "2024-04-20T09:0\(n):00Z"
                let result = arguments == ["batch"]
                    ? try side.run(arguments, input: "book --client 3 --room Red --from 2024-05-01 --to 2024-05-02 --idempotency-key c\nrooms add Pink\n")
                    : try side.run(arguments)
                #expect(result.status == 0, "\(arguments): \(result)")
            }
        }
        // then PostgreSQL's lines are the file's, byte for byte, previousHash included,
        let lines = try pg.run(["log"]).stdout
        #expect(lines == String(decoding: try #require(FileManager.default.contents(atPath: sandbox.path + "/events.jsonl")), as: UTF8.self))
        #expect(lines.split(separator: "\n").count == 7 && lines.split(separator: "\n").allSatisfy { $0.contains(#","previousHash":""#) })
        // and both verify with one head, the one Python's hashlib finds.
        let head = try Repository.chainHead(sandbox.path + "/events.jsonl")
        #expect(try pg.run(["verify"]).stdout.hasSuffix(", head \(head)\n"))
        #expect(try file.run(["verify"]).stdout.hasSuffix(", head \(head)\n"))
    }

    @Test func anOldStoreOnPostgreSQLIsChainedFromItsNextAppendOn() throws {
        // Given the sample (written before the chain) imported into PostgreSQL, and into a file,
        #expect(try pg.run(["import", Self.sample.path]).status == 0)
        #expect(try file.run(["import", Self.sample.path]).status == 0)
        #expect(try pg.run(["verify"]).stdout.hasSuffix(", head \(Repository.sampleHead)\n"))
        // when the same room is added to both,
        for side in [pg, file] { #expect(try side.run(["rooms", "add", "Annex"]).status == 0) }
        // then the sample's lines stand, the new line carries the sample's head, and both logs are the same.
        let log = try pg.run(["log"]).stdout
        #expect(log.hasPrefix(try String(contentsOf: Self.sample, encoding: .utf8)))
        #expect(log.hasSuffix(#","previousHash":"\#(Repository.sampleHead)"}"# + "\n"))
        #expect(Data(log.utf8) == FileManager.default.contents(atPath: sandbox.path + "/events.jsonl"))
    }

    @Test func tablesMadeBeforeTheChainAreBroughtUpToItByTheNextWrite() throws {
        // Given tables at version 1 (made before the chain: without its function),
        #expect(try pg.run(["rooms", "add", "Blue"]).status == 0)
        let schema = database.schema
        try PostgresTestDatabase.psql("""
            UPDATE \(schema).hotel_schema SET version = 1;
            DROP FUNCTION \(schema).hotel_chain_value(bigint);
            """)
        // a read still works,
        #expect(try pg.run(["rooms"]).status == 0)
        // and the next write brings them to version 3 (the chain, the guests' tables) and chains its line from the one before.
        #expect(try pg.run(["rooms", "add", "Green"]).status == 0)
        #expect(try PostgresTestDatabase.psql("SELECT version FROM \(schema).hotel_schema") == "3\n")
        let lines = try pg.run(["log"]).lines
        let first = Array((lines[0] + "\n").utf8)
        #expect(lines[1].hasSuffix(#","previousHash":"\#(try Self.sha256Hex([UInt8](repeating: 0, count: 32) + first))"}"#))
        #expect(try pg.run(["verify"]).status == 0)
    }

    /// SHA-256 in hex by Python's hashlib.
    static func sha256Hex(_ bytes: [UInt8]) throws -> String {
        let hex = bytes.map { String(format: "%02x", $0) }.joined()
        var python = HotelProcess(directory: NSTemporaryDirectory())
        python.environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return try python.start(shell: "exec python3 -c 'import hashlib; print(hashlib.sha256(bytes.fromhex(\"\(hex)\")).hexdigest())'").wait().stdout
            .trimmingCharacters(in: .newlines)
    }

    @Test func followPrintsEveryMatchingEventOnceInOrder() throws {
        #expect(try pg.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let all = try pg.start(["log", "--follow"])
        let blue = try pg.start(["log", "--follow", "--tag", "room:Blue"])
        for n in 0..<20 {
            let day = String(format: "2024-05-%02d", n + 1), next = String(format: "2024-05-%02d", n + 2)
            #expect(try pg.run(["book", "--client", "1", "--room", n % 2 == 0 ? "Blue" : "Green", "--from", day, "--to", next]).status == 0)
        }
        usleep(500_000)
        for follower in [all, blue] { kill(follower.process.processIdentifier, SIGKILL) }
        #expect(all.wait().stdout == (try pg.run(["log"]).stdout))
        let expected = try pg.run(["log", "--tag", "room:Blue"]).stdout
        #expect(blue.wait().stdout == expected)
        #expect(expected.split(separator: "\n").count == 11)
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
            // Random ids differ between the sides, and so do the hashes of the lines that hold them (the chain is
            // compared byte for byte in theSameCommandsMakeTheSameChainedLinesOnBothStores).
            return text.replacing(#/[0-9a-f]{64}/#, with: "<hash>").replacing(#/"revision":"[0-9a-f]{16}"/#, with: #""revision":"<revision>""#)
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
            // Rooms, the currency, a rate, a profile and a room's status first; then anything.
            switch [0: 0, 1: 1, 2: 24, 3: 99, 4: 33, 5: 42][step] ?? random.next() % 44 {
            case 99: arguments = ["rates", "set", "--type", "double", "--price", "100"]
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
            case 10: arguments = random.next() % 4 == 0 ? ["undo", "<id>"] : [pick(["checkin", "checkout", "noshow"]), "<id>"]
            case 11: arguments = ["block", "--room", pick(rooms)] + stay + ["--reason", "paint"]
            case 12: arguments = ["unblock", "<id>"]
            case 13: arguments = ["free"] + stay + (random.next() % 2 == 0 ? ["--type", pick(types)] : [])
            case 14: arguments = ["availability"] + stay
            case 15: arguments = ["bookings"] + (random.next() % 2 == 0 ? ["--json"] : ["--status", "active", "--status", "held"])
            case 16: arguments = [pick(["arrivals", "departures", "in-house"]), "--on", stay[1]]
            case 17: arguments = ["blocks"]
            case 18: arguments = ["history", "<id>"]
            case 19: arguments = ["log", "--after", "\(random.next() % 20)"] + (random.next() % 2 == 0 ? ["--tag", "room:\(pick(rooms))"] : [])
            case 20: arguments = random.next() % 3 == 0 ? ["rooms", "--json"] : random.next() % 2 == 0
                ? ["calendar", "--from", stay[1], "--nights", "10", "--color", "never"] : ["occupancy", "--from", stay[1], "--nights", "7", "--by", pick(["night", "type", "room"])]
            case 21: arguments = ["verify"]
            case 22: arguments = ["bookings", "--as-of", "\(1 + random.next() % 30)"]
            // Money: the currency first (step 2), then rates, quotes, folios, postings, fees and balances.
            case 24: arguments = ["settings", "set", pick(["currency", "currency", "name"]), pick(["EUR", "USD"])]
            case 25: arguments = ["rates", "set", "--type", pick(types + ["standard"]), "--price", pick(["100", "80.5"])] + (random.next() % 2 == 0 ? stay : []) + (random.next() % 3 == 0 ? ["--days", "sat,sun"] : [])
            case 26: arguments = ["quote", "--type", pick(types + ["standard"])] + stay
            case 27: arguments = ["folio", "<id>"] + (random.next() % 2 == 0 ? ["--json"] : [])
            case 28, 31, 32:
                let verb = pick(["pay", "pay", "refund", "charge"])
                arguments = [verb, "<id>", "--amount", pick(["20", "5.25"])] + (verb == "charge" ? ["--what", "breakfast"] : ["--method", "card"])
            case 29: arguments = ["balances"] + (random.next() % 2 == 0 ? ["--json"] : [])
            case 30: arguments = ["cancel", "<id>", "--fee", "30"]
            // Guests: profiles beside the log, on both sides (their revisions are random, like ids).
            case 33, 34: arguments = ["guests", "set", "\(random.next() % 5)"] + pick([["--name", pick(["Ana Müller", "中村 花子", "Νίκος"])], ["--email", "a@example.com"], ["--phone", "+41 1"]])
            case 35: arguments = ["guests", "forget", "\(random.next() % 5)"]
            case 36: arguments = pick([["guests"], ["guests", "--json"], ["guests", "find", pick(["muller", "41", "νικος"])], ["guests", "show", "\(random.next() % 5)", "--json"], ["guests", "export"]])
            case 37, 40, 41: arguments = ["invoice", "<id>"] + (random.next() % 3 == 0 ? ["--credit"] : [])
            case 38: arguments = pick([["audit", "--on", stay[1]], ["revenue", "--from", stay[1], "--to", stay[3]], ["bookings", "--guest", "muller"]])
            case 39: arguments = ["hold", "--room", pick(rooms), "--idempotency-key", "k\(step)", "--deposit", "50"] + stay + ["--for", "2h"]
            // Housekeeping: statuses set, the list, a check-in let into a dirty room.
            case 42: arguments = [pick(["clean", "inspect", "dirty"]), pick(rooms)] + (random.next() % 3 == 0 ? [pick(rooms)] : [])
            case 43: arguments = pick([["housekeeping"], ["housekeeping", "--json", "--on", stay[1]], ["housekeeping", "--status", "dirty"], ["checkin", "<id>", "--dirty-ok"]])
            default: arguments = ["rooms"]
            }
            // Every tenth step, a batch.
            if step % 10 == 9 {
                arguments = ["batch"]
                input = "book --client 1 --idempotency-key b\(step) --room \(pick(rooms)) \(stay.joined(separator: " "))\nbook --client 2 --idempotency-key c\(step) --room \(pick(rooms)) \(stay.joined(separator: " "))\n"
                    + "guests set \(random.next() % 5) --name 'Zoë \(step)'\n"
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
        for type in ["SettingChanged", "RateSet", "PaymentRecorded", "ChargePosted", "GuestProfileSet", "GuestForgotten", "InvoiceIssued", "RoomStatusSet"] { #expect(logs[0].contains("\"type\":\"\(type)\""), "\(type)") }
        #expect(logs[0].contains("\"prices\":"))
        let caches = (try? FileManager.default.contentsOfDirectory(atPath: sandbox.path + "/cache")) ?? []
        #expect(caches.count == (seed == 1 ? 1 : 0), "\(caches)")
    }
}

/// Many processes and failures on PostgreSQL: real processes over TCP, a server restart, killed clients.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable, Comment(rawValue: PostgresTestDatabase.skipReason)))
struct PostgresFaultTests {
    let sandbox = Sandbox()
    let database: PostgresTestDatabase

    init() throws {
        database = try PostgresTestDatabase()
    }

    func hotel(_ url: String) -> HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_STORE"] = url
        hotel.environment["HOTEL_CACHE_DIR"] = sandbox.path + "/cache"
        hotel.environment["HOTEL_NOW"] = "2024-04-20T09:00:00Z"
        return hotel
    }

    /// The positions `hotel log` prints, in order.
    func positions(_ hotel: HotelProcess) throws -> [Int] {
        try hotel.run(["log"]).lines.map { Int($0.dropFirst(#"{"position":"#.count).prefix { $0.isNumber })! }
    }

    @Test func fiftyProcessesOverTCPBookingOneRoomLeaveExactlyOneBooking() throws {
        let url = try #require(database.tcpURL, "HOTEL_TEST_POSTGRES_TCP_URL is not set (scripts/postgres tcp-url)")
        let tcp = hotel(url)
        #expect(try tcp.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let gate = StartGate(in: sandbox.path)
        let arguments = ["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]
        let running = try (0..<50).map { _ in try tcp.start(arguments, after: gate) }
        gate.release(50)
        let results = running.map { $0.wait() }
        let winners = results.filter { $0.status == 0 }
        #expect(winners.count == 1, "\(results.filter { $0.status != 0 && $0.status != 1 })")
        let id = try #require(winners.first?.lines.first)
        for loser in results where loser.status != 0 {
            #expect(loser.status == 1)
            #expect(loser.stderr == "hotel: error: room 'Blue' is not free for 2024-05-01..2024-05-03: booking \(id) holds it for 2024-05-01..2024-05-03; 'hotel free --from 2024-05-01 --to 2024-05-03' lists free rooms\n")
        }
        #expect(try positions(tcp) == [1, 2, 3])
        #expect(try tcp.run(["verify"]).status == 0)
    }

    @Test func refusedCredentialsADownServerAndANewerSchemaAreClearFailures() throws {
        let url = try #require(database.tcpURL, "HOTEL_TEST_POSTGRES_TCP_URL is not set (scripts/postgres tcp-url)")
        // A wrong password: its own status, the password not shown.
        let wrong = url.replacingOccurrences(of: "hotel:hotel@", with: "hotel:wrong-secret@")
        let refused = try hotel(wrong).run(["rooms", "add", "Blue"])
        #expect(refused.status == 77, "\(refused)")
        #expect(refused.stderr.hasPrefix("hotel: error: the store 'postgresql://hotel:***@127.0.0.1:"), "\(refused)")
        #expect(refused.stderr.contains("refused the credentials") && !refused.stderr.contains("wrong-secret"))
        // Nobody listening: retried for HOTEL_CONNECT_TIMEOUT seconds, then 75.
        var down = hotel("postgresql://hotel@127.0.0.1:1/hotel_test")
        down.environment["HOTEL_CONNECT_TIMEOUT"] = "1"
        let started = Date()
        let unreachable = try down.run(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-02"])
        #expect(unreachable.status == 75, "\(unreachable)")
        #expect(unreachable.stderr.hasPrefix("hotel: error: cannot reach the store 'postgresql://hotel@127.0.0.1:1/hotel_test': "))
        #expect(unreachable.stderr.hasSuffix("gave up after 1 s (HOTEL_CONNECT_TIMEOUT); nothing was recorded, try again\n"))
        #expect(Date().timeIntervalSince(started) >= 0.9)
        // Tables made by a newer hotel: 65, nothing read or written.
        let socket = hotel(database.url)
        #expect(try socket.run(["rooms", "add", "Blue"]).status == 0)
        try PostgresTestDatabase.psql("UPDATE \(database.schema).hotel_schema SET version = 99")
        for arguments in [["rooms"], ["rooms", "add", "Green"]] {
            let newer = try socket.run(arguments)
            #expect(newer.status == 65)
            #expect(newer.stderr.contains("was made by a newer hotel (schema version 99; this hotel knows 3)"), "\(newer)")
        }
        #expect(try PostgresTestDatabase.psql("SELECT count(*) FROM \(database.schema).hotel_events") == "1\n")
    }

    @Test func concurrentBatchesTakeTurnsAndAllRecord() throws {
        let store = hotel(database.url)
        let rooms = (0..<8).map { "W\($0)" }
        #expect(try store.run(["rooms", "add"] + rooms).status == 0)
        // Eight writers, each a batch of 25 bookings of its own room, started together.
        let gate = StartGate(in: sandbox.path)
        let running = try rooms.map { room in
            let lines = (0..<25).map { n in "book --client 1 --room \(room) --from \(String(format: "2024-07-%02d", n + 1)) --to \(String(format: "2024-07-%02d", n + 2))" }
            try lines.joined(separator: "\n").appending("\n").write(toFile: sandbox.path + "/\(room).batch", atomically: true, encoding: .utf8)
            return try store.start(shell: "read _ < '\(gate.path)'; exec '\(HotelProcess.binary.path)' batch < '\(sandbox.path)/\(room).batch'")
        }
        gate.release(rooms.count)
        let results = running.map { $0.wait() }
        #expect(results.allSatisfy { $0.status == 0 && $0.lines.count == 25 }, "\(results.filter { $0.status != 0 })")
        #expect(try store.run(["bookings"]).lines.count == 200)
        #expect(try positions(store) == Array(1...208))
    }

    @Test func aKilledClientLeavesNoHalfWrittenAppend() throws {
        let store = hotel(database.url)
        var random = SplitMix(seed: 5)
        // Five rooms in one append, each process killed at a random moment: all five are there, or none.
        let running = try (0..<20).map { n in try store.start(["rooms", "add"] + (0..<5).map { "R\(n)-\($0)" }) }
        for process in running {
            usleep(UInt32(random.next() % 30_000))
            kill(process.process.processIdentifier, SIGKILL)
        }
        _ = running.map { $0.wait() }
        let rooms = Set(try store.run(["rooms"]).lines)
        for n in 0..<20 {
            let added = (0..<5).filter { rooms.contains("R\(n)-\($0)") }.count
            #expect(added == 0 || added == 5, "R\(n): \(added) of 5")
        }
        #expect(try positions(store) == Array(1...(rooms.count)))
        #expect(try store.run(["verify"]).status == 0)
    }

    @Test(.enabled(if: PostgresTestDatabase.serverDirectory != nil, "HOTEL_TEST_POSTGRES_DIR is not set: the server cannot be restarted"))
    func aServerRestartInTheMiddleOfBookingsLosesNoAcknowledgedBookingAndRecordsNoneTwice() throws {
        var store = hotel(database.url)
        store.environment["HOTEL_CONNECT_TIMEOUT"] = "30"
        let rooms = (0..<10).map { "R\($0)" }
        #expect(try store.run(["rooms", "add"] + rooms).status == 0)
        let script = Repository.root.appendingPathComponent("scripts/postgres").path
        let startedAt = try PostgresTestDatabase.psql("SELECT pg_postmaster_start_time()")
        var results: [(key: String, result: HotelProcess.Result)] = []
        for n in 0..<60 {
            if n == 20 {
                // Restarted in the background while the bookings go on.
                _ = try store.start(shell: "'\(script)' restart '\(PostgresTestDatabase.serverDirectory!)'")
            }
            let day = String(format: "2024-06-%02d", 1 + n / 10)
            let next = String(format: "2024-06-%02d", 2 + n / 10)
            let key = "restart-\(n)"
            results.append((key, try store.run(["book", "--client", "7", "--room", rooms[n % 10], "--from", day, "--to", next, "--idempotency-key", key])))
        }
        #expect(try PostgresTestDatabase.psql("SELECT pg_postmaster_start_time()") != startedAt, "the server was not restarted")
        // Every booking either succeeded or failed as unavailable (75), never anything else.
        #expect(results.allSatisfy { $0.result.status == 0 || $0.result.status == 75 }, "\(results.filter { $0.result.status != 0 })")
        // Retry the ones in doubt with the same key: each ends with exactly one booking.
        for (index, entry) in results.enumerated() where entry.result.status != 0 {
            let n = index
            let day = String(format: "2024-06-%02d", 1 + n / 10), next = String(format: "2024-06-%02d", 2 + n / 10)
            let retry = try store.run(["book", "--client", "7", "--room", rooms[n % 10], "--from", day, "--to", next, "--idempotency-key", entry.key])
            #expect(retry.status == 0, "\(retry)")
            results[index].result = retry
        }
        let booked = try store.run(["bookings"]).lines.map { String($0.prefix { $0 != "\t" }) }
        let acknowledged = results.map { $0.result.stdout.trimmingCharacters(in: .newlines) }
        #expect(Set(booked) == Set(acknowledged))
        #expect(booked.count == 60)
        #expect(try positions(store) == Array(1...70))
        #expect(try store.run(["verify"]).status == 0)
    }
}

/// A `hotel` built without the PostgreSQL trait says how to get one that has it.
struct PostgresNotBuiltInTests {
    let sandbox = Sandbox()

    @Test func aBuildWithoutPostgreSQLSaysHowToBuildOne() throws {
        let version = try sandbox.hotel.run(["--version"]).stdout
        let result = try sandbox.hotel.run(["--store", "postgresql://hotel:secret@db.example/hotel", "rooms"])
        if version.contains("(with PostgreSQL)") {
            // Built with it: the URL is taken (and, no server being there, the store is unreachable or absent).
            #expect(result.status != 64, "\(result)")
        } else {
            #expect(result == .init(stdout: "", stderr: "hotel: error: this hotel cannot open 'postgresql://hotel:***@db.example/hotel': it was built without PostgreSQL support; build one with 'swift build -c release --traits PostgreSQL' (needs libpq-dev), see the README's 'Running on PostgreSQL'\n", status: 64))
        }
    }
}
