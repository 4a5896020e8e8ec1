/// Records an arrival, a departure or a no-show on the front desk's `today`, in the statuses and on the
/// days the ``Lifecycle`` allows:
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

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        let transition = Transition(kind)
        try booked.require(transition, at: now)
        try booked.require(transition, on: today)
        return [.stayMilestone(StayMilestone(kind, booking: booking, client: booked.client!, room: booked.room, day: today))]
    }
}
