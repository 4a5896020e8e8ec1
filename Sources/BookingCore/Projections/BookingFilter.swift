/// Which bookings `hotel bookings` lists. Every set criterion must hold; an empty filter lists all.
public struct BookingFilter: Sendable, Equatable {
    /// Only this client's bookings.
    public var client: ClientID?
    /// Only bookings of this room.
    public var room: RoomName?
    /// Only bookings with a night on or after this day.
    public var from: Day?
    /// Only bookings with a night before this day.
    public var to: Day?

    public init(client: ClientID? = nil, room: RoomName? = nil, from: Day? = nil, to: Day? = nil) {
        self.client = client
        self.room = room
        self.from = from
        self.to = to
    }

    /// Whether `booking` meets every set criterion.
    public func includes(_ booking: Booking) -> Bool {
        if let client, booking.client != client { return false }
        if let room, booking.room != room { return false }
        if let from, booking.stay.departure <= from { return false }
        if let to, booking.stay.arrival >= to { return false }
        return true
    }

    /// The query that reads what this filter needs: a client's or a room's events only, when set.
    var query: Query {
        let types = [RoomBooked.type, BookingCancelled.type]
        if let client { return Query([QueryItem(types: types, tags: [.client(client)])]) }
        if let room { return Query([QueryItem(types: types, tags: [.room(room)])]) }
        return Query([QueryItem(types: types, tags: [])])
    }
}
