/// Records an arrival, a departure or a no-show on the front desk's `today`.
///
/// - Check-in: an active booking, from its arrival day up to (not including) its departure day.
/// - Check-out: a checked-in booking, any day; before the departure day it is an early departure (see
///   ``DomainEvent/apply(to:)``).
/// - No-show: an active booking not checked in, on or after its arrival day; its room becomes free.
public struct RecordMilestone: Decision {
    public var kind: StayMilestone.Kind
    public var booking: BookingID
    public var today: Day
    public var now: Instant
    public var decidedAt: Instant? { now }

    public init(_ kind: StayMilestone.Kind, booking: BookingID, today: Day, now: Instant) {
        self.kind = kind
        self.booking = booking
        self.today = today
        self.now = now
    }

    /// Every event of the booking (or of a block of that id, to refuse it as one).
    public var query: Query { .events(of: booking) }

    /// The command word, for messages.
    var command: String {
        switch kind {
        case .checkedIn: "checkin"
        case .checkedOut: "checkout"
        case .noShow: "noshow"
        }
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        let stay = booked.stay
        switch kind {
        case .checkedIn:
            try booked.require([.active], for: command, describedAs: "active bookings", at: now)
            guard stay.arrival <= today, today < stay.departure else {
                throw .wrongDay(booking, command: command, today: today, allowed: "check-in is from the arrival day \(stay.arrival) up to the day before the departure \(stay.departure)")
            }
        case .checkedOut:
            try booked.require([.checkedIn], for: command, describedAs: "checked-in bookings", at: now)
        case .noShow:
            try booked.require([.active], for: command, describedAs: "active bookings not checked in", at: now)
            guard stay.arrival <= today else {
                throw .wrongDay(booking, command: command, today: today, allowed: "a no-show can be recorded from the arrival day \(stay.arrival) on")
            }
        }
        return [.stayMilestone(StayMilestone(kind, booking: booking, client: booked.client!, room: booked.room, day: today))]
    }
}
