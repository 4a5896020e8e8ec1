import Testing
@testable import BookingCore

/// Given past events, when a booking is cancelled, then a `BookingCancelled` event or the rule that refuses it.
struct CancelBookingTests {
    let history = [added("Blue"), booked("bkA", "Blue", "2024-05-01", "2024-05-03", client: "42")]

    @Test func cancelsAnActiveBooking() {
        #expect(given(history, when: CancelBooking(booking: bookingID("bkA"))) == .success([cancelled("bkA", "Blue", client: "42")]))
    }

    @Test func refusesToCancelTwice() {
        #expect(given(history + [cancelled("bkA", "Blue")], when: CancelBooking(booking: bookingID("bkA"))) == .failure(.alreadyCancelled(bookingID("bkA"))))
    }

    @Test func refusesAnUnknownBooking() {
        #expect(given(history, when: CancelBooking(booking: bookingID("bkZ"))) == .failure(.unknownBooking(bookingID("bkZ"))))
    }

    @Test func cancelThenRebookTheSameRoomAndDates() throws {
        var events = history
        events += try given(events, when: CancelBooking(booking: bookingID("bkA"))).get()
        let rebook = bookRoom(booking: bookingID("bkB"), client: client("43"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"))
        #expect(given(events, when: rebook) == .success([booked("bkB", "Blue", "2024-05-01", "2024-05-03", client: "43")]))
    }
}
