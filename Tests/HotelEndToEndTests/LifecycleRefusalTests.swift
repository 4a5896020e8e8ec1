import Foundation
import HotelTestSupport
import Testing

/// Every refusal of the stay's lifecycle in the words `hotel` prints: a transition given a status it does
/// not take, or a day it may not be recorded on (the library gives the status and the transition; the
/// command line words them).
struct LifecycleRefusalTests {
    let sandbox = Sandbox()

    /// `hotel batch` on the lines, at 2024-05-01T10:00:00Z in UTC.
    func batch(_ lines: [String]) throws -> [String] {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-05-01T10:00:00Z"
        hotel.environment["TZ"] = "UTC"
        return try hotel.run(["batch"], input: lines.joined(separator: "\n") + "\n").lines
    }

    @Test func eachTransitionNamesTheStatusesAndDaysItTakes() throws {
        // Given an active booking, a hold, one released, a booking arriving later, one checked in and a
        // block ended,
        let made = try batch([
            "rooms add A B C D E", "book --client 1 --room A --from 2024-05-01 --to 2024-05-04",
            "hold --room B --from 2024-05-01 --to 2024-05-03 --client 2", "book --client 3 --room C --from 2024-05-03 --to 2024-05-05",
            "block --room D --from 2024-05-01 --to 2024-05-02", "book --client 4 --room E --from 2024-05-01 --to 2024-05-03",
            "hold --room B --from 2024-05-03 --to 2024-05-04 --client 5",
        ])
        let (a, h, c, bl, e, h2) = (made[1], made[2], made[3], made[4], made[5], made[6])
        #expect(try batch(["release \(h)", "unblock \(bl)", "checkin \(e)"]) == [h, bl, e])
        // when each transition is given one it does not take, then the refusal says what it takes.
        #expect(try batch([
            "confirm \(a)", "confirm \(h)", "release \(a)", "change \(h) --to 2024-05-05", "cancel \(e)", "checkin \(h2)", "checkin \(e)",
            "checkout \(a)", "noshow \(e)", "unblock \(bl)", "checkin \(c)", "noshow \(c)",
        ]) == [
            "error: '\(a)' is active; 'hotel confirm' takes only unexpired holds",
            "error: '\(h)' is released; 'hotel confirm' takes only unexpired holds",
            "error: '\(a)' is active; 'hotel release' takes only unexpired holds",
            "error: '\(h)' is released; 'hotel change' takes only held, active or checked-in bookings",
            "error: '\(e)' is checked-in; 'hotel cancel' takes only held or active bookings",
            "error: '\(h2)' is held; 'hotel checkin' takes only active bookings",
            "error: '\(e)' is checked-in; 'hotel checkin' takes only active bookings",
            "error: '\(a)' is active; 'hotel checkout' takes only checked-in bookings",
            "error: '\(e)' is checked-in; 'hotel noshow' takes only active bookings not checked in",
            "error: '\(bl)' is ended; 'hotel unblock' takes only active blocks",
            "error: booking '\(c)' cannot be given 'checkin' today (2024-05-01): check-in is from the arrival day 2024-05-03 up to the day before the departure 2024-05-05",
            "error: booking '\(c)' cannot be given 'noshow' today (2024-05-01): a no-show can be recorded from the arrival day 2024-05-03 on",
        ])
    }
}
