import Foundation
import HotelTestSupport
import Testing

/// `hotel log --since TIME`: the events recorded at or after a time (or the start of a day, in the local time
/// zone), with the other options of `log` and with `--follow`.
struct LogSinceTests {
    let sandbox = Sandbox()

    func hotel(now: String = "2024-04-20T09:00:00Z", zone: String = "UTC") -> HotelProcess { sandbox.hotel(now: now, zone: zone) }

    /// The sample's lines recorded at or after `time` (ISO 8601 UTC compares as text), in order.
    func sampleLines(since time: String) throws -> [String] {
        try String(contentsOf: Repository.sample, encoding: .utf8).split(separator: "\n").map(String.init).filter { line in
            let range = try #require(line.range(of: #""recordedAt":"[^"]+""#, options: .regularExpression))
            return String(line[range].dropFirst(#""recordedAt":""#.count).dropLast()) >= time
        }
    }

    @Test func printsTheEventsRecordedAtOrAfterATime() throws {
        try sandbox.copySample()
        let since = try sampleLines(since: "2024-04-16T14:35:00Z")
        #expect(since.count > 3 && since.count < 111)
        // At the time of an event: that event on (at or after).
        #expect(try hotel().run(["log", "--since", "2024-04-16T14:35:00Z"]) == .init(stdout: since.map { $0 + "\n" }.joined(), stderr: "", status: 0))
        #expect(try hotel().run(["log", "--since", "2024-04-16T14:35:01Z"]).lines == Array(since.dropFirst()))
        // With an offset: the same moment.
        #expect(try hotel().run(["log", "--since", "2024-04-16T16:35:00+02:00"]).lines == since)
        // After the last event: nothing; before the first: everything.
        #expect(try hotel().run(["log", "--since", "2030-01-01T00:00:00Z"]) == .init(stdout: "", stderr: "", status: 0))
        #expect(try hotel().run(["log", "--since", "2000-01-01"]).stdout == String(contentsOf: Repository.sample, encoding: .utf8))
    }

    @Test func aDayMeansItsStartInTheLocalTimeZone() throws {
        try sandbox.copySample()
        #expect(try hotel(zone: "UTC").run(["log", "--since", "2024-04-16"]).lines == (try sampleLines(since: "2024-04-16T00:00:00Z")))
        // In Tokyo (UTC+9) the 16th starts at 15:00 UTC on the 15th; in New York (UTC-4 then), at 04:00 UTC.
        #expect(try hotel(zone: "Asia/Tokyo").run(["log", "--since", "2024-04-17"]).lines == (try sampleLines(since: "2024-04-16T15:00:00Z")))
        #expect(try hotel(zone: "America/New_York").run(["log", "--since", "2024-04-16"]).lines == (try sampleLines(since: "2024-04-16T04:00:00Z")))
        #expect(try sampleLines(since: "2024-04-16T15:00:00Z") != (try sampleLines(since: "2024-04-17T00:00:00Z")))
    }

    @Test func selectsTogetherWithTheOtherOptions() throws {
        try sandbox.copySample()
        let since = try sampleLines(since: "2024-04-10T00:00:00Z")
        func position(_ line: String) -> Int { Int(line.dropFirst(#"{"position":"#.count).prefix { $0.isNumber })! }
        let booked = since.filter { $0.contains(#""type":"RoomBooked""#) }
        #expect(try hotel().run(["log", "--since", "2024-04-10", "--type", "RoomBooked"]).lines == booked)
        #expect(try hotel().run(["log", "--since", "2024-04-10", "--type", "RoomBooked", "--limit", "2"]).lines == Array(booked.prefix(2)))
        // --after and --since: both hold.
        let after = position(since[5])
        #expect(try hotel().run(["log", "--since", "2024-04-10", "--after", String(after)]).lines == Array(since.dropFirst(6)))
        #expect(try hotel().run(["log", "--since", "2024-04-10", "--after", "3"]).lines == since)
        let garden = since.filter { $0.contains(#""room:Garden""#) }
        #expect(try hotel().run(["log", "--since", "2024-04-10", "--tag", "room:Garden"]).lines == garden)
    }

    @Test func followKeepsPrintingOnlyTheEventsSinceTheTime() throws {
        try hotel().run(["rooms", "add", "Blue"])
        // Follow from the 21st, two events: it exits by itself once --limit is reached.
        let follower = try hotel().start(["log", "--follow", "--since", "2024-04-21T00:00:00Z", "--limit", "2"])
        for (day, now) in [("2024-05-01", "2024-04-20T12:00:00Z"), ("2024-05-02", "2024-04-21T08:00:00Z"), ("2024-05-03", "2024-04-22T08:00:00Z")] {
            #expect(try hotel(now: now).run(["book", "--client", "1", "--room", "Blue", "--from", day, "--nights", "1"]).status == 0)
            Thread.sleep(forTimeInterval: 0.3)
        }
        let followed = follower.wait()
        #expect(followed.status == 0, "\(followed)")
        let log = try hotel().run(["log"]).lines
        #expect(log.count == 4)
        #expect(followed.lines == Array(log.suffix(2)))
    }

    @Test func aValueThatIsNotATimeIsAUsageError() throws {
        try sandbox.copySample()
        for value in ["yesterday", "2024-04-31", "12", "2024-04-16T14:35Z", ""] {
            #expect(try hotel().run(["log", "--since", value]) == .init(
                stdout: "", stderr: "hotel: error: invalid --since '\(value)': expected a time such as 2024-05-01T12:00:00Z (or with an offset, 2024-05-01T14:00:00+02:00) or a day, YYYY-MM-DD; see 'hotel log --help'\n", status: 64), "\(value)")
        }
    }
}
