import Testing
@testable import BookingCore

/// Holds: given past events, when a hold, confirm or release runs at some moment, then its events or the
/// rule that refuses it. The clock is a value: no test sleeps.
struct HoldTests {
    static let history: [DomainEvent] = [added("Blue"), held("bkH", "Blue", "2024-05-01", "2024-05-03", until: "2024-04-20T09:15:00Z")]

    func book(at now: String, _ from: String = "2024-05-02", _ to: String = "2024-05-04") -> ReserveStay {
        bookRoom(booking: bookingID("bkNEW"), client: client("7"), room: room("Blue"), stay: stay(from, to), now: instant(now))
    }

    @Test func aHoldIsRecordedWithItsExpiry() {
        let hold = ReserveStay(
            booking: bookingID("bkH"), client: nil, target: .room(room("Blue")), stay: stay("2024-05-01", "2024-05-03"),
            holdUntil: instant("2024-04-20T09:15:00Z"), now: t0)
        #expect(given([added("Blue")], when: hold) == .success([held("bkH", "Blue", "2024-05-01", "2024-05-03", until: "2024-04-20T09:15:00Z")]))
    }

    @Test func aHoldBlocksItsRoomUntilItsExpiryAndNotASecondAfter() {
        let inTheWay = BookingError.roomNotFree(room("Blue"), stay("2024-05-02", "2024-05-04"), blockedBy: bookingID("bkH"), blockingStay: stay("2024-05-01", "2024-05-03"))
        #expect(given(Self.history, when: book(at: "2024-04-20T09:14:59Z")) == .failure(inTheWay))
        #expect(given(Self.history, when: book(at: "2024-04-20T09:15:00Z")) == .success([booked("bkNEW", "Blue", "2024-05-02", "2024-05-04", client: "7")]))
    }

    @Test func aReleasedHoldBlocksNothing() {
        #expect(given(Self.history + [released("bkH", "Blue")], when: book(at: "2024-04-20T09:00:00Z")) == .success([booked("bkNEW", "Blue", "2024-05-02", "2024-05-04", client: "7")]))
    }

    @Test func confirmAtTheLastValidMomentTurnsItIntoABookingWithTheSameID() {
        let confirm = ConfirmHold(booking: bookingID("bkH"), room: room("Blue"), client: client("42"), now: instant("2024-04-20T09:14:59Z"))
        #expect(given(Self.history, when: confirm) == .success([confirmed("bkH", "Blue", client: "42")]))
        // Then it holds the room past the hold's expiry.
        let after = Self.history + [confirmed("bkH", "Blue", client: "42")]
        #expect(given(after, when: book(at: "2024-04-21T00:00:00Z")).isFailure)
    }

    @Test func confirmAtExpiryIsRefusedNamingWhenItExpired() {
        let confirm = ConfirmHold(booking: bookingID("bkH"), room: room("Blue"), client: client("42"), now: instant("2024-04-20T09:15:00Z"))
        #expect(given(Self.history, when: confirm) == .failure(.holdExpired(bookingID("bkH"), at: instant("2024-04-20T09:15:00Z"))))
    }

    @Test func confirmNeedsAClientWhenTheHoldHadNone() {
        let confirm = ConfirmHold(booking: bookingID("bkH"), room: room("Blue"), client: nil, now: t0)
        #expect(given(Self.history, when: confirm) == .failure(.clientRequired(bookingID("bkH"))))
        let withClient = [added("Blue"), held("bkH", "Blue", "2024-05-01", "2024-05-03", until: "2024-04-20T09:15:00Z", client: "9")]
        #expect(given(withClient, when: confirm) == .success([confirmed("bkH", "Blue", client: "9")]))
    }

    @Test func confirmForAnotherClientThanTheHoldsIsRefused() {
        let forAlice = [added("Blue"), held("bkH", "Blue", "2024-05-01", "2024-05-03", until: "2024-04-20T09:15:00Z", client: "Alice")]
        let asBob = ConfirmHold(booking: bookingID("bkH"), room: room("Blue"), client: client("Bob"), now: t0)
        #expect(given(forAlice, when: asBob) == .failure(.holdClientMismatch(bookingID("bkH"), holder: client("Alice"), given: client("Bob"))))
        let asAlice = ConfirmHold(booking: bookingID("bkH"), room: room("Blue"), client: client("Alice"), now: t0)
        #expect(given(forAlice, when: asAlice) == .success([confirmed("bkH", "Blue", client: "Alice")]))
        let asIs = ConfirmHold(booking: bookingID("bkH"), room: room("Blue"), client: nil, now: t0)
        #expect(given(forAlice, when: asIs) == .success([confirmed("bkH", "Blue", client: "Alice")]))
    }

    @Test func confirmIsRefusedWhenAnotherStayTookTheRoomAfterTheHoldExpired() {
        // A process whose clock was past the expiry booked the room; this one's clock is just before it.
        let history = Self.history + [booked("bkB", "Blue", "2024-05-02", "2024-05-03")]
        let confirm = ConfirmHold(booking: bookingID("bkH"), room: room("Blue"), client: client("42"), now: instant("2024-04-20T09:14:00Z"))
        #expect(given(history, when: confirm) == .failure(.roomNotFree(room("Blue"), stay("2024-05-01", "2024-05-03"), blockedBy: bookingID("bkB"), blockingStay: stay("2024-05-02", "2024-05-03"))))
    }

    @Test func confirmOfABookingOrAReleasedHoldIsRefused() {
        let confirm = ConfirmHold(booking: bookingID("bkA"), room: room("Blue"), client: client("42"), now: t0)
        #expect(given([added("Blue"), booked("bkA", "Blue", "2024-05-01", "2024-05-02")], when: confirm)
            == .failure(.wrongStatus(bookingID("bkA"), status: .active, transition: .confirm)))
        let release = ConfirmHold(booking: bookingID("bkH"), room: room("Blue"), client: client("42"), now: t0)
        #expect(given(Self.history + [released("bkH", "Blue")], when: release)
            == .failure(.wrongStatus(bookingID("bkH"), status: .released, transition: .confirm)))
    }

    @Test func releaseEndsAnUnexpiredHoldOnly() {
        #expect(given(Self.history, when: ReleaseHold(booking: bookingID("bkH"), now: t0)) == .success([released("bkH", "Blue")]))
        #expect(given(Self.history, when: ReleaseHold(booking: bookingID("bkH"), now: instant("2024-04-20T10:00:00Z")))
            == .failure(.holdExpired(bookingID("bkH"), at: instant("2024-04-20T09:15:00Z"))))
        #expect(given(Self.history, when: ReleaseHold(booking: bookingID("bkX"), now: t0)) == .failure(.unknownBooking(bookingID("bkX"))))
    }

    @Test func aHoldIsCancelledLikeABooking() {
        let cancel = CancelBooking(booking: bookingID("bkH"), reason: try! Reason("changed plans"), now: t0)
        #expect(given(Self.history, when: cancel) == .success([.bookingCancelled(BookingCancelled(booking: bookingID("bkH"), client: nil, room: room("Blue"), reason: try! Reason("changed plans")))]))
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
