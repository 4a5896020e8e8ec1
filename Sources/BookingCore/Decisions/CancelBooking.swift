/// Cancels a hold or an active booking, freeing its room for its dates. Refused once the guest has
/// checked in, checked out or not come.
public struct CancelBooking: Decision {
    public var booking: BookingID
    public var reason: Reason?
    public var now: Instant
    public var decidedAt: Instant? { now }

    /// - Parameter now: The clock's reading: a hold expired by then is refused. The default, 1970, takes
    ///   every hold as unexpired (as a store written before holds needs no clock).
    public init(booking: BookingID, reason: Reason? = nil, now: Instant = Instant(secondsSince1970: 0)) {
        self.booking = booking
        self.reason = reason
        self.now = now
    }

    /// Every event of the booking (or of a block of that id, to refuse it as one).
    public var query: Query { .events(of: booking) }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        try booked.require(.cancel, at: now)
        return [.bookingCancelled(BookingCancelled(booking: booking, client: booked.client, room: booked.room, reason: reason))]
    }
}
