/// Moves a held, booked or checked-in stay to another room and/or other dates, as one event. A checked-in
/// stay keeps its arrival: it may change its departure (to after today), and move to another room from
/// today on, the nights slept staying in the room they were slept in. Refused, naming what is in the way,
/// if the new room is not free for the new nights (the stay's own nights do not count).
public struct ChangeBooking: ReadsRoomNights {
    public var booking: BookingID
    /// The booking's room when the command started (the boundary covers it and the new room).
    public var currentRoom: RoomName
    public var room: RoomName?
    public var arrival: Day?
    public var departure: Day?
    public var now: Instant
    /// The desk's day (the wall clock's local date, as for a check-in): a checked-in guest is moved from it.
    public var today: Day
    public var decidedAt: Instant? { now }
    /// The bookings holding the nights it reads when the command read the hotel (see ``ReadsRoomNights``).
    public var holders: [BookingID]

    public init(
        booking: BookingID, currentRoom: RoomName, room: RoomName? = nil, arrival: Day? = nil, departure: Day? = nil, now: Instant,
        today: Day? = nil, holders: [BookingID] = []
    ) {
        self.today = today ?? now.localDay
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
        var items = QueryItem.events(of: booking) + [QueryItem(types: [], tags: [.room(currentRoom)])] + QueryItem.pricing
        if let room, room != currentRoom { items.append(QueryItem(types: [], tags: [.room(room)])) }
        return Query(items + holderItems)
    }

    /// The new nights in the new room.
    public func nightsRead(in state: some HotelReadModel) -> [(room: RoomName, nights: Stay)] {
        guard let booked = state.booking(booking), let plan = try? plan(for: booked) else { return [] }
        return [(plan.room, plan.nights)]
    }

    /// What the change makes of `booked`: its room and stay, the nights it must hold in the room, and for a
    /// checked-in guest moved to another room, the first night there (today: the nights slept stay where
    /// they were).
    private func plan(for booked: Booking) throws(BookingError) -> (room: RoomName, stay: Stay, nights: Stay, movedOn: Day?) {
        do throws(InvalidValue) {
            let newRoom = room ?? booked.room
            let newStay = try Stay(arrival: arrival ?? booked.stay.arrival, departure: departure ?? booked.stay.departure).checkedLength()
            guard booked.status == .checkedIn else { return (newRoom, newStay, newStay, nil) }
            let movedOn = newRoom == booked.room ? nil : max(today, booked.roomArrival)
            // A checked-in guest holds the present room from the day of coming to it.
            let from = movedOn ?? booked.roomArrival
            let nights = from < newStay.departure ? try Stay(arrival: from, departure: newStay.departure) : newStay
            return (newRoom, newStay, nights, movedOn)
        } catch {
            throw .invalidStay(error)
        }
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        // Decide only on what the boundary covers: the room it was drawn around.
        guard booked.room == currentRoom else { throw .movedSinceRead(booking, boundary: currentRoom, now: booked.room) }
        try booked.require(.change, at: now)
        try state.requireOpenFolio(booking, for: .change)
        let plan = try plan(for: booked)
        guard Lifecycle.changeAllowed(from: booked.status, (booked.room, booked.stay), to: plan.room, plan.stay) else { throw .checkedInChangeNotAllowed(booking) }
        if plan.room == booked.room, plan.stay == booked.stay { return [] }
        guard Lifecycle.departureAllowed(from: booked.status, plan.stay.departure, today: today) else { throw .departureNotAfterToday(booking, today: today) }
        guard state.hasRoom(plan.room) else { throw .unknownRoom(plan.room, suggestion: nil) }
        if plan.movedOn != nil, booked.earlierRooms >= Booking.maximumEarlierRooms { throw .tooManyMoves(booking, moves: Int(booked.earlierRooms)) }
        if let holder = state.firstHolding(room: plan.room, stay: plan.nights, at: now, except: booking) { throw .taken(plan.room, plan.nights, by: holder) }
        // Nights kept in a room of the same type keep their price; a guest moved keeps the nights before the move.
        let oldType = state.roomType(booked.room), newType = state.roomType(plan.room) ?? .standard
        let price = try state.tariff.price(ofChange: plan.stay, to: newType, sameType: oldType == newType, from: state.folio(booking)) { night in
            (plan.movedOn.map { night < $0 } ?? false) || (oldType == newType && booked.stay.arrival <= night && night < booked.stay.departure)
        }
        return [.bookingChanged(BookingChanged(
            booking: booking, client: booked.client, room: plan.room, stay: plan.stay, previousRoom: booked.room, previousStay: booked.stay,
            movedOn: plan.movedOn, price: price))]
    }
}
