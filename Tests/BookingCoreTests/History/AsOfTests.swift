import Foundation
import Synchronization
import HotelTestSupport
import Testing
@testable import BookingCore

/// `--as-of`: the hotel as it stood after a position, or at a time, must be exactly what a copy of the log
/// cut there answers, with the clock at that moment.
struct AsOfTests {
    /// The recorded lines of a log, as they stand.
    static func lines(of path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    /// A line's `recordedAt`, as written.
    static func recordedAtText(_ line: String) -> String {
        String(line.components(separatedBy: #""recordedAt":""#).last!.prefix(20))
    }

    static func recordedAt(_ line: String) throws -> Instant {
        try Instant(recordedAtText(line))
    }

    /// The answers of a copy of the log cut after `count` lines, with the clock at `now`.
    static func cutAnswers(_ lines: [String], count: Int, now: Instant, ids: [BookingID], in directory: TemporaryDirectory) throws -> CacheHonestyTests.Answers {
        let path = directory.file("cut-\(count)-\(now.secondsSince1970).jsonl")
        try (lines.prefix(count).joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: path + ".cache")
        }
        let desk = FrontDesk(store: JSONLinesEventStore(path: path, cacheThreshold: .max), clock: .fixed(secondsSince1970: now.secondsSince1970))
        return CacheHonestyTests.answers(try desk.model(), ids: ids, now: desk.now)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func asOfEveryPositionAndTimeEqualsTheCutLog(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let time = Mutex(try Instant("2024-04-30T06:00:00Z").secondsSince1970)
        let clock = WallClock { time.withLock { $0 } }
        let file = JSONLinesEventStore(path: path, clock: clock, cacheThreshold: 0)
        let memory = InMemoryEventStore(clock: clock)
        let desks = [FrontDesk(store: file, newBookingID: .incrementing(), clock: clock), FrontDesk(store: memory, newBookingID: .incrementing(), clock: clock)]
        var random = SplitMix(seed: seed)
        var ids: [BookingID] = []
        var midCache: Data?
        for i in 0..<240 {
            if i % 30 == 7 {
                // Several events in one append: rooms added together, and a batch of commands.
                let rooms = CacheHonestyTests.rooms.filter { _ in random.next() % 2 == 0 }
                for desk in desks { _ = try? desk.addRooms(rooms.isEmpty ? [room("101"), room("Blue")] : rooms) }
                let stays = (0..<3).map { _ in CacheHonestyTests.stays[Int(random.next() % UInt64(CacheHonestyTests.stays.count))] }
                for desk in desks {
                    try desk.batch { runner in
                        for (n, stay) in stays.enumerated() {
                            if let id = try? runner.book(client: client("7"), room: CacheHonestyTests.rooms[n], stay: stay), desk.store is JSONLinesEventStore { ids.append(id) }
                        }
                    }
                }
            } else {
                try CacheHonestyTests.step(&random, desks, &ids)
            }
            time.withLock { $0 += Int(random.next() % 4 * 3600) }
            if i == 120 { midCache = try? Data(contentsOf: URL(fileURLWithPath: file.cachePath)) }
        }
        let lines = try Self.lines(of: path)
        #expect(lines.count > 40)
        // The batches put several events in one append: some positions fall in their middle.
        #expect(Set(lines.map(Self.recordedAtText)).count < lines.count)

        for count in 1...lines.count {
            let now = try Self.recordedAt(lines[count - 1])
            let expected = try Self.cutAnswers(lines, count: count, now: now, ids: ids, in: directory)
            for desk in desks {
                let past = try desk.asOf(.position(Position(count)))
                #expect(past.now == now)
                #expect(CacheHonestyTests.answers(try past.model(), ids: ids, now: past.now) == expected, "position \(count)")
            }
        }
        // With a snapshot of the middle of the log beside it: points after it start from the snapshot.
        try #require(midCache).write(to: URL(fileURLWithPath: file.cachePath))
        let snapshotHead = try #require(Snapshot(path: file.cachePath)).coveredPosition.rawValue
        for count in [snapshotHead - 1, snapshotHead, snapshotHead + 1, lines.count] {
            let now = try Self.recordedAt(lines[count - 1])
            let expected = try Self.cutAnswers(lines, count: count, now: now, ids: ids, in: directory)
            let past = try JSONLinesEventStore(path: path).model(at: desks[0].locate(.position(Position(count))))
            #expect(CacheHonestyTests.answers(past, ids: ids, now: now) == expected, "position \(count) with a snapshot at \(snapshotHead)")
        }
        // Times: between events, on an event's time exactly, after the last one.
        let first = try Self.recordedAt(lines[0]), last = try Self.recordedAt(lines[lines.count - 1])
        var times = (0..<12).map { _ in first.adding(seconds: Int(random.next() % UInt64(last.secondsSince1970 - first.secondsSince1970 + 1))) }
        times += [first, last, last.adding(seconds: 86_400), try Self.recordedAt(lines[lines.count / 2])]
        for time in times {
            let count = lines.lastIndex { (try? Self.recordedAt($0)).map { $0 <= time } ?? false }! + 1
            let expected = try Self.cutAnswers(lines, count: count, now: time, ids: ids, in: directory)
            for desk in desks {
                let past = try desk.asOf(.time(time))
                #expect(past.now == time)
                #expect(CacheHonestyTests.answers(try past.model(), ids: ids, now: time) == expected, "time \(time)")
            }
        }
    }

    @Test func pointsOutsideTheHistoryAreRefused() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let clock = WallClock.fixed(secondsSince1970: try Instant("2024-04-30T06:00:00Z").secondsSince1970)
        let file = FrontDesk(store: JSONLinesEventStore(path: path, clock: clock), clock: clock)
        let memory = FrontDesk(store: InMemoryEventStore(clock: clock), clock: clock)
        // No log at all is no store, as for any query; an empty log has no history.
        #expect(throws: HotelError.store(.notFound(path: path))) { try file.asOf(.position(Position(1))) }
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        for desk in [file, memory] {
            #expect(throws: HotelError.history(.pastHead(Position(1), head: .origin))) { try desk.asOf(.position(Position(1))) }
            try desk.addRooms([room("Blue"), room("Green")])
            #expect(throws: HotelError.history(.pastHead(Position(3), head: Position(2)))) { try desk.asOf(.position(Position(3))) }
            let early = try Instant("2024-04-30T05:59:59Z")
            #expect(throws: HotelError.history(.beforeFirstEvent(early, first: try Instant("2024-04-30T06:00:00Z")))) { try desk.asOf(.time(early)) }
            #expect(try desk.asOf(.position(Position(1))).rooms().map(\.name) == [room("Blue")])
            #expect(try desk.asOf(.time(try Instant("2024-04-30T06:00:00Z"))).rooms().count == 2)
        }
        #expect(HotelError.history(.pastHead(Position(3), head: Position(2))).description == "--as-of 3 is past the end of the log, whose last position is 2")
    }

    @Test func aTimeTakesTheLastEventRecordedAtOrBeforeItWhateverOrderTheClockRan() throws {
        // The clock went back between the second and third events.
        var resolver = HistoryPointResolver(.time(try Instant("2024-05-01T10:00:00Z")))
        for (position, time) in [(1, "2024-05-01T09:00:00Z"), (2, "2024-05-01T11:00:00Z"), (3, "2024-05-01T09:30:00Z"), (4, "2024-05-01T12:00:00Z")] {
            #expect(resolver.see(position: Position(position), recordedAt: try Instant(time), end: AppendHint(position: Position(position), offset: position * 10)))
        }
        #expect(try resolver.result() == PastPoint(position: Position(3), hint: AppendHint(position: Position(3), offset: 30), now: try Instant("2024-05-01T10:00:00Z")))
    }

    @Test func asOfValuesParse() throws {
        #expect(try HistoryPoint("17") == .position(Position(17)))
        #expect(try HistoryPoint("2024-05-01T12:00:00Z") == .time(try Instant("2024-05-01T12:00:00Z")))
        #expect(try HistoryPoint("2024-05-01T14:30:00+02:30") == .time(try Instant("2024-05-01T12:00:00Z")))
        #expect(try HistoryPoint("2024-05-01T09:00:00-03:00") == .time(try Instant("2024-05-01T12:00:00Z")))
        #expect(try HistoryPoint("2024-05-01") == .time(try Day("2024-05-01").localStart))
        for bad in ["0", "-3", "", "1e3", "2024-13-01", "2024-05-01T12:00", "yesterday", "2024-05-01T12:00:00+2", "99999999999999999999"] {
            #expect(throws: InvalidValue.historyPoint(bad)) { try HistoryPoint(bad) }
        }
    }
}
