/// The read model of the whole hotel: its rooms and bookings, folded from the events in log order.
///
/// It can be thrown away and rebuilt from the log at any time; the same fold serves replay and live use.
public struct HotelProjection: Sendable {
    /// The registered rooms.
    public private(set) var rooms: Set<RoomName> = []
    /// Every booking by id, cancelled ones included.
    public private(set) var bookings: [BookingID: Booking] = [:]

    public init() {}

    /// Folds `events` in order into a new projection.
    public init(_ events: some Sequence<DomainEvent>) {
        for event in events { apply(event) }
    }

    /// Folds one more event in.
    public mutating func apply(_ event: DomainEvent) {
        switch event {
        case .roomAdded(let e):
            rooms.insert(e.room)
        case .roomBooked(let e):
            bookings[e.booking] = Booking(id: e.booking, client: e.client, room: e.room, stay: e.stay, status: .active)
        case .bookingCancelled(let e):
            bookings[e.booking]?.status = .cancelled
        }
    }

    /// The registered rooms, in byte order of their names (as `LC_ALL=C sort`).
    public var sortedRooms: [RoomName] { rooms.sorted() }

    /// The rooms with no active booking overlapping `stay`, in byte order of their names.
    public func freeRooms(for stay: Stay) -> [RoomName] {
        var taken = Set<RoomName>()
        for booking in bookings.values where booking.status == .active && booking.stay.overlaps(stay) {
            taken.insert(booking.room)
        }
        return rooms.subtracting(taken).sorted()
    }

    /// The bookings that `filter` includes, by arrival, then room, then id.
    public func bookings(matching filter: BookingFilter) -> [Booking] {
        bookings.values.filter(filter.includes).sorted {
            ($0.stay.arrival, $0.room, $0.id) < ($1.stay.arrival, $1.room, $1.id)
        }
    }
}
