/// Ends a block: the room is back in service for its nights.
public struct UnblockRoom: Decision {
    public var block: BookingID

    public init(block: BookingID) { self.block = block }

    /// Every event of the block (or of a booking of that id, to refuse it as one).
    public var query: Query { .events(of: block) }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        guard let found = state.booking(block) else { throw .unknownBlock(block) }
        guard found.kind == .block else { throw .notABlock(block) }
        try found.require(.unblock, at: Instant(secondsSince1970: 0))
        return [.roomUnblocked(RoomUnblocked(block: block, room: found.room))]
    }
}
