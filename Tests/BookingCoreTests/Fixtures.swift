import BookingCore

/// Short constructors for test values; they trap on invalid input, which is a bug in the test.
func day(_ text: String) -> Day { try! Day(text) }
func stay(_ from: String, _ to: String) -> Stay { try! Stay(arrival: day(from), departure: day(to)) }
func room(_ name: String) -> RoomName { try! RoomName(name) }
func client(_ id: String) -> ClientID { try! ClientID(id) }
func bookingID(_ id: String) -> BookingID { try! BookingID(id) }

func added(_ name: String) -> DomainEvent { .roomAdded(RoomAdded(room: room(name))) }

func booked(_ id: String, _ roomName: String, _ from: String, _ to: String, client clientID: String = "42") -> DomainEvent {
    .roomBooked(RoomBooked(booking: bookingID(id), client: client(clientID), room: room(roomName), stay: stay(from, to)))
}

func cancelled(_ id: String, _ roomName: String, client clientID: String = "42") -> DomainEvent {
    .bookingCancelled(BookingCancelled(booking: bookingID(id), client: client(clientID), room: room(roomName)))
}

/// Given these past events, when this decision runs: its new events, or the business rule it broke.
func given(_ history: [DomainEvent], when decision: some Decision) -> Result<[DomainEvent], BookingError> {
    Result { () throws(BookingError) -> [DomainEvent] in try decision.decide(given: history) }
}

/// The clock of the decision tables: 2024-04-20T09:00:00Z, before every stay in them.
let t0 = try! Instant("2024-04-20T09:00:00Z")

/// `hotel book --room` as a decision at ``t0``.
func bookRoom(booking: BookingID, client: ClientID, room: RoomName, stay: Stay, now: Instant = t0) -> ReserveStay {
    ReserveStay(booking: booking, client: client, target: .room(room), stay: stay, now: now)
}

extension HotelReadModel {
    /// The free rooms of any type at ``t0``.
    func freeRooms(for stay: Stay) -> [RoomName] { freeRooms(for: stay, at: t0, ofType: nil) }

    /// What holds `room` for a night of `stay` at ``t0``.
    func firstActiveOverlap(room: RoomName, stay: Stay) -> CalendarEntry? { firstHolding(room: room, stay: stay, at: t0, except: nil) }
}

func instant(_ text: String) -> Instant { try! Instant(text) }

func added(_ name: String, type: String) -> DomainEvent { .roomAdded(RoomAdded(room: room(name), type: try! RoomType(type))) }

func held(_ id: String, _ roomName: String, _ from: String, _ to: String, until: String, client clientID: String? = nil) -> DomainEvent {
    .roomHeld(RoomHeld(booking: bookingID(id), client: clientID.map(client), room: room(roomName), stay: stay(from, to), expiresAt: instant(until)))
}

func confirmed(_ id: String, _ roomName: String, client clientID: String = "42") -> DomainEvent {
    .holdConfirmed(HoldConfirmed(booking: bookingID(id), client: client(clientID), room: room(roomName)))
}

func released(_ id: String, _ roomName: String, client clientID: String? = nil) -> DomainEvent {
    .holdReleased(HoldReleased(booking: bookingID(id), client: clientID.map(client), room: room(roomName)))
}

func changed(_ id: String, from previous: (String, String, String), to next: (String, String, String), client clientID: String? = "42") -> DomainEvent {
    .bookingChanged(BookingChanged(
        booking: bookingID(id), client: clientID.map(client), room: room(next.0), stay: stay(next.1, next.2),
        previousRoom: room(previous.0), previousStay: stay(previous.1, previous.2)))
}

func milestone(_ kind: StayMilestone.Kind, _ id: String, _ roomName: String, on dayText: String, client clientID: String = "42") -> DomainEvent {
    .stayMilestone(StayMilestone(kind, booking: bookingID(id), client: client(clientID), room: room(roomName), day: day(dayText)))
}

func blocked(_ id: String, _ roomName: String, _ from: String, _ to: String, reason: String? = nil) -> DomainEvent {
    .roomBlocked(RoomBlocked(block: bookingID(id), room: room(roomName), stay: stay(from, to), reason: reason.map { try! Reason($0) }))
}

func unblocked(_ id: String, _ roomName: String) -> DomainEvent { .roomUnblocked(RoomUnblocked(block: bookingID(id), room: room(roomName))) }
