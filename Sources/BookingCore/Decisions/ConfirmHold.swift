/// Turns an unexpired hold into a booking with the same id, for the hold's client or, for a hold made without
/// one, the client given. Refused if the hold was made for another client than the one given: a confirmation
/// never replaces the client.
///
/// Its boundary holds the hold and its room: a booking of the room recorded after the hold expired (by a
/// process whose clock is ahead) makes it decide again, and refuse.
public struct ConfirmHold: ReadsRoomNights {
    public var booking: BookingID
    /// The hold's room, read before deciding (the boundary covers it).
    public var room: RoomName
    public var client: ClientID?
    public var now: Instant
    public var decidedAt: Instant? { now }
    /// The bookings holding the nights it reads when the command read the hotel (see ``ReadsRoomNights``).
    public var holders: [BookingID]

    public init(booking: BookingID, room: RoomName, client: ClientID?, now: Instant, holders: [BookingID] = []) {
        self.booking = booking
        self.room = room
        self.client = client
        self.now = now
        self.holders = holders
    }

    /// Every event of the hold, its room and the bookings holding the hold's nights there.
    public var query: Query { Query(QueryItem.events(of: booking) + [QueryItem(types: [], tags: [.room(room)])] + holderItems) }

    /// The hold's nights in its room.
    public func nightsRead(in state: some HotelReadModel) -> [(room: RoomName, nights: Stay)] {
        guard let hold = state.booking(booking), hold.room == room else { return [] }
        return [(room, hold.stay)]
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let hold = try state.existingBooking(booking)
        // Decide only on what the boundary covers: the room it was drawn around.
        guard hold.room == room else { throw .movedSinceRead(booking, boundary: room, now: hold.room) }
        try hold.require(.confirm, at: now)
        if let given = client, let holder = hold.client, given != holder { throw .holdClientMismatch(booking, holder: holder, given: given) }
        guard let client = client ?? hold.client else { throw .clientRequired(booking) }
        if let holder = state.firstHolding(room: hold.room, stay: hold.stay, at: now, except: booking) { throw .taken(hold.room, hold.stay, by: holder) }
        return [.holdConfirmed(HoldConfirmed(booking: booking, client: client, room: hold.room))]
    }
}
