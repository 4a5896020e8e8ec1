/// Registers rooms of one type. Rejected if any of them exists already; then none is added.
public struct AddRooms: Decision {
    /// The rooms to add, in order.
    public var rooms: [RoomName]
    public var type: RoomType

    public init(rooms: [RoomName], type: RoomType = .standard) {
        self.rooms = rooms
        self.type = type
    }

    /// The `RoomAdded` events of these names.
    public var query: Query {
        Query(rooms.map { QueryItem(types: [RoomAdded.type], tags: [.room($0)]) })
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        var adding = Set<RoomName>()
        var events: [DomainEvent] = []
        for room in rooms {
            guard !state.hasRoom(room), adding.insert(room).inserted else { throw .roomAlreadyExists(room) }
            events.append(.roomAdded(RoomAdded(room: room, type: type)))
        }
        return events
    }
}
