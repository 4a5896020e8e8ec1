/// Sets rooms' housekeeping status (`hotel clean`, `hotel inspect`, `hotel dirty`): one event a room whose
/// status changes (or that is made dirty with a reason); nothing for a room already so. Every room must be
/// registered; its boundary covers each room's registration and the events that change its status.
public struct SetRoomStatus: Decision {
    public var rooms: [RoomName]
    public var status: HousekeepingStatus
    public var reason: Reason?

    public init(rooms: [RoomName], status: HousekeepingStatus, reason: Reason? = nil) {
        self.rooms = rooms
        self.status = status
        self.reason = reason
    }

    public var query: Query {
        Query(rooms.flatMap { [QueryItem(types: [RoomAdded.type], tags: [.room($0)]), .housekeeping(of: $0)] })
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        // The nearest room is named by the runner, which reads them all (its boundary does not).
        for room in rooms where !state.hasRoom(room) { throw .unknownRoom(room, suggestion: nil) }
        var seen = Set<RoomName>()
        return rooms.filter { seen.insert($0).inserted && (state.housekeeping.status(of: $0) != status || reason != nil) }.map {
            .roomStatusSet(RoomStatusSet(room: $0, status: status, reason: reason))
        }
    }
}
