/// The read model of the hotel, folded from events in log order: its rooms, bookings, and each room's
/// calendar of active bookings.
///
/// It can be thrown away and rebuilt from the log at any time; the same fold serves replay, decisions (over
/// the events of a command's query) and the events after a cached snapshot.
public struct HotelProjection: HotelReadModel, Sendable {
    /// The registered rooms.
    public private(set) var rooms: Set<RoomName> = []
    /// Every booking by id, cancelled ones included.
    public private(set) var bookings: [BookingID: Booking] = [:]
    /// Each room's active bookings, sorted by arrival.
    private(set) var calendars: [RoomName: RoomCalendar] = [:]
    public private(set) var head = Position.origin

    public init() {}

    /// Folds `events` in order into a new projection.
    public init(_ events: some Sequence<DomainEvent>) {
        for event in events { apply(event) }
    }

    /// Folds recorded events, taking the head from the last one; throws on an event it cannot decode.
    public init(recorded events: [SequencedEvent], head: Position) throws(EventDataError) {
        for event in events { apply(try DomainEvent(event)) }
        self.head = head
    }

    /// Folds one more event in.
    public mutating func apply(_ event: DomainEvent) {
        switch event {
        case .roomAdded(let e):
            rooms.insert(e.room)
        case .roomBooked(let e):
            // A reused id (only in a store verify flags): the later booking replaces the earlier everywhere.
            if let earlier = bookings[e.booking], earlier.status == .active {
                calendars[earlier.room]?.remove(earlier.stay, earlier.id)
            }
            bookings[e.booking] = Booking(id: e.booking, client: e.client, room: e.room, stay: e.stay, status: .active)
            if calendars[e.room, default: RoomCalendar()].firstOverlap(with: e.stay) == nil {
                calendars[e.room, default: RoomCalendar()].insert(e.stay, e.booking)
            }
        case .bookingCancelled(let e):
            guard let booking = bookings[e.booking], booking.status == .active else { return }
            bookings[e.booking]?.status = .cancelled
            calendars[booking.room]?.remove(booking.stay, booking.id)
        }
    }

    /// Folds one more recorded event in, moving the head to it.
    mutating func apply(_ event: DomainEvent, at position: Position) {
        apply(event)
        head = position
    }

    public func hasRoom(_ room: RoomName) -> Bool { rooms.contains(room) }

    public func roomNames() -> [RoomName] { rooms.sorted() }

    public func booking(_ id: BookingID) -> Booking? { bookings[id] }

    public func firstActiveOverlap(room: RoomName, stay: Stay) -> Booking? {
        calendars[room]?.firstOverlap(with: stay).flatMap { bookings[$0.booking] }
    }

    public func freeRooms(for stay: Stay) -> [RoomName] {
        rooms.filter { calendars[$0]?.firstOverlap(with: stay) == nil }.sorted()
    }

    public func bookings(matching filter: BookingFilter) -> [Booking] {
        bookings.values.filter(filter.includes).sorted(by: Booking.listOrder)
    }
}
