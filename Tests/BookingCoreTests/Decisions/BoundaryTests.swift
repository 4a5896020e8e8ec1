import Testing
@testable import BookingCore

/// The cases the boundary property found, as given/when/then: what a decision reads is in its query.
struct BoundaryTests {
    /// Blue and Green; bkM booked in Green, then moved to Blue for 05-03..05-06.
    static let movedIn: [DomainEvent] = [
        added("Blue"), added("Green"), booked("bkM", "Green", "2024-05-01", "2024-05-04"),
        changed("bkM", from: ("Green", "2024-05-01", "2024-05-04"), to: ("Blue", "2024-05-03", "2024-05-06")),
    ]

    /// Decides `decision`, drawn from the whole of `history`, on only the events of `history` its query matches.
    func onItsBoundary(_ history: [DomainEvent], _ decision: some ReadsRoomNights) -> Result<[DomainEvent], BookingError> {
        let drawn = decision.holdersDrawn(from: HotelProjection(history))
        return given(history.filter { drawn.query.matches($0.storeEvent) }, when: drawn)
    }

    @Test func aStayMovedIntoTheRoomIsInTheBoundaryOfABookingThere() {
        // Given a stay moved into Blue, when Blue is booked over it, then the boundary holds the stay.
        let decision = bookRoom(booking: bookingID("bkNEW"), client: client("7"), room: room("Blue"), stay: stay("2024-05-05", "2024-05-07"))
        #expect(decision.holdersDrawn(from: HotelProjection(Self.movedIn)).holders == [bookingID("bkM")])
        #expect(onItsBoundary(Self.movedIn, decision)
            == .failure(.roomNotFree(room("Blue"), stay("2024-05-05", "2024-05-07"), blockedBy: bookingID("bkM"), blockingStay: stay("2024-05-03", "2024-05-06"))))
    }

    @Test func aStayMovedIntoTheRoomIsInTheBoundaryOfABlockOrAChangeThere() {
        let block = BlockRoom(block: bookingID("blNEW"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-04"), reason: nil, now: t0)
        #expect(onItsBoundary(Self.movedIn, block)
            == .failure(.roomNotFree(room("Blue"), stay("2024-05-01", "2024-05-04"), blockedBy: bookingID("bkM"), blockingStay: stay("2024-05-03", "2024-05-06"))))
        let history = Self.movedIn + [booked("bkB", "Blue", "2024-05-01", "2024-05-02")]
        let change = ChangeBooking(booking: bookingID("bkB"), currentRoom: room("Blue"), departure: day("2024-05-04"), now: t0)
        #expect(onItsBoundary(history, change)
            == .failure(.roomNotFree(room("Blue"), stay("2024-05-01", "2024-05-04"), blockedBy: bookingID("bkM"), blockingStay: stay("2024-05-03", "2024-05-06"))))
    }

    @Test func aBookingByTypeSeesTheStaysMovedIntoItsRoomsBesideTheStay() {
        // Given bkM moved from Blue into Red from the 3rd, when a standard room of Green and Red is booked
        // up to the 3rd, then Red is chosen for touching bkM (Green would win on its name), as on the whole
        // hotel.
        let history: [DomainEvent] = [
            added("Blue"), added("Green"), added("Red"), booked("bkM", "Blue", "2024-05-01", "2024-05-04"),
            changed("bkM", from: ("Blue", "2024-05-01", "2024-05-04"), to: ("Red", "2024-05-03", "2024-05-06")),
        ]
        let decision = ReserveStay(
            booking: bookingID("bkNEW"), client: client("7"), target: .type(.standard, rooms: [room("Green"), room("Red")]),
            stay: stay("2024-05-01", "2024-05-03"), now: t0)
        #expect(given(history, when: decision) == .success([booked("bkNEW", "Red", "2024-05-01", "2024-05-03", client: "7")]))
        #expect(onItsBoundary(history, decision) == .success([booked("bkNEW", "Red", "2024-05-01", "2024-05-03", client: "7")]))
    }

    @Test(arguments: [
        CancelBooking(booking: bookingID("blX"), now: t0) as any Decision, ReleaseHold(booking: bookingID("blX"), now: t0),
        RecordMilestone(.checkedIn, booking: bookingID("blX"), today: day("2024-05-01"), now: t0),
    ])
    func aCommandOnABookingGivenABlocksIDSeesTheBlock(decision: any Decision) {
        // Given a block, when a booking's command is given its id, then the boundary holds the block.
        let history = [added("Blue"), blocked("blX", "Blue", "2024-05-01", "2024-05-03")]
        #expect(given(history.filter { decision.query.matches($0.storeEvent) }, when: decision) == .failure(.isABlock(bookingID("blX"))))
    }

    @Test func unblockGivenABookingsIDSeesTheBooking() {
        let history = [added("Blue"), booked("bkA", "Blue", "2024-05-01", "2024-05-03")]
        let decision = UnblockRoom(block: bookingID("bkA"))
        #expect(given(history.filter { decision.query.matches($0.storeEvent) }, when: decision) == .failure(.notABlock(bookingID("bkA"))))
    }
}
