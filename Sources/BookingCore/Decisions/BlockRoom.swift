/// Takes a room out of service for a stay's nights, under a new block id. Refused if the room is not
/// registered or a held, active or checked-in stay (or another block) is in the way.
public struct BlockRoom: ReadsRoomNights {
    public var block: BookingID
    public var room: RoomName
    public var stay: Stay
    public var reason: Reason?
    public var now: Instant
    public var decidedAt: Instant? { now }
    /// The bookings holding the nights it reads when the command read the hotel (see ``ReadsRoomNights``).
    public var holders: [BookingID]

    public init(block: BookingID, room: RoomName, stay: Stay, reason: Reason?, now: Instant, holders: [BookingID] = []) {
        self.block = block
        self.room = room
        self.stay = stay
        self.reason = reason
        self.now = now
        self.holders = holders
    }

    /// Everything about the room and the bookings holding its nights, and any event of the new id.
    public var query: Query { Query([QueryItem(types: [], tags: [.room(room)])] + QueryItem.events(of: block) + holderItems) }

    public func nightsRead(in state: some HotelReadModel) -> [(room: RoomName, nights: Stay)] { [(room, stay)] }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        if state.entry(block) != nil { throw .bookingIDTaken(block) }
        do throws(InvalidValue) { _ = try stay.checkedLength() } catch { throw .invalidStay(error) }
        guard state.hasRoom(room) else { throw .unknownRoom(room, suggestion: nil) }
        if let holder = state.firstHolding(room: room, stay: stay, at: now, except: nil) { throw .taken(room, stay, by: holder) }
        return [.roomBlocked(RoomBlocked(block: block, room: room, stay: stay, reason: reason))]
    }
}
