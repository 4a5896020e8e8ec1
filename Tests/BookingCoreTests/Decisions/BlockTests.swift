import Testing
@testable import BookingCore

/// Rooms out of service.
struct BlockTests {
    static let base: [DomainEvent] = [added("Blue"), booked("bkA", "Blue", "2024-05-01", "2024-05-03")]

    func block(_ from: String, _ to: String) -> BlockRoom {
        BlockRoom(block: bookingID("blNEW"), room: room("Blue"), stay: stay(from, to), reason: try! Reason("paint"), now: t0)
    }

    @Test func aBlockIsRefusedNamingTheBookingInTheWay() {
        #expect(given(Self.base, when: block("2024-05-02", "2024-05-04"))
            == .failure(.roomNotFree(room("Blue"), stay("2024-05-02", "2024-05-04"), blockedBy: bookingID("bkA"), blockingStay: stay("2024-05-01", "2024-05-03"))))
        #expect(given(Self.base, when: block("2024-05-03", "2024-05-06")) == .success([blocked("blNEW", "Blue", "2024-05-03", "2024-05-06", reason: "paint")]))
    }

    @Test func aBookingOntoABlockIsRefusedNamingTheBlock() {
        let history = Self.base + [blocked("blX", "Blue", "2024-05-03", "2024-05-06", reason: "leak")]
        let book = bookRoom(booking: bookingID("bkNEW"), client: client("7"), room: room("Blue"), stay: stay("2024-05-05", "2024-05-07"))
        #expect(given(history, when: book)
            == .failure(.roomOutOfService(room("Blue"), stay("2024-05-05", "2024-05-07"), block: bookingID("blX"), blockStay: stay("2024-05-03", "2024-05-06"), reason: "leak")))
        #expect(given(history + [unblocked("blX", "Blue")], when: book) == .success([booked("bkNEW", "Blue", "2024-05-05", "2024-05-07", client: "7")]))
    }

    @Test func aBlockIsNotABookingAndABookingIsNotABlock() {
        let history = Self.base + [blocked("blX", "Blue", "2024-05-03", "2024-05-06")]
        #expect(given(history, when: CancelBooking(booking: bookingID("blX"), now: t0)) == .failure(.isABlock(bookingID("blX"))))
        #expect(given(history, when: UnblockRoom(block: bookingID("bkA"))) == .failure(.notABlock(bookingID("bkA"))))
        #expect(given(history, when: UnblockRoom(block: bookingID("blY"))) == .failure(.unknownBlock(bookingID("blY"))))
        #expect(given(history + [unblocked("blX", "Blue")], when: UnblockRoom(block: bookingID("blX")))
            == .failure(.wrongStatus(bookingID("blX"), status: .cancelled, transition: .unblock)))
        // Blocks are not bookings: listed apart.
        let hotel = HotelProjection(history)
        #expect(hotel.bookings(matching: BookingFilter()).map(\.id) == [bookingID("bkA")])
        #expect(hotel.blocks(matching: BlockFilter()).map(\.id) == [bookingID("blX")])
    }
}
