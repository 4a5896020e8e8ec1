import Testing
@testable import BookingCore

struct HotelProjectionTests {
    let events: [DomainEvent] = [
        added("Green"), added("Blue"), added("101"), added("Red"),
        booked("bk1", "Blue", "2024-05-01", "2024-05-03", client: "42"),
        booked("bk2", "Green", "2024-05-02", "2024-05-05", client: "7"),
        booked("bk3", "Red", "2024-05-01", "2024-05-02", client: "42"),
        cancelled("bk3", "Red", client: "42"),
        booked("bk4", "101", "2024-04-28", "2024-05-01", client: "9"),
    ]

    @Test func freeRoomsAreThoseWithNoActiveOverlappingBookingInByteOrder() {
        let projection = HotelProjection(events)
        #expect(projection.freeRooms(for: stay("2024-05-01", "2024-05-03")) == [room("101"), room("Red")])
        #expect(projection.freeRooms(for: stay("2024-05-03", "2024-05-04")) == [room("101"), room("Blue"), room("Red")])
        #expect(projection.freeRooms(for: stay("2024-04-30", "2024-05-01")) == [room("Blue"), room("Green"), room("Red")])
    }

    @Test func listsBookingsByArrivalThenRoomThenID() {
        let all = HotelProjection(events).bookings(matching: BookingFilter())
        #expect(all.map(\.id.rawValue) == ["bk4", "bk1", "bk3", "bk2"])
        #expect(all.first { $0.id.rawValue == "bk3" }?.status == .cancelled)
    }

    @Test(arguments: [
        (BookingFilter(client: client("42")), ["bk1", "bk3"]),
        (BookingFilter(room: room("Green")), ["bk2"]),
        (BookingFilter(from: day("2024-05-02")), ["bk1", "bk2"]),
        (BookingFilter(to: day("2024-05-01")), ["bk4"]),
        (BookingFilter(from: day("2024-05-03"), to: day("2024-05-04")), ["bk2"]),
        (BookingFilter(client: client("42"), room: room("Red")), ["bk3"]),
        (BookingFilter(client: client("nobody")), []),
    ])
    func filtersBookings(_ filter: BookingFilter, ids: [String]) {
        #expect(HotelProjection(events).bookings(matching: filter).map(\.id.rawValue) == ids)
    }

    @Test func rebuildingFromTheSameEventsGivesTheSameAnswers() {
        var live = HotelProjection()
        for event in events { live.apply(event) }
        let rebuilt = HotelProjection(events)
        #expect(live.roomNames() == rebuilt.roomNames())
        #expect(live.bookings(matching: BookingFilter()) == rebuilt.bookings(matching: BookingFilter()))
    }
}
