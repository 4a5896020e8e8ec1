import Foundation
import HotelTestSupport
import Testing
@testable import BookingCore

/// The cache must never change an answer: random command sequences are run against the file store, and
/// every query is answered with a current cache, with the cache deleted, with a stale cache, with a damaged
/// cache, and by the in-memory store; all must agree.
struct CacheHonestyTests {
    /// Every answer the command line can give about a hotel.
    struct Answers: Equatable {
        var head: Position
        var rooms: [RoomName]
        var free: [[RoomName]]
        var all: [Booking]
        var byClient: [[Booking]]
        var byRoom: [[Booking]]
        var byDates: [Booking]
        var lookups: [Booking?]
        var overlaps: [Booking?]
        var streamed: [[Booking]]
    }

    static let rooms = ["101", "102", "Blue", "Grün", "Suite 7"].map(room)
    static let clients = ["1", "2", "42"].map(client)
    static let stays: [Stay] = [("2024-05-01", "2024-05-03"), ("2024-05-02", "2024-05-06"), ("2024-04-28", "2024-05-01"), ("2024-05-05", "2024-05-20"), ("2024-12-30", "2025-01-02")].map { stay($0.0, $0.1) }

    static func answers(_ model: any HotelReadModel, ids: [BookingID]) -> Answers {
        Answers(
            head: model.head, rooms: model.roomNames(), free: stays.map(model.freeRooms(for:)),
            all: model.bookings(matching: BookingFilter()),
            byClient: clients.map { model.bookings(matching: BookingFilter(client: $0)) },
            byRoom: rooms.map { model.bookings(matching: BookingFilter(room: $0)) },
            byDates: model.bookings(matching: BookingFilter(from: day("2024-05-02"), to: day("2024-05-05"))),
            lookups: (ids + [bookingID("bkNone")]).map(model.booking),
            overlaps: rooms.flatMap { r in stays.map { model.firstActiveOverlap(room: r, stay: $0) } },
            streamed: [BookingFilter(), BookingFilter(from: day("2024-05-02"), to: day("2024-05-05")), BookingFilter(to: day("2024-05-02")), BookingFilter(client: clients[2])].map { filter in
                var seen: [Booking] = []
                model.forEachBooking(matching: filter) { seen.append($0) }
                return seen
            })
    }

    /// Runs a random command on both desks; they must agree on the outcome.
    static func step(_ random: inout SplitMix, _ desks: [FrontDesk], _ ids: inout [BookingID]) throws {
        func same<T: Equatable>(_ run: (FrontDesk) -> Result<T, HotelError>) -> Result<T, HotelError> {
            let results = desks.map(run)
            #expect(results.allSatisfy { $0 == results[0] }, "\(results)")
            return results[0]
        }
        switch random.next() % 10 {
        case 0, 1:
            let pick = [rooms[Int(random.next() % 5)]]
            _ = same { desk in Result { () throws(HotelError) in try desk.addRooms(pick) }.map { 0 } }
        case 2, 3, 4, 5, 6, 7:
            let r = rooms[Int(random.next() % 5)], c = clients[Int(random.next() % 3)], s = stays[Int(random.next() % 5)]
            if case .success(let id) = same({ desk in Result { () throws(HotelError) in try desk.book(client: c, room: r, stay: s) } }) { ids.append(id) }
        default:
            guard !ids.isEmpty else { return }
            let id = ids[Int(random.next() % UInt64(ids.count))]
            _ = same { desk in Result { () throws(HotelError) in try desk.cancel(id) } }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func everyCacheStateGivesTheSameAnswers(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let file = JSONLinesEventStore(path: path, cacheThreshold: 0)
        let memory = InMemoryEventStore()
        // Both desks draw the same ids.
        let desks = [FrontDesk(store: file, newBookingID: .incrementing()), FrontDesk(store: memory, newBookingID: .incrementing())]
        var random = SplitMix(seed: seed)
        var ids: [BookingID] = []
        var staleCache: Data?
        for i in 0..<60 {
            try Self.step(&random, desks, &ids)
            if i == 25 { staleCache = try? Data(contentsOf: URL(fileURLWithPath: file.cachePath)) }
        }
        let expected = Self.answers(try desks[1].model(), ids: ids)
        #expect(expected.all.count > 5)

        func answers(_ store: JSONLinesEventStore) throws -> Answers { Self.answers(try store.currentModel().model, ids: ids) }
        // A current cache.
        #expect(try answers(file) == expected)
        #expect(FileManager.default.fileExists(atPath: file.cachePath))
        // No cache, and no cache written (a short log): plain replay.
        try FileManager.default.removeItem(atPath: file.cachePath)
        #expect(try answers(JSONLinesEventStore(path: path)) == expected)
        // A stale cache: the snapshot of an earlier prefix, plus the tail.
        try #require(staleCache).write(to: URL(fileURLWithPath: file.cachePath))
        #expect(try answers(JSONLinesEventStore(path: path)) == expected)
        #expect(try answers(file) == expected)
        // Damaged caches: truncated, zeroed header, random bytes, empty.
        let good = try Data(contentsOf: URL(fileURLWithPath: file.cachePath))
        var damaged = [good.prefix(good.count / 2), Data(count: 200) + good.dropFirst(200), Data(), Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) })]
        var header = good
        header[16] ^= 0x40  // the covered offset
        damaged.append(header)
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: file.cachePath))
            #expect(try answers(file) == expected)
        }
        // A cache that cannot be written (a directory stands in its way): the whole log folded in memory.
        try FileManager.default.removeItem(atPath: file.cachePath)
        try FileManager.default.createDirectory(atPath: file.cachePath, withIntermediateDirectories: false)
        #expect(try answers(JSONLinesEventStore(path: path, cacheThreshold: 0)) == expected)
        try FileManager.default.removeItem(atPath: file.cachePath)
        #expect(try answers(file) == expected)
        // A cache of another log.
        try FileManager.default.copyItem(atPath: file.cachePath, toPath: directory.file("other.jsonl.cache"))
        try Data(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(100)).write(to: URL(fileURLWithPath: directory.file("other.jsonl")))
        #expect(throws: Never.self) { try JSONLinesEventStore(path: directory.file("other.jsonl")).currentModel() }
    }

    @Test func aReadOnlyDirectoryStillAnswers() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let desk = FrontDesk(store: JSONLinesEventStore(path: path), newBookingID: .incrementing())
        try desk.addRooms([room("Blue")])
        _ = try desk.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-02"))
        // A cache path that cannot be written: a directory stands in its way.
        try FileManager.default.createDirectory(atPath: path + ".cache", withIntermediateDirectories: false)
        let forced = FrontDesk(store: JSONLinesEventStore(path: path, cacheThreshold: 0))
        #expect(try forced.freeRooms(for: stay("2024-05-01", "2024-05-02")) == [])
        #expect(try forced.bookings(matching: BookingFilter()).count == 1)
    }
}
