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
