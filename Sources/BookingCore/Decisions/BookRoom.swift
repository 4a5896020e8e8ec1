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

    public func decide(given history: [DomainEvent]) throws(BookingError) -> [DomainEvent] {
        var roomExists = false
        var active: [BookingID: Stay] = [:]
        for event in history {
            switch event {
            case .roomAdded(let e) where e.room == room:
                roomExists = true
            case .roomBooked(let e):
                if e.booking == booking { throw .bookingIDTaken(booking) }
                if e.room == room { active[e.booking] = e.stay }
            case .bookingCancelled(let e):
                if e.booking == booking { throw .bookingIDTaken(booking) }
                active[e.booking] = nil
            default:
                break
            }
        }
        guard roomExists else { throw .unknownRoom(room, suggestion: nil) }
        let blocking = active.filter { $0.value.overlaps(stay) }
            .min { ($0.value.arrival, $0.key) < ($1.value.arrival, $1.key) }
        if let blocking {
            throw .roomNotFree(room, stay, blockedBy: blocking.key, blockingStay: blocking.value)
        }
        return [.roomBooked(RoomBooked(booking: booking, client: client, room: room, stay: stay))]
    }
}
