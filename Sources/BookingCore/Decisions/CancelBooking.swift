/// Cancels an active booking, freeing its room for its dates.
public struct CancelBooking: Decision {
    public var booking: BookingID

    public init(booking: BookingID) { self.booking = booking }

    /// The booking's `RoomBooked` and `BookingCancelled` events.
    public var query: Query {
        Query([QueryItem(types: [RoomBooked.type, BookingCancelled.type], tags: [.booking(booking)])])
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        guard let booked = state.booking(booking) else { throw .unknownBooking(booking) }
        guard booked.status == .active else { throw .alreadyCancelled(booking) }
        return [.bookingCancelled(BookingCancelled(booking: booking, client: booked.client, room: booked.room))]
    }
}
