import Testing
@testable import BookingCore

/// Given these events, the occupancy report over some nights.
struct OccupancyTests {
    let now = try! Instant("2024-04-20T09:00:00Z")
    let events: [DomainEvent] = [
        added("101", type: "double"), added("102", type: "double"), added("Suite", type: "suite"),
        booked("bk1", "101", "2024-05-01", "2024-05-03"),
        booked("bk2", "102", "2024-05-02", "2024-05-05"),
        booked("bk3", "Suite", "2024-05-01", "2024-05-02"), cancelled("bk3", "Suite"),
        held("bk4", "Suite", "2024-05-02", "2024-05-04", until: "2024-04-20T10:00:00Z"),
        blocked("bl1", "Suite", "2024-05-03", "2024-05-05"),
    ]

    func report(_ grouping: Occupancy.Grouping, type: String? = nil) -> Occupancy {
        Occupancy(HotelProjection(events), nights: stay("2024-05-01", "2024-05-04"), by: grouping, ofType: type.map { try! RoomType($0) }, at: now)
    }

    func row(_ key: String, _ occupied: Int, _ free: Int, _ outOfService: Int) -> Occupancy.Row {
        Occupancy.Row(key: key, occupied: occupied, free: free, outOfService: outOfService)
    }

    @Test func byNightBookingsOccupyHoldsAndCancelledStaysAreFreeBlocksAreOutOfService() {
        let byNight = report(.night)
        #expect(byNight.rows == [row("2024-05-01", 1, 2, 0), row("2024-05-02", 2, 1, 0), row("2024-05-03", 1, 1, 1)])
        #expect(byNight.total == row("total", 4, 4, 1))
        #expect(byNight.total.rate == 0.5)
    }

    @Test func byTypeAndByRoomSumTheSameNights() {
        #expect(report(.type).rows == [row("double", 4, 2, 0), row("suite", 0, 2, 1)])
        #expect(report(.room).rows == [row("101", 2, 1, 0), row("102", 2, 1, 0), row("Suite", 0, 2, 1)])
        #expect(report(.room, type: "suite").rows == [row("Suite", 0, 2, 1)])
        #expect(report(.room, type: "suite").total.rate == 0)
    }
}
