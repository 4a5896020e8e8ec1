/// Moves a held, booked or checked-in stay to another room and/or other dates, as one event. A checked-in
/// stay may change only its departure. Refused, naming what is in the way, if the new room is not free
/// for the new nights (the stay's own nights do not count).
public struct ChangeBooking: ReadsRoomNights {
    public var booking: BookingID
    /// The booking's room when the command started (the boundary covers it and the new room).
    public var currentRoom: RoomName
    public var room: RoomName?
    public var arrival: Day?
    public var departure: Day?
    public var now: Instant
    public var decidedAt: Instant? { now }
    /// The bookings holding the nights it reads when the command read the hotel (see ``ReadsRoomNights``).
    public var holders: [BookingID]

    public init(
        booking: BookingID, currentRoom: RoomName, room: RoomName? = nil, arrival: Day? = nil, departure: Day? = nil, now: Instant,
        holders: [BookingID] = []
    ) {
        self.booking = booking
        self.currentRoom = currentRoom
        self.room = room
        self.arrival = arrival
        self.departure = departure
        self.now = now
        self.holders = holders
    }

    /// Every event of the booking, of its room and the new one, and of the bookings holding the new nights.
    public var query: Query {
        var items = QueryItem.events(of: booking) + [QueryItem(types: [], tags: [.room(currentRoom)])]
        if let room, room != currentRoom { items.append(QueryItem(types: [], tags: [.room(room)])) }
        return Query(items + holderItems)
    }

    /// The new nights in the new room.
    public func nightsRead(in state: some HotelReadModel) -> [(room: RoomName, nights: Stay)] {
        guard let booked = state.booking(booking), let target = try? target(of: booked) else { return [] }
        return [target]
    }

    /// Where and when `booked` is to stay.
    private func target(of booked: Booking) throws(BookingError) -> (room: RoomName, nights: Stay) {
        do throws(InvalidValue) {
            return (room ?? booked.room, try Stay(arrival: arrival ?? booked.stay.arrival, departure: departure ?? booked.stay.departure).checkedLength())
        } catch {
            throw .invalidStay(error)
        }
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        // Decide only on what the boundary covers: the room it was drawn around.
        guard booked.room == currentRoom else { throw .movedSinceRead(booking, boundary: currentRoom, now: booked.room) }
        try booked.require(.change, at: now)
        let (newRoom, newStay) = try target(of: booked)
        guard Lifecycle.changeAllowed(from: booked.status, (booked.room, booked.stay), to: newRoom, newStay) else { throw .checkedInChangeNotAllowed(booking) }
        if newRoom == booked.room, newStay == booked.stay { return [] }
        let today = now.localDay
        guard Lifecycle.departureAllowed(from: booked.status, newStay.departure, today: today) else { throw .departureNotAfterToday(booking, today: today) }
        guard state.hasRoom(newRoom) else { throw .unknownRoom(newRoom, suggestion: nil) }
        if let holder = state.firstHolding(room: newRoom, stay: newStay, at: now, except: booking) { throw .taken(newRoom, newStay, by: holder) }
        return [.bookingChanged(BookingChanged(
            booking: booking, client: booked.client, room: newRoom, stay: newStay, previousRoom: booked.room, previousStay: booked.stay))]
    }
}
