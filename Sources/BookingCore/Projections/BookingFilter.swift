/// Which bookings (holds included) a listing includes. Every set criterion must hold; an empty filter lists
/// every booking. (Blocks are listed by a ``BlockFilter``.)
public struct BookingFilter: Sendable, Equatable {
    /// Only this client's bookings.
    public var client: ClientID?
    /// Only bookings of this room.
    public var room: RoomName?
    /// Only bookings of these rooms (the rooms of a type).
    public var rooms: Set<RoomName>?
    /// Only bookings with a night on or after this day.
    public var from: Day?
    /// Only bookings with a night before this day.
    public var to: Day?
    /// Only bookings arriving on this day.
    public var arrival: Day?
    /// Only bookings leaving on this day.
    public var departure: Day?
    /// Only bookings whose status at ``now`` is one of these.
    public var statuses: Set<Booking.Status>?
    /// The clock's reading, for telling held from expired (and for ``statuses``). The default, 1970, sees
    /// every hold as unexpired: pass the clock's reading whenever holds matter.
    public var now: Instant
    /// Whether to include the parts of stays spent in earlier rooms before a move (``Booking/earlierRoom``):
    /// views of the rooms' nights (occupancy, the calendar) want them; lists of bookings do not.
    public var includesEarlierRooms = false

    public init(
        client: ClientID? = nil, room: RoomName? = nil, from: Day? = nil, to: Day? = nil, statuses: Set<Booking.Status>? = nil,
        now: Instant = Instant(secondsSince1970: 0)
    ) {
        self.client = client
        self.room = room
        self.from = from
        self.to = to
        self.statuses = statuses
        self.now = now
    }

    /// The statuses of a stay that happens (or happened): what arrivals, departures and in-house list.
    public static let stayStatuses: Set<Booking.Status> = [.held, .active, .checkedIn, .checkedOut]

    /// Whether `booking` meets every set criterion.
    public func includes(_ booking: Booking) -> Bool {
        if booking.earlierRoom != 0, !includesEarlierRooms { return false }
        if let client, booking.client != client { return false }
        if let room, booking.room != room { return false }
        if let rooms, !rooms.contains(booking.room) { return false }
        // By the nights it has or had, in whatever room (none for a guest who left on the arrival day).
        if from != nil || to != nil {
            guard let nights = booking.stayedNights, nights.hasNights(from: from, to: to) else { return false }
        }
        if let arrival, booking.stay.arrival != arrival { return false }
        if let departure, booking.stay.departure != departure { return false }
        if let statuses, !statuses.contains(booking.status(at: now)) { return false }
        return true
    }
}

extension BookingFilter: RecordSelection {
    /// The nights a booking must share with the filter's days, from ``from``, ``to``, ``arrival`` and
    /// ``departure``.
    var dayBounds: (departureAfter: Int32?, arrivalBefore: Int32?) {
        var after = from.map { Int32($0.ordinal) }, before = to.map { Int32($0.ordinal) }
        if let arrival {
            after = max(after ?? .min, Int32(arrival.ordinal))
            before = min(before ?? .max, Int32(arrival.ordinal) + 1)
        }
        if let departure {
            after = max(after ?? .min, Int32(departure.ordinal) - 1)
            before = min(before ?? .max, Int32(departure.ordinal))
        }
        return (after, before)
    }

    func mayInclude(_ record: SnapshotRecord) -> Bool { !record.isBlock && (includesEarlierRooms || !record.isEarlierRoom) && daysMayInclude(record) }

    func selected(_ entry: CalendarEntry) -> Booking? { entry.booking.flatMap { includes($0) ? $0 : nil } }
}
