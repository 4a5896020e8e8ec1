import Testing
@testable import BookingCore

/// The stay's lifecycle as one table: what each transition takes, and on which days.
struct LifecycleTests {
    @Test(arguments: [
        (Transition.confirm, [Booking.Status.held]), (.release, [.held]), (.cancel, [.held, .active]), (.change, [.held, .active, .checkedIn]),
        (.checkIn, [.active]), (.checkOut, [.checkedIn]), (.noShow, [.active]), (.unblock, [.active]),
    ])
    func eachTransitionTakesItsStatuses(transition: Transition, statuses: [Booking.Status]) {
        #expect(Lifecycle.of(transition).statuses == Set(statuses))
        #expect(Lifecycle.of(transition).kind == (transition == .unblock ? .block : .booking))
    }

    @Test func checkInIsDuringTheStayAndANoShowFromTheArrivalOn() {
        let stay = stay("2024-05-01", "2024-05-04")
        let days = ["2024-04-30", "2024-05-01", "2024-05-03", "2024-05-04", "2024-05-09"].map(day)
        #expect(days.map { Lifecycle.of(.checkIn).days.allow($0, for: stay) } == [false, true, true, false, false])
        #expect(days.map { Lifecycle.of(.noShow).days.allow($0, for: stay) } == [false, true, true, true, true])
        // (Issue 18: a check-out is from the arrival in the room on, so that a clock behind it cannot end a
        // stay before it began there; it was any day before.)
        #expect(days.map { Lifecycle.of(.checkOut).days.allow($0, for: stay) } == [false, true, true, true, true])
        for transition in Transition.allCases where transition != .checkIn && transition != .noShow && transition != .checkOut {
            #expect(days.allSatisfy { Lifecycle.of(transition).days.allow($0, for: stay) }, "\(transition)")
        }
    }

    /// (Issue 18: a checked-in guest may move to another room from today on; it could not before.)
    @Test func aCheckedInStayKeepsItsArrival() {
        let old = (room: room("Blue"), stay: stay("2024-05-01", "2024-05-04"))
        #expect(Lifecycle.changeAllowed(from: .checkedIn, old, to: room("Blue"), stay("2024-05-01", "2024-05-06")))
        #expect(Lifecycle.changeAllowed(from: .checkedIn, old, to: room("Green"), stay("2024-05-01", "2024-05-04")))
        #expect(!Lifecycle.changeAllowed(from: .checkedIn, old, to: room("Blue"), stay("2024-05-02", "2024-05-04")))
        #expect(Lifecycle.changeAllowed(from: .active, old, to: room("Green"), stay("2024-05-02", "2024-05-04")))
    }
}
