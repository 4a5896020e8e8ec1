import HotelTestSupport
import Testing
@testable import BookingCore

/// The compact fold (cold replay, verify, the tail after a snapshot, a batch's state) must answer every
/// question exactly as ``HotelProjection`` does, for sound logs and for the unsound ones verify flags.
struct CompactProjectionTests {
    /// A random log over a few rooms, clients, stays and ids, so that re-added rooms, reused ids,
    /// overlapping and unregistered bookings, and cancellations of missing or cancelled bookings all occur.
    static func randomEvents(seed: UInt64, count: Int) -> [DomainEvent] {
        var random = SplitMix(seed: seed)
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let ids = (1...12).map { bookingID("bk\($0)") }
        return (0..<count).map { _ in
            switch random.next() % 10 {
            case 0: return .roomAdded(RoomAdded(room: pick(CacheHonestyTests.rooms)))
            case 1...6:
                return .roomBooked(RoomBooked(
                    booking: pick(ids), client: pick(CacheHonestyTests.clients), room: pick(CacheHonestyTests.rooms),
                    stay: pick(CacheHonestyTests.stays)))
            default:
                return .bookingCancelled(BookingCancelled(booking: pick(ids), client: pick(CacheHonestyTests.clients), room: pick(CacheHonestyTests.rooms)))
            }
        }
    }

    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func answersAsTheInMemoryProjectionDoes(seed: UInt64) {
        let events = Self.randomEvents(seed: seed, count: 80)
        var compact = CompactProjection()
        var projection = HotelProjection()
        for (i, event) in events.enumerated() {
            compact.apply(event, at: Position(i + 1))
            projection.apply(event, at: Position(i + 1))
        }
        let ids = (1...13).map { bookingID("bk\($0)") }
        let expected = CacheHonestyTests.answers(projection, ids: ids)
        // Also as the tail of a model with no snapshot.
        for answers in [CacheHonestyTests.answers(compact, ids: ids), CacheHonestyTests.answers(CachedHotelModel(folded: compact), ids: ids)] {
            #expect(answers.head == expected.head)
            #expect(answers.rooms == expected.rooms)
            #expect(answers.free == expected.free)
            #expect(answers.all == expected.all)
            #expect(answers.byClient == expected.byClient)
            #expect(answers.byRoom == expected.byRoom)
            #expect(answers.byDates == expected.byDates)
            #expect(answers.lookups == expected.lookups)
            #expect(answers.overlaps == expected.overlaps)
            #expect(answers.streamed == expected.streamed)
        }
    }

    @Test func aReusedIDReplacesTheEarlierBookingEverywhere() {
        let events = [
            added("Blue"), added("Red"),
            booked("bk1", "Blue", "2024-05-01", "2024-05-03"),
            booked("bk1", "Red", "2024-05-10", "2024-05-12"),
        ]
        var compact = CompactProjection()
        for (i, event) in events.enumerated() { compact.apply(event, at: Position(i + 1)) }
        for model in [compact, HotelProjection(events)] as [any HotelReadModel] {
            #expect(model.freeRooms(for: stay("2024-05-01", "2024-05-03")) == [room("Blue"), room("Red")])
            #expect(model.firstActiveOverlap(room: room("Blue"), stay: stay("2024-05-01", "2024-05-03")) == nil)
            #expect(model.booking(bookingID("bk1"))?.room == room("Red"))
        }
    }
}
