/// Books a room for a client's stay, under a new booking id.
///
/// Rejected if the room is not registered, if an active booking of it overlaps the stay, or if the id
/// is already used in the store (the handler then draws another id).
public struct BookRoom: Decision {
    public var booking: BookingID
    public var client: ClientID
    public var room: RoomName
    public var stay: Stay

    public init(booking: BookingID, client: ClientID, room: RoomName, stay: Stay) {
        self.booking = booking
        self.client = client
        self.room = room
        self.stay = stay
    }

    /// Everything about the room (added, booked, cancelled), and any event of the new booking id.
    public var query: Query {
        Query([
            QueryItem(types: [RoomAdded.type, RoomBooked.type, BookingCancelled.type], tags: [.room(room)]),
            QueryItem(types: [], tags: [.booking(booking)]),
        ])
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        if state.booking(booking) != nil { throw .bookingIDTaken(booking) }
        guard state.hasRoom(room) else { throw .unknownRoom(room, suggestion: nil) }
        if let blocking = state.firstActiveOverlap(room: room, stay: stay) {
            throw .roomNotFree(room, stay, blockedBy: blocking.id, blockingStay: blocking.stay)
        }
        return [.roomBooked(RoomBooked(booking: booking, client: client, room: room, stay: stay))]
    }
}
