/// Cancels an active booking, freeing its room for its dates.
public struct CancelBooking: Decision {
    public var booking: BookingID

    public init(booking: BookingID) { self.booking = booking }

    /// The booking's `RoomBooked` and `BookingCancelled` events.
    public var query: Query {
        Query([QueryItem(types: [RoomBooked.type, BookingCancelled.type], tags: [.booking(booking)])])
    }

    public func decide(given history: [DomainEvent]) throws(BookingError) -> [DomainEvent] {
        var booked: RoomBooked?
        for event in history {
            switch event {
            case .roomBooked(let e) where e.booking == booking: booked = e
            case .bookingCancelled(let e) where e.booking == booking: throw .alreadyCancelled(booking)
            default: break
            }
        }
        guard let booked else { throw .unknownBooking(booking) }
        return [.bookingCancelled(BookingCancelled(booking: booking, client: booked.client, room: booked.room))]
    }
}
