#if PostgreSQL
import Foundation
import HotelTestSupport
import Synchronization
import Testing
@testable import BookingCore

/// The front desk on PostgreSQL decides exactly as on a file: random command sequences run on both stores
/// must have the same outcomes (every refusal included), and then every query the same answers, with the
/// local cache current, absent, stale or of another store.
@Suite(.enabled(if: PostgresTestDatabase.isAvailable, Comment(rawValue: PostgresTestDatabase.skipReason)))
struct PostgresDeskTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func decisionsAndAnswersMatchTheFileStore(seed: UInt64) throws {
        let database = try PostgresTestDatabase()
        let directory = TemporaryDirectory()
        let time = Mutex(try Instant("2024-04-30T06:00:00Z").secondsSince1970)
        let clock = WallClock { time.withLock { $0 } }
        let location = try #require(PostgresLocation(database.url))
        let postgres = PostgresEventStore(location: location, clock: clock, cacheDirectory: directory.file("cache"), cacheThreshold: 0)
        let file = JSONLinesEventStore(path: directory.file("events.jsonl"), clock: clock, cacheThreshold: 0)
        let desks = [FrontDesk(store: file, newBookingID: .incrementing(), clock: clock), FrontDesk(store: postgres, newBookingID: .incrementing(), clock: clock)]
        var random = SplitMix(seed: seed)
        var ids: [BookingID] = []
        var staleCache: Data?
        let cachePath = { try FileManager.default.contentsOfDirectory(atPath: directory.file("cache")).first.map { directory.file("cache/" + $0) } }
        // At least 100 commands, and on until there are enough bookings to compare (checked below).
        var i = 0
        while try i < 100 || (i < 400 && desks[0].model().bookings(matching: BookingFilter()).count <= 5) {
            try CacheHonestyTests.step(&random, desks, &ids)
            time.withLock { $0 += Int(random.next() % 4 * 3600) }
            if i == 50, let path = try cachePath() { staleCache = try Data(contentsOf: URL(fileURLWithPath: path)) }
            i += 1
        }
        let now = Instant(secondsSince1970: time.withLock { $0 })
        let expected = CacheHonestyTests.answers(try desks[0].model(), ids: ids, now: now)
        #expect(expected.all.count > 5)
        func answers() throws -> CacheHonestyTests.Answers {
            let fresh = PostgresEventStore(location: location, clock: clock, cacheDirectory: directory.file("cache"))
            return CacheHonestyTests.answers(try fresh.currentModel().model, ids: ids, now: now)
        }
        // A current cache.
        let path = try #require(try cachePath())
        #expect(try answers() == expected)
        // A stale one: the snapshot of an earlier point, and the events after it.
        try #require(staleCache).write(to: URL(fileURLWithPath: path))
        #expect(try answers() == expected)
        // A damaged one, none, and one of another store (the file's).
        try Data(count: 300).write(to: URL(fileURLWithPath: path))
        #expect(try answers() == expected)
        try FileManager.default.removeItem(atPath: path)
        #expect(try answers() == expected)
        try FileManager.default.copyItem(atPath: file.cachePath, toPath: path)
        #expect(try answers() == expected)
        // verify replays the database and compares the cache with it.
        #expect(try postgres.verify().isSound)
    }
}
#endif
