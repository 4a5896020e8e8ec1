/// Registers rooms of one type. Rejected if any of them exists already (then none is added), or if the type is
/// new and within ``typoDistance`` edits of a registered type, unless ``allowsNewType``: `rooms add --type
/// famliy` beside `family` is a typo far more often than a new kind of room.
public struct AddRooms: Decision {
    /// The rooms to add, in order.
    public var rooms: [RoomName]
    public var type: RoomType
    /// Whether the type may be new even if it is close to a registered one (`rooms add --new-type`).
    public var allowsNewType: Bool

    public init(rooms: [RoomName], type: RoomType = .standard, allowsNewType: Bool = false) {
        self.rooms = rooms
        self.type = type
        self.allowsNewType = allowsNewType
    }

    /// The most edits (case ignored) a new type may be from a registered one and still count as a likely typo of it.
    public static let typoDistance = 2

    /// The `RoomAdded` events of these names; unless a new type is allowed, every `RoomAdded` event (the
    /// registered types), so that a close type added meanwhile makes the command decide again.
    public var query: Query {
        if !allowsNewType { return Query([QueryItem(types: [RoomAdded.type], tags: [])]) }
        return Query(rooms.map { QueryItem(types: [RoomAdded.type], tags: [.room($0)]) })
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        var adding = Set<RoomName>()
        var events: [DomainEvent] = []
        for room in rooms {
            guard !state.hasRoom(room), adding.insert(room).inserted else { throw .roomAlreadyExists(room) }
            events.append(.roomAdded(RoomAdded(room: room, type: type)))
        }
        if !allowsNewType, let existing = Self.typoOf(type, among: state.roomTypes()) { throw .similarRoomType(type, existing: existing) }
        return events
    }

    /// The registered type that `type`, if new, is likely a typo of: the nearest within ``typoDistance``.
    static func typoOf(_ type: RoomType, among types: [RoomType]) -> RoomType? {
        guard !types.contains(type) else { return nil }
        return EditDistance.nearest(to: type.rawValue, in: types.map(\.rawValue), within: typoDistance).map(RoomType.init(unchecked:))
    }
}
