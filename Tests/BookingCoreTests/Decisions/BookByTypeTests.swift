import Testing
@testable import BookingCore

/// Booking by room type, and safe retries with an idempotency key.
struct BookByTypeTests {
    static let rooms: [DomainEvent] = [added("D1", type: "double"), added("D2", type: "double"), added("D3", type: "double"), added("S1", type: "suite")]
    static let doubles = ["D1", "D2", "D3"].map(room)

    func byType(_ from: String, _ to: String, rooms: [RoomName] = doubles, key: String? = nil, client clientID: String = "7") -> ReserveStay {
        ReserveStay(
            booking: key.map { BookingID.derived(from: try! IdempotencyKey($0)) } ?? bookingID("bkNEW"), client: client(clientID),
            target: .type(try! RoomType("double"), rooms: rooms), stay: stay(from, to), idempotencyKey: key.map { try! IdempotencyKey($0) }, now: t0)
    }

    @Test func takesTheRoomThatLeavesNoSingleEmptyNight() {
        // D1: a stay ending on the 3rd (the new stay touches it); D2: one ending on the 2nd (a single empty
        // night would be left); D3: empty.
        let history = Self.rooms + [booked("b1", "D1", "2024-05-01", "2024-05-03"), booked("b2", "D2", "2024-05-01", "2024-05-02")]
        #expect(given(history, when: byType("2024-05-03", "2024-05-05")) == .success([booked("bkNEW", "D1", "2024-05-03", "2024-05-05", client: "7")]))
        // Without D1, an empty room beats leaving a single night.
        #expect(given(history, when: byType("2024-05-03", "2024-05-05", rooms: [room("D2"), room("D3")])) == .success([booked("bkNEW", "D3", "2024-05-03", "2024-05-05", client: "7")]))
    }

    @Test func tiesGoByName() {
        #expect(given(Self.rooms, when: byType("2024-05-03", "2024-05-05")) == .success([booked("bkNEW", "D1", "2024-05-03", "2024-05-05", client: "7")]))
    }

    @Test func noFreeRoomOfTheTypeIsRefused() {
        let history = Self.rooms + Self.doubles.enumerated().map { booked("b\($0.offset)", $0.element.rawValue, "2024-05-01", "2024-05-10") }
        #expect(given(history, when: byType("2024-05-03", "2024-05-05")) == .failure(.noRoomOfTypeFree(try! RoomType("double"), stay("2024-05-03", "2024-05-05"))))
    }

    @Test func aStayAtEitherEndOfTheCalendarIsChosenARoom() {
        // The nights beside it, which the choice looks at, are past the calendar: they hold nothing.
        let first = try! Stay(arrival: Day.earliest, departure: Day.earliest.adding(days: 2))
        let last = try! Stay(arrival: Day.latest.adding(days: -2), departure: Day.latest)
        for edge in [first, last] {
            var decision = byType("2024-05-03", "2024-05-05")
            decision.stay = edge
            #expect(given(Self.rooms, when: decision)
                == .success([.roomBooked(RoomBooked(booking: bookingID("bkNEW"), client: client("7"), room: room("D1"), stay: edge))]))
        }
    }

    @Test func aBlockedRoomIsNotChosen() {
        let history = Self.rooms + [blocked("bl1", "D1", "2024-05-01", "2024-05-31")]
        #expect(given(history, when: byType("2024-05-03", "2024-05-05")) == .success([booked("bkNEW", "D2", "2024-05-03", "2024-05-05", client: "7")]))
    }

    @Test func aRepeatWithTheSameKeyAndArgumentsRecordsNothing() throws {
        let first = try given(Self.rooms, when: byType("2024-05-03", "2024-05-05", key: "order-17")).get()
        #expect(first.count == 1)
        #expect(given(Self.rooms + first, when: byType("2024-05-03", "2024-05-05", key: "order-17")) == .success([]))
        let id = BookingID.derived(from: try IdempotencyKey("order-17"))
        #expect(given(Self.rooms + first, when: byType("2024-05-03", "2024-05-06", key: "order-17")) == .failure(.idempotencyKeyReused(try IdempotencyKey("order-17"), existing: id)))
        #expect(given(Self.rooms + first, when: byType("2024-05-03", "2024-05-05", key: "order-17", client: "8")) == .failure(.idempotencyKeyReused(try IdempotencyKey("order-17"), existing: id)))
    }

    @Test func derivedIDsAreStableAndNeverLikeRandomOnes() throws {
        let a = BookingID.derived(from: try IdempotencyKey("k")), b = BookingID.derived(from: try IdempotencyKey("k")), c = BookingID.derived(from: try IdempotencyKey("k2"))
        #expect(a == b && a != c)
        #expect(a.rawValue.count == 12 && a.rawValue.hasPrefix("bk"))
        #expect(BookingIDGenerator.random.next().rawValue.count == 10)
    }
}
