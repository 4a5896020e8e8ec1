/// Cancels a hold or an active booking, freeing its room for its dates. Refused once the guest has
/// checked in, checked out or not come.
public struct CancelBooking: Decision {
    public var booking: BookingID
    public var reason: Reason?
    public var now: Instant
    /// A cancellation fee, as typed (`--fee`), posted to the folio on `today`.
    public var fee: String?
    public var today: Day
    public var decidedAt: Instant? { now }

    /// - Parameter now: The clock's reading: a hold expired by then is refused. The default, 1970, takes
    ///   every hold as unexpired (as a store written before holds needs no clock).
    public init(booking: BookingID, reason: Reason? = nil, now: Instant = Instant(secondsSince1970: 0), fee: String? = nil, today: Day = Day(ordinal: 0)) {
        self.booking = booking
        self.reason = reason
        self.now = now
        self.fee = fee
        self.today = today
    }

    /// Every event of the booking (or of a block of that id, to refuse it as one); with a fee, the currency.
    public var query: Query {
        Query(QueryItem.events(of: booking) + (fee == nil ? [] : [QueryItem(types: [], tags: [.setting(.currency)])]))
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        try booked.require(.cancel, at: now)
        let fee = try state.fee(fee, of: booking, on: today, what: reason?.rawValue ?? "cancellation", with: .cancel)
        return [.bookingCancelled(BookingCancelled(booking: booking, client: booked.client, room: booked.room, reason: reason))] + fee
    }
}
