import Testing
@testable import BookingCore

/// Commands on an id take it as a person types it (any case, Crockford's look-alikes) on the front desk and in
/// a batch, on every store; an unknown id one edit from a known one is refused with it.
struct TypedIDTests {
    let directory = TemporaryDirectory()

    /// A desk over a file store and one over the in-memory store, each with Blue, Green and two bookings.
    func desks() throws -> [FrontDesk] {
        let ids: [BookingID] = [bookingID("bkpekh10mn"), bookingID("bk0avtz6g9")]
        let clock = WallClock.fixed(secondsSince1970: try Instant("2024-04-20T09:00:00Z").secondsSince1970)
        return try [
            FrontDesk(store: JSONLinesEventStore(path: directory.file("events.jsonl"), clock: clock), newBookingID: .sequence(ids), clock: clock),
            FrontDesk(store: InMemoryEventStore(), newBookingID: .sequence(ids), clock: clock),
        ].map { desk in
            try desk.addRooms([room("Blue"), room("Green")])
            _ = try desk.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"))
            _ = try desk.book(client: client("2"), room: room("Green"), stay: stay("2024-05-01", "2024-05-03"))
            return desk
        }
    }

    @Test func anIDInAnyCaseOrWithLookAlikesNamesTheBooking() throws {
        for desk in try desks() {
            #expect(try desk.cancel(bookingID("BKPEKH1OMN")).id == bookingID("bkpekh10mn"))
            #expect(try desk.change(bookingID("Bk0AvTz6G9"), room: nil, arrival: nil, departure: day("2024-05-04")).id == bookingID("bk0avtz6g9"))
            // In a batch too.
            let confirmed = try desk.batch { runner in Result { () throws(HotelError) in try runner.record(.checkedIn, bookingID("BK0AVTZ6G9")) } }
            #expect(throws: HotelError.rejected(.wrongDay(bookingID("bk0avtz6g9"), transition: .checkIn, today: day("2024-04-20"), stay: stay("2024-05-01", "2024-05-04")))) {
                try confirmed.get()
            }
        }
    }

    @Test func anUnknownIDOneEditFromAKnownOneIsRefusedWithIt() throws {
        for desk in try desks() {
            #expect(throws: HotelError.rejected(.unknownBooking(bookingID("BKPEKH10MM"), suggestion: bookingID("bkpekh10mn")))) {
                try desk.cancel(bookingID("BKPEKH10MM"))
            }
            #expect(throws: HotelError.rejected(.unknownBooking(bookingID("bk0avtz6g"), suggestion: bookingID("bk0avtz6g9")))) {
                try desk.release(bookingID("bk0avtz6g"))
            }
            #expect(throws: HotelError.rejected(.unknownBlock(bookingID("bl0avtz6g9"), suggestion: bookingID("bk0avtz6g9")))) {
                try desk.unblock(bookingID("bl0avtz6g9"))
            }
            #expect(throws: HotelError.rejected(.unknownBooking(bookingID("bkzzzzzzzz"), suggestion: nil))) { try desk.cancel(bookingID("bkzzzzzzzz")) }
        }
    }
}
