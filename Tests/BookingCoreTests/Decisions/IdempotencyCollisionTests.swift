import Testing
@testable import BookingCore

/// Two idempotency keys whose first derived ids are the same (issue item 9): the key, not the id, says
/// whether a booking is a request's own.
struct IdempotencyCollisionTests {
    static let first = try! IdempotencyKey("a1gihhnpzkz8")
    static let second = try! IdempotencyKey("xr7vancd1tc4")

    @Test func theTwoKeysOfTheIssueShareTheirFirstDerivedID() {
        #expect(BookingID.derived(from: Self.first) == BookingID.derived(from: Self.second))
        #expect(BookingID.derived(from: Self.first, attempt: 0) == BookingID.derived(from: Self.first))
    }

    @Test func laterAttemptsDeriveOtherIDsDeterministically() {
        let ids = (0..<5).map { BookingID.derived(from: Self.second, attempt: $0) }
        #expect(Set(ids).count == 5)
        #expect(ids == (0..<5).map { BookingID.derived(from: Self.second, attempt: $0) })
        #expect(ids.allSatisfy { $0.rawValue.count == 12 && $0.rawValue.hasPrefix("bk") })
    }

    /// Given a booking under the colliding id made with the first key, when a booking with the second key
    /// and the same arguments is decided on that id, then it is not taken as a repeat: the id is taken.
    @Test func aBookingUnderTheIDWithAnotherKeyIsACollisionNotARepeat() {
        let id = BookingID.derived(from: Self.first)
        let history: [DomainEvent] = [
            added("Blue"), added("Green"),
            .roomBooked(RoomBooked(booking: id, client: client("7"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"), idempotencyKey: Self.first)),
        ]
        let request = ReserveStay(
            booking: BookingID.derived(from: Self.second), client: client("7"), target: .room(room("Blue")),
            stay: stay("2024-05-01", "2024-05-03"), idempotencyKey: Self.second, now: t0)
        #expect(given(history, when: request) == .failure(.bookingIDTaken(id)))
        // Nor with other arguments: it is not this key's booking, so its arguments are not this key's.
        var other = request
        other.target = .room(room("Green"))
        #expect(given(history, when: other) == .failure(.bookingIDTaken(id)))
        // A booking under the id with no key at all is a collision too.
        let keyless: [DomainEvent] = [added("Blue"), .roomBooked(RoomBooked(booking: id, client: client("7"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03")))]
        #expect(given(keyless, when: request) == .failure(.bookingIDTaken(id)))
    }

    @Test func theSameKeyWithTheSameArgumentsIsStillARepeat() {
        let id = BookingID.derived(from: Self.first)
        let history: [DomainEvent] = [
            added("Blue"),
            .roomBooked(RoomBooked(booking: id, client: client("7"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"), idempotencyKey: Self.first)),
        ]
        let request = ReserveStay(
            booking: id, client: client("7"), target: .room(room("Blue")), stay: stay("2024-05-01", "2024-05-03"),
            idempotencyKey: Self.first, now: t0)
        #expect(given(history, when: request) == .success([]))
    }

    /// The front desk walks the key's derived ids: the second key gets its own booking under another id,
    /// and a retry of it finds that booking again.
    @Test(arguments: [false, true])
    func theSecondGuestGetsANewBookingAndARetryFindsIt(byType: Bool) throws {
        let desk = FrontDesk(store: InMemoryEventStore())
        try desk.addRooms([room("Blue"), room("Green")])
        let target: StayRequest.Target = byType ? .type(.standard) : .room(room("Blue"))
        let stay = stay("2024-05-01", "2024-05-03")
        let first = try desk.reserve(StayRequest(client: client("7"), target: target, stay: stay, idempotencyKey: Self.first))
        #expect(first.id == BookingID.derived(from: Self.first))
        let secondTarget: StayRequest.Target = byType ? .type(.standard) : .room(room("Green"))
        let second = try desk.reserve(StayRequest(client: client("7"), target: secondTarget, stay: stay, idempotencyKey: Self.second))
        #expect(second.id != first.id)
        #expect(second.id == BookingID.derived(from: Self.second, attempt: 1))
        #expect(second.idempotencyKey == Self.second)
        let retry = try desk.reserve(StayRequest(client: client("7"), target: secondTarget, stay: stay, idempotencyKey: Self.second))
        #expect(retry.id == second.id)
        let retryFirst = try desk.reserve(StayRequest(client: client("7"), target: target, stay: stay, idempotencyKey: Self.first))
        #expect(retryFirst.id == first.id)
        #expect(try desk.bookings(matching: BookingFilter()).count == 2)
    }

    /// With the same arguments (the same room): the first guest's booking is not handed to the second, who
    /// is refused because the room is taken, not because of the key.
    @Test func theSecondGuestIsNotHandedTheFirstGuestsBooking() throws {
        let desk = FrontDesk(store: InMemoryEventStore())
        try desk.addRooms([room("Blue")])
        let request = StayRequest(client: client("7"), target: .room(room("Blue")), stay: stay("2024-05-01", "2024-05-03"), idempotencyKey: Self.first)
        _ = try desk.reserve(request)
        var second = request
        second.idempotencyKey = Self.second
        do {
            let handed = try desk.reserve(second)
            Issue.record("the second guest was handed booking \(handed.id)")
        } catch .rejected(.roomNotFree) {
        } catch {
            Issue.record("expected the room to be taken, got \(error)")
        }
    }
}
