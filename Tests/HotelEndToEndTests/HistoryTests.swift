import Foundation
import HotelTestSupport
import Testing

/// The history as a user reaches it: `hotel log` (filters, --after, --limit, --follow), `hotel import` and
/// `hotel history`, on real processes.
struct HistoryTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-04-20T09:00:00Z"
        hotel.environment["TZ"] = "UTC"
        return hotel
    }

    static let sample = Repository.sample

    func useSample() throws {
        try sandbox.copySample()
    }

    func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    @Test func anUnfilteredLogIsTheStoreByteForByteAndImportsBackIdentically() throws {
        try useSample()
        let log = try hotel.run(["log"])
        #expect(log.status == 0 && log.stderr == "")
        #expect(Data(log.stdout.utf8) == sandbox.hotel.storeBytes())
        let imported = try hotel.run(["--store", "copy.jsonl", "import", "-"], input: log.stdout)
        #expect(imported == .init(stdout: "imported 155 events\n", stderr: "", status: 0))
        #expect(FileManager.default.contents(atPath: sandbox.path + "/copy.jsonl") == sandbox.hotel.storeBytes())
        // And from a file.
        let fromFile = try hotel.run(["--store", "copy2.jsonl", "import", Self.sample.path])
        #expect(fromFile.status == 0)
        #expect(FileManager.default.contents(atPath: sandbox.path + "/copy2.jsonl") == sandbox.hotel.storeBytes())
    }

    @Test func filtersSelectAsADCBQueryItem() throws {
        try useSample()
        let all = lines(try hotel.run(["log"]).stdout)
        func positions(_ arguments: [String]) throws -> [Int] {
            lines(try hotel.run(["log"] + arguments).stdout).map { line in
                Int(line.dropFirst(#"{"position":"#.count).prefix { $0.isNumber })!
            }
        }
        // Types are OR-ed, tags AND-ed.
        let holdsOrReleases = all.enumerated().filter { $0.element.contains(#""type":"RoomHeld""#) || $0.element.contains(#""type":"HoldReleased""#) }.map { $0.offset + 1 }
        #expect(try positions(["--type", "RoomHeld", "--type", "HoldReleased"]) == holdsOrReleases)
        #expect(!holdsOrReleases.isEmpty)
        let garden = all.enumerated().filter { $0.element.contains(#""room:Garden""#) }.map { $0.offset + 1 }
        let gardenBookings = all.enumerated().filter { $0.element.contains(#""room:Garden""#) && $0.element.contains(#""type":"RoomBooked""#) }.map { $0.offset + 1 }
        #expect(try positions(["--tag", "room:Garden"]) == garden)
        #expect(try positions(["--tag", "room:Garden", "--type", "RoomBooked"]) == gardenBookings)
        let booked = try #require(all.first { $0.contains(#""type":"RoomBooked""#) && $0.contains("room:Garden") } ?? all.first { $0.contains(#""type":"RoomBooked""#) })
        let clientRange = try #require(booked.range(of: #""client:[0-9]+""#, options: .regularExpression))
        let clientTag = String(booked[clientRange].dropFirst().dropLast())
        #expect(try positions(["--tag", "room:Garden", "--tag", clientTag]).allSatisfy { all[$0 - 1].contains(#""room:Garden""#) && all[$0 - 1].contains("\"\(clientTag)\"") })
        #expect(try positions(["--after", "100"]) == Array(101...155))
        #expect(try positions(["--after", "100", "--limit", "3"]) == [101, 102, 103])
        #expect(try positions(["--after", "155"]) == [])
        #expect(try positions(["--after", "5000"]) == [])
        for (arguments, message) in [
            (["--after", "-1"], "invalid position '-1': expected a whole number, 0 or more; see 'hotel log --help'"),
            (["--limit", "0"], "invalid number '0': expected a whole number, 1 or more; see 'hotel log --help'"),
            (["--tag", ""], "invalid tag '': expected non-empty text without control characters, such as room:Blue; see 'hotel log --help'"),
        ] {
            #expect(try hotel.run(["log"] + arguments) == .init(stdout: "", stderr: "hotel: error: \(message)\n", status: 64))
        }
    }

    @Test func importRefusesWhatDoesNotVerifyOrANonEmptyStoreAndChangesNothing() throws {
        try useSample()
        let sample = try String(contentsOf: Self.sample, encoding: .utf8)
        var sampleLines = lines(sample)
        let gap = sampleLines.enumerated().filter { $0.offset != 5 }.map(\.element).joined(separator: "\n") + "\n"
        // A second booking of a room over a booked stay: a still-active booking's line again, with a new id and
        // position (a booking whose id stands on no other line was never cancelled, changed or checked out).
        let booking = try #require(sampleLines.firstIndex { line in
            guard line.contains(#""type":"RoomBooked""#), let range = line.range(of: #"bk[0-9a-z]{8}"#, options: .regularExpression) else { return false }
            return sampleLines.filter { $0.contains(line[range]) }.count == 1
        })
        var double = sampleLines[booking].replacingOccurrences(of: #""position":\#(booking + 1),"#, with: #""position":112,"#)
        let oldID = String(double[try #require(double.range(of: #"bk[0-9a-z]{8}"#, options: .regularExpression))])
        double = double.replacingOccurrences(of: oldID, with: "bkdoubledd")
        sampleLines.append(double)
        let doubled = sampleLines.joined(separator: "\n") + "\n"
        let torn = String(sample.dropLast(30))
        for (input, problem) in [(gap, "position 7 skips ahead, expected 6"), (doubled, "overlaps active booking"), (torn, "unterminated last line")] {
            let result = try hotel.run(["--store", "new.jsonl", "import", "-"], input: input)
            #expect(result.status == 65 && result.stdout == "", "\(result)")
            #expect(result.stderr.contains(problem) && result.stderr.hasPrefix("stdin:"), "\(result.stderr)")
            #expect(result.stderr.hasSuffix("nothing was imported\n"))
            #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/new.jsonl") || FileManager.default.contents(atPath: sandbox.path + "/new.jsonl")!.isEmpty)
        }
        let before = sandbox.hotel.storeBytes()
        let notEmpty = try hotel.run(["import", Self.sample.path])
        #expect(notEmpty.status == 1 && notEmpty.stderr.contains("already holds events"))
        #expect(sandbox.hotel.storeBytes() == before)
        #expect(try hotel.run(["--store", "x.jsonl", "import", "missing.jsonl"]).status == 66)
    }

    @Test func historyTellsABookingsStoryInWords() throws {
        try hotel.run(["rooms", "add", "Blue", "Green"])
        let id = try hotel.run(["hold", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03", "--client", "42"]).stdout.trimmingCharacters(in: .newlines)
        try hotel.run(["confirm", id])
        try hotel.run(["change", id, "--room", "Green", "--to", "2024-05-04"])
        var arrival = hotel
        arrival.environment["HOTEL_NOW"] = "2024-05-01T15:00:00Z"
        try arrival.run(["checkin", id])
        let result = try hotel.run(["history", id])
        #expect(result == .init(stdout: """
            3\t2024-04-20T09:00:00Z\theld Blue 2024-05-01..2024-05-03 for client 42 until 2024-04-20T09:15:00Z
            4\t2024-04-20T09:00:00Z\tconfirmed for client 42
            5\t2024-04-20T09:00:00Z\tmoved to Green 2024-05-01..2024-05-04
            6\t2024-05-01T15:00:00Z\tchecked in on 2024-05-01

            """, stderr: "", status: 0))
        let json = try hotel.run(["history", id, "--json"]).stdout
        #expect(json.hasPrefix(#"{"id":"\#(id)","events":[{"position":3,"recordedAt":"2024-04-20T09:00:00Z","type":"RoomHeld","summary":"held Blue"#))
        #expect(try hotel.run(["history", "bknone"]) == .init(stdout: "", stderr: "hotel: error: unknown booking 'bknone'; 'hotel bookings' lists the bookings\n", status: 1))
    }

    @Test func historyAnswersAlikeFromTheIndexInTheCacheADamagedCacheAndTheLog() throws {
        try useSample()
        let ids = lines(try hotel.run(["bookings"]).stdout).map { String($0.split(separator: "\t")[0]) }
        #expect(ids.count > 10)
        var cached = hotel
        cached.environment["HOTEL_CACHE_THRESHOLD"] = "0"
        func positions(_ text: String) -> [String] { lines(text).map { String($0.split(separator: "\t")[0]) } }
        for id in ids {
            // What the log says of the booking: its lines tagged with its id.
            let tagged = lines(try hotel.run(["log", "--tag", "booking:\(id)"]).stdout).map { line in
                String(line.split(separator: ",")[0].dropFirst(#"{"position":"#.count))
            }
            let plain = try hotel.run(["history", id])
            #expect(plain.status == 0 && positions(plain.stdout) == tagged, "\(id)")
            // From the history index in the snapshot, and as of a point, as the log cut there says.
            #expect(try cached.run(["history", id]) == plain)
            #expect(FileManager.default.fileExists(atPath: sandbox.path + "/events.jsonl.cache"))
            let middle = tagged[tagged.count / 2]
            let asOf = try cached.run(["history", id, "--as-of", middle])
            #expect(positions(asOf.stdout) == Array(tagged.prefix { Int($0)! <= Int(middle)! }), "\(id) as of \(middle)")
        }
        // A damaged snapshot: the same answers, and the snapshot rebuilt.
        let cachePath = sandbox.path + "/events.jsonl.cache"
        var bytes = try #require(FileManager.default.contents(atPath: cachePath))
        for k in stride(from: 4096, to: bytes.count, by: 97) { bytes[k] ^= 0x5A }
        try bytes.write(to: URL(fileURLWithPath: cachePath))
        for id in ids { #expect(try cached.run(["history", id]) == hotel.run(["history", id]), "\(id), damaged cache") }
        #expect(FileManager.default.contents(atPath: cachePath) != bytes)
    }

    @Test func everyQueryAsOfAPointAnswersAsTheLogCutThereDoes() throws {
        try useSample()
        let sampleLines = lines(try String(contentsOf: Self.sample, encoding: .utf8))
        func recordedAt(_ line: String) -> String { String(line.components(separatedBy: #""recordedAt":""#).last!.prefix(20)) }
        let held = try #require(sampleLines.first { $0.contains(#""type":"RoomHeld""#) })
        let heldID = String(held[try #require(held.range(of: #"bk[0-9a-z]{8}"#, options: .regularExpression))])
        let queries: [[String]] = [
            ["rooms"], ["rooms", "--type", "double", "--json"], ["free", "--from", "2024-05-08", "--to", "2024-05-10"],
            ["availability", "--from", "2024-05-02", "--to", "2024-05-04"], ["bookings"], ["bookings", "--json", "--status", "held", "--status", "expired"],
            ["arrivals", "--on", "2024-05-01"], ["departures", "--on", "2024-05-03"], ["in-house", "--on", "2024-05-02"], ["arrivals"],
            ["blocks"], ["history", heldID],
        ]
        // Positions (the first, in the middle, at a hold's recording, the last) and times (a day's start, a
        // moment between events, an event's own time).
        let heldAt = sampleLines.firstIndex(of: held)! + 1
        var points = [1, 40, heldAt, heldAt + 1, sampleLines.count].map { ($0.description, $0, recordedAt(sampleLines[$0 - 1])) }
        for time in ["2024-04-10", "2024-04-12T13:00:00Z", recordedAt(sampleLines[60])] {
            let instant = time.count == 10 ? time + "T00:00:00Z" : time
            let count = sampleLines.lastIndex { recordedAt($0) <= instant }! + 1
            points.append((time, count, instant))
        }
        for (point, count, now) in points {
            let cut = sandbox.path + "/cut-\(count).jsonl"
            try (sampleLines.prefix(count).joined(separator: "\n") + "\n").write(toFile: cut, atomically: false, encoding: .utf8)
            var then = hotel
            then.environment["HOTEL_NOW"] = now
            for query in queries {
                let expected = try then.run(["--store", cut] + query)
                let asOf = try hotel.run(query + ["--as-of", point])
                #expect(asOf == expected, "--as-of \(point): \(query)")
            }
        }
        // The answers differ with the point: the hotel really is seen as it was.
        #expect(try hotel.run(["bookings", "--as-of", "40"]).stdout != hotel.run(["bookings"]).stdout)
        #expect(try hotel.run(["rooms", "--as-of", "1"]).stdout == "101\n")
        // The log and its cache are left as they were.
        #expect(sandbox.hotel.storeBytes() == FileManager.default.contents(atPath: Self.sample.path))

        for (arguments, message, status) in [
            (["rooms", "--as-of", "156"], "--as-of 156 is past the end of the log, whose last position is 155", Int32(1)),
            (["free", "--from", "2024-05-08", "--to", "2024-05-10", "--as-of", "2024-03-01"], "--as-of 2024-03-01T00:00:00Z is before the log's first event, recorded at 2024-04-01T08:00:00Z", 1),
            (["history", heldID, "--as-of", "9999"], "--as-of 9999 is past the end of the log, whose last position is 155", 1),
            (["bookings", "--as-of", "0"], "invalid --as-of '0': expected a log position (a whole number from 1), a day as YYYY-MM-DD or a time such as 2024-05-01T12:00:00Z; see 'hotel bookings --help'", 64),
            (["arrivals", "--as-of", "last tuesday"], "invalid --as-of 'last tuesday': expected a log position (a whole number from 1), a day as YYYY-MM-DD or a time such as 2024-05-01T12:00:00Z; see 'hotel arrivals --help'", 64),
        ] {
            #expect(try hotel.run(arguments) == .init(stdout: "", stderr: "hotel: error: \(message)\n", status: status), "\(arguments)")
        }
        // A booking not yet made at that point is unknown then.
        let lastBooking = try #require(sampleLines.last { $0.contains(#""type":"RoomBooked""#) })
        let lateID = String(lastBooking[try #require(lastBooking.range(of: #"bk[0-9a-z]{8}"#, options: .regularExpression))])
        #expect(try hotel.run(["history", lateID, "--as-of", "20"]).status == 1)
        #expect(try hotel.run(["--store", "missing.jsonl", "rooms", "--as-of", "3"]).status == 66)
    }

    @Test func followPrintsEveryAppendOnceInOrderAcrossATornTailRepairAndExitsWhenTheReaderGoes() throws {
        try hotel.run(["rooms", "add"] + (1...10).map { "R\($0)" })
        let follower = try sandbox.hotel.start(["log", "--follow"])
        // Writers append while it follows; a crash leaves a torn line, which the next writer moves aside.
        for i in 1...10 {
            let writers = try (1...3).map { w in
                try hotel.start(["book", "--client", "\(i)", "--room", "R\(w)", "--from", String(format: "2024-06-%02d", i), "--to", String(format: "2024-06-%02d", i + 1)])
            }
            for writer in writers { #expect(writer.wait().status == 0) }
            if i == 5 {
                let handle = try #require(FileHandle(forWritingAtPath: sandbox.hotel.storePath))
                handle.seekToEndOfFile()
                handle.write(Data(#"{"position":999,"type":"RoomBoo"#.utf8))
                try handle.close()
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
        Thread.sleep(forTimeInterval: 0.5)
        // Interrupted (SIGKILL: a test runner may have its children ignore SIGTERM).
        kill(follower.process.processIdentifier, SIGKILL)
        let followed = follower.wait()
        #expect(Data(followed.stdout.utf8) == sandbox.hotel.storeBytes(), "the follower must print the log exactly: every event once, in order, no torn line")
        #expect(!followed.stdout.contains(#""position":999"#))
        #expect(FileManager.default.fileExists(atPath: sandbox.hotel.storePath + ".torn"))

        // A reader that goes away ends it quietly, with status 0, even when nothing more is appended.
        let started = Date()
        let script = #"exec bash -c '"$0" log --follow | head -n 3; echo "status ${PIPESTATUS[0]}" >&2' "#
        let piped = try sandbox.hotel.start(shell: script + "'\(HotelProcess.binary.path)'").wait()
        #expect(piped.lines.count == 3)
        #expect(piped.stderr == "status 0\n", "\(piped)")
        #expect(Date().timeIntervalSince(started) < 5)
    }
}
