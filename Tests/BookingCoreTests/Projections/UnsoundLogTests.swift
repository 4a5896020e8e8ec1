import Foundation
import HotelTestSupport
import Testing
@testable import BookingCore

/// Every read model folds the same way even for logs `verify` flags (reused ids, overlapping stays,
/// events about bookings that are missing or not in the right status): a full fold, the file store folding
/// the whole log as a tail, and its snapshot of the whole log give the same answers.
///
/// A snapshot of part of such a log with the rest as its tail agrees on every booking, room and listing,
/// but not always on what holds a room (free rooms, the housekeeping list): a stay in the tail that overlaps one in the snapshot is entered in
/// the tail's calendar, which a full fold (finding the overlap) does not do. Sound logs never have such
/// stays; the cache-honesty property checks those with the cache in every state.
struct UnsoundLogTests {
    /// A random log over few rooms, clients, stays and ids, so that rules are broken often.
    static func randomEvents(seed: UInt64, count: Int) -> [DomainEvent] {
        var random = SplitMix(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let ids = (1...12).map { bookingID("bk\($0)") }
        let rooms = CacheHonestyTests.rooms, clients = CacheHonestyTests.clients, stays = CacheHonestyTests.stays
        let expiries = ["2024-04-30T06:00:00Z", "2024-05-02T00:00:00Z"].map(instant)
        return (0..<count).map { _ in
            let id = pick(ids), room = pick(rooms), client = pick(clients), stay = pick(stays)
            switch random.next() % 14 {
            case 0: return .roomAdded(RoomAdded(room: room, type: pick([RoomType.standard, CacheHonestyTests.double])))
            case 1, 2, 3, 4: return .roomBooked(RoomBooked(booking: id, client: client, room: room, stay: stay))
            case 5: return .roomHeld(RoomHeld(booking: id, client: pick([nil, client]), room: room, stay: stay, expiresAt: pick(expiries)))
            case 6: return .holdConfirmed(HoldConfirmed(booking: id, client: client, room: room))
            case 7: return .holdReleased(HoldReleased(booking: id, client: nil, room: room))
            case 8: return .bookingChanged(BookingChanged(booking: id, client: client, room: room, stay: stay, previousRoom: pick(rooms), previousStay: pick(stays)))
            case 9: return .stayMilestone(StayMilestone(pick(StayMilestone.Kind.allCases), booking: id, client: client, room: room, day: stay.arrival))
            case 10: return .roomBlocked(RoomBlocked(block: id, room: room, stay: stay, reason: nil))
            case 11: return .roomUnblocked(RoomUnblocked(block: id, room: room))
            default: return .bookingCancelled(BookingCancelled(booking: id, client: client, room: room, reason: pick([nil, try! Reason("asked")])))
            }
        }
    }

    /// The model of a file store whose snapshot covers `events[..<split]`, with the rest as its tail.
    static func snapshotAndTail(_ events: [DomainEvent], split: Int, in directory: TemporaryDirectory) throws -> any HotelReadModel {
        let path = directory.file("events.jsonl")
        func lines(_ range: Range<Int>) -> Data {
            var bytes: [UInt8] = []
            for i in range {
                EventLine.encode(SequencedEvent(position: Position(i + 1), event: events[i].storeEvent, recordedAt: "2024-04-20T09:00:00Z"), previousHash: nil, into: &bytes)
            }
            return Data(bytes)
        }
        try lines(0..<split).write(to: URL(fileURLWithPath: path))
        _ = try JSONLinesEventStore(path: path, cacheThreshold: 0).currentModel()
        #expect(FileManager.default.fileExists(atPath: path + ".cache") == (split > 0))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(lines(split..<events.count))
        try handle.close()
        return try JSONLinesEventStore(path: path, cacheThreshold: 1 << 40).currentModel().model
    }

    @Test(arguments: 1...30 as ClosedRange<UInt64>)
    func theSnapshotWithATailAnswersAsAFullFold(seed: UInt64) throws {
        let events = Self.randomEvents(seed: seed, count: 90)
        let ids = (1...13).map { bookingID("bk\($0)") }
        let now = instant("2024-05-01T00:00:00Z")
        var fold = HotelProjection()
        for (i, event) in events.enumerated() { fold.apply(event, at: Position(i + 1)) }
        let expected = CacheHonestyTests.answers(fold, ids: ids, now: now)
        for split in [0, 30, 60, 90] {
            let model = try Self.snapshotAndTail(events, split: split, in: TemporaryDirectory())
            let answers = CacheHonestyTests.answers(model, ids: ids, now: now)
            let fields = Mirror(reflecting: answers).children.map(\.label!).filter { label in
                "\(Mirror(reflecting: answers).descendant(label)!)" != "\(Mirror(reflecting: expected).descendant(label)!)"
            }
            let calendarAnswers: Set<String> = split == 0 || split == events.count ? [] : ["free", "freeDoubles", "overlaps", "housekeepingLines"]
            #expect(fields.filter { !calendarAnswers.contains($0) } == [], "seed \(seed), snapshot of the first \(split) events")
        }
    }

    @Test func aReusedIDReplacesTheEarlierBookingEverywhere() throws {
        let events = [
            added("Blue"), added("Red"),
            booked("bk1", "Blue", "2024-05-01", "2024-05-03"),
            booked("bk1", "Red", "2024-05-10", "2024-05-12"),
        ]
        for model in [HotelProjection(events), try Self.snapshotAndTail(events, split: 3, in: TemporaryDirectory())] as [any HotelReadModel] {
            #expect(model.freeRooms(for: stay("2024-05-01", "2024-05-03")) == [room("Blue"), room("Red")])
            #expect(model.firstActiveOverlap(room: room("Blue"), stay: stay("2024-05-01", "2024-05-03")) == nil)
            #expect(model.booking(bookingID("bk1"))?.room == room("Red"))
            #expect(model.bookings(matching: BookingFilter()).count == 1)
        }
    }
}
