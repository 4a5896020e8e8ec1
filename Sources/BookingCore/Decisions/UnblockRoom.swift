/// Ends a block: the room is back in service for its nights.
public struct UnblockRoom: Decision {
    public var block: BookingID

    public init(block: BookingID) { self.block = block }

    /// Every event of the block (or of a booking of that id, to refuse it as one).
    public var query: Query { .events(of: block) }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let found = try state.existingBlock(block)
        try found.require(.unblock)
        return [.roomUnblocked(RoomUnblocked(block: block, room: found.room))]
    }
}
