import Foundation
import Synchronization
import HotelTestSupport
import Testing
@testable import BookingCore

/// A damaged snapshot never changes an answer: a store's snapshot is flipped, zeroed, truncated and
/// overwritten at random, hundreds of times, and every query and command through the front desk must
/// answer as a replay of the log does.
struct SnapshotDamageTests {
    /// What the desk answers about the hotel, and how one command comes out.
    struct Answers: Equatable {
        var rooms: [String]
        var free: [[RoomName]]
        var availability: [String]
        var all: [Booking]
        var byClient: [[Booking]]
        /// A room's bookings, or the refusal of a room not registered.
        var byRoom: [Result<[Booking], HotelError>]
        var streamed: [Booking]
        var histories: [[Position]]
        var command: Result<BookingID, HotelError>
    }

    static func answers(_ desk: FrontDesk, histories: [[Position]], command: (room: RoomName, stay: Stay)) throws -> Answers {
        var streamed: [Booking] = []
        try desk.forEachBooking(matching: BookingFilter(now: desk.now)) { streamed.append($0) }
        return Answers(
            rooms: try desk.rooms().map { "\($0.name) \($0.type)" },
            free: try CacheHonestyTests.stays.map { try desk.freeRooms(for: $0) },
            availability: try desk.availability(for: CacheHonestyTests.stays[1]).map { "\($0.type) \($0.free)/\($0.total)" },
            all: try desk.bookings(matching: BookingFilter(now: desk.now)),
            byClient: try CacheHonestyTests.clients.map { try desk.bookings(matching: BookingFilter(client: $0, now: desk.now)) },
            byRoom: CacheHonestyTests.rooms.map { room in Result { () throws(HotelError) in try desk.bookings(matching: BookingFilter(room: room, now: desk.now)) } },
            streamed: streamed, histories: histories,
            command: Result { () throws(HotelError) in
                try desk.command { runner throws(HotelError) in try runner.book(client: client("1"), room: command.room, stay: command.stay) }
            })
    }

    /// The positions of the events about `id`, from a replay.
    static func history(of id: BookingID, in store: InMemoryEventStore) throws -> [Position] {
        try store.read(Query.events(of: id)).events.map(\.position)
    }

    /// Bytes of `good` damaged one way, picked by `random`.
    static func damage(_ good: Data, _ random: inout SplitMix) -> (Data, String) {
        var bytes = good
        let at = Int(random.next() % UInt64(good.count))
        switch random.next() % 5 {
        case 0:
            let bit = UInt8(1) << UInt8(random.next() % 8)
            bytes[at] ^= bit
            return (bytes, "bit \(bit) flipped at \(at)")
        case 1:
            let count = min(good.count - at, 1 + Int(random.next() % 64))
            bytes.replaceSubrange(at..<(at + count), with: Data(count: count))
            return (bytes, "\(count) bytes zeroed at \(at)")
        case 2:
            return (bytes.prefix(at), "truncated to \(at)")
        case 3:
            bytes[at] = UInt8(truncatingIfNeeded: random.next())
            return (bytes, "byte \(at) overwritten")
        default:
            let size = PageChecksum.pageSize, page = at / size * size, count = min(size, good.count - page)
            bytes.replaceSubrange(page..<(page + count), with: Data((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }))
            return (bytes, "page at \(page) overwritten")
        }
    }

    @Test(arguments: [11, 12, 13] as [UInt64])
    func aDamagedSnapshotNeverChangesAnAnswer(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let time = Mutex(try Instant("2024-04-30T06:00:00Z").secondsSince1970)
        let clock = WallClock { time.withLock { $0 } }
        let file = JSONLinesEventStore(path: path, clock: clock, cacheThreshold: 0)
        let memory = InMemoryEventStore()
        let desks = [FrontDesk(store: file, newBookingID: .incrementing(), clock: clock), FrontDesk(store: memory, newBookingID: .incrementing(), clock: clock)]
        var random = SplitMix(seed: seed)
        var ids: [BookingID] = []
        for _ in 0..<150 {
            try CacheHonestyTests.step(&random, desks, &ids)
            time.withLock { $0 += Int(random.next() % 4 * 3600) }
        }
        _ = try desks[0].model()
        let good = try Data(contentsOf: URL(fileURLWithPath: file.cachePath))
        #expect(good.count > 12 * PageChecksum.pageSize)
        var detected = 0
        for n in 0..<120 {
            let (bytes, how) = Self.damage(good, &random)
            try bytes.write(to: URL(fileURLWithPath: file.cachePath))
            let pick = (room: CacheHonestyTests.rooms[n % CacheHonestyTests.rooms.count], stay: CacheHonestyTests.stays[n % CacheHonestyTests.stays.count])
            // A fresh process's store, keeping the snapshot as it is (a long threshold) or rebuilding it from it (0).
            let damaged = JSONLinesEventStore(path: path, clock: clock, cacheThreshold: n % 3 == 0 ? 0 : 1 << 30)
            let desk = FrontDesk(store: damaged, newBookingID: .incrementing(), clock: clock)
            let replay = FrontDesk(store: memory, newBookingID: .incrementing(), clock: clock)
            let histories = try ids.map { id in
                var positions: [Position] = []
                try damaged.forEachLine(about: .booking(id), through: nil) { _, position in positions.append(position); return true }
                return positions
            }
            let found = try Self.answers(desk, histories: histories, command: pick)
            let expected = try Self.answers(replay, histories: try ids.map { try Self.history(of: $0, in: memory) }, command: pick)
            #expect(found == expected, "seed \(seed), case \(n): \(how)")
            if (try? Data(contentsOf: URL(fileURLWithPath: file.cachePath))) != bytes { detected += 1 }
        }
        // Most damage is found and the snapshot replaced (a change past the file's last section, or in
        // padding, may be harmless).
        #expect(detected > 60)
    }
}
