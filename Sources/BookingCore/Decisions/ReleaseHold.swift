/// Ends an unexpired hold at once; its room is free again. Refused while money paid toward it is not
/// refunded: a released hold never keeps money.
public struct ReleaseHold: Decision {
    public var booking: BookingID
    public var now: Instant
    public var decidedAt: Instant? { now }

    public init(booking: BookingID, now: Instant) {
        self.booking = booking
        self.now = now
    }

    /// Every event of the hold (or of a block of that id, to refuse it as one).
    public var query: Query { .events(of: booking) }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let hold = try state.existingBooking(booking)
        try hold.require(.release, at: now)
        if let paid = state.folio(booking)?.paidNet, paid > .zero { throw .paidHold(booking, paid: paid) }
        return [.holdReleased(HoldReleased(booking: booking, client: hold.client, room: hold.room))]
    }
}
