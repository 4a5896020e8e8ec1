/// A booking or a hold of a client's stay as the read models show it: the state its events leave it in.
/// (A room out of service is a ``Block``.)
public struct Booking: Sendable, Equatable {
    /// Where a stay is in its lifecycle. Held (until its expiry), active and checked-in stays hold their
    /// room's nights; the others do not. (The lifecycle's table speaks of a ``Block`` in these terms too: see
    /// ``Block/lifecycleStatus``.)
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// A tentative booking until ``Booking/expiresAt``.
        case held
        /// A hold past its expiry: derived from the clock, never recorded.
        case expired
        /// A hold ended by `hotel release`.
        case released
        /// Confirmed, not arrived.
        case active
        case checkedIn = "checked-in"
        case checkedOut = "checked-out"
        case cancelled
        case noShow = "no-show"
    }

    public var id: BookingID
    /// The client; a hold may have none until it is confirmed.
    public var client: ClientID?
    public var room: RoomName
    public var stay: Stay
    /// The recorded status: never ``Status/expired``, which ``status(at:)`` derives.
    public var status: Status
    /// When a hold expires (kept after it is confirmed).
    public var expiresAt: Instant?
    /// Why it was cancelled.
    public var reason: String?
    /// Whether it began as a hold (for telling a repeated `hold` from a repeated `book`).
    public var beganAsHold: Bool
    /// The idempotency key of the `book` or `hold` that made it, if it was given one: a request with a key
    /// is a repeat of this booking only if the keys are the same, not merely the (derived) ids.
    public var idempotencyKey: IdempotencyKey?
    /// Whether the guest checked out on the day of arriving in its room (the stay's arrival day, or the day
    /// of a move), having stayed no night there: ``nights`` is then none.
    public var leftOnArrivalDay: Bool
    /// The first night in its present room, for a guest moved while checked in (`hotel change --room` on a
    /// checked-in stay); nil when the stay has been in its room from its arrival. The nights before are
    /// in the rooms it was moved from (see ``earlierRoom``).
    public var roomSince: Day?
    /// How many earlier rooms the stay has (moves while checked in): each is a part of it listed on its own.
    public var earlierRooms: UInt8
    /// For a part of a stay spent in an earlier room before a move (its ``room`` and ``stay`` the room and
    /// the nights spent there, its status ``Status/checkedOut``), its number from 1; 0 for the stay itself.
    /// Only listings that ask for them include such parts (``BookingFilter/includesEarlierRooms``).
    public var earlierRoom: UInt8
    /// The departure as booked, for a stay a check-out moved to another day (an early or a late departure):
    /// what undoing the check-out restores.
    public var bookedDeparture: Day?

    /// Whether it was cancelled while a hold: undoing the cancellation makes it a hold again, not a booking.
    public var cancelledAsHold: Bool

    /// The most moves a checked-in stay may make.
    public static let maximumEarlierRooms: UInt8 = 15

    public init(
        id: BookingID, client: ClientID?, room: RoomName, stay: Stay, status: Status,
        expiresAt: Instant? = nil, reason: String? = nil, beganAsHold: Bool = false, idempotencyKey: IdempotencyKey? = nil,
        leftOnArrivalDay: Bool = false, roomSince: Day? = nil, earlierRooms: UInt8 = 0, earlierRoom: UInt8 = 0, bookedDeparture: Day? = nil,
        cancelledAsHold: Bool = false
    ) {
        self.cancelledAsHold = cancelledAsHold
        self.id = id
        self.client = client
        self.room = room
        self.stay = stay
        self.status = status
        self.expiresAt = expiresAt
        self.reason = reason
        self.beganAsHold = beganAsHold
        self.idempotencyKey = idempotencyKey
        self.leftOnArrivalDay = leftOnArrivalDay
        self.roomSince = roomSince
        self.earlierRooms = earlierRooms
        self.earlierRoom = earlierRoom
        self.bookedDeparture = bookedDeparture
    }

    /// The nights the stay has or had in its present room as recorded: its stay (from ``roomSince`` for a
    /// guest moved while checked in), or none for a guest who checked out on the day of arriving in it.
    /// (See ``heldNights(today:)`` for a guest still there past the departure.)
    public var nights: Stay? {
        if leftOnArrivalDay { return nil }
        guard let roomSince else { return stay }
        return try? Stay(arrival: roomSince, departure: stay.departure)
    }

    /// The nights of the whole stay, in whatever room: its stay, or none for a guest who checked out on the
    /// arrival day.
    public var stayedNights: Stay? { leftOnArrivalDay && roomSince == nil ? nil : stay }

    /// The first night in its present room.
    public var roomArrival: Day { roomSince ?? stay.arrival }

    /// The stay as its present room has it: from ``roomArrival`` to the departure (its stay, unless it was
    /// moved while checked in).
    public var roomStay: Stay {
        guard let roomSince, let stay = try? Stay(arrival: roomSince, departure: self.stay.departure) else { return stay }
        return stay
    }

    /// The nights the stay holds or held in its present room as of `today`: its ``nights``, and for a guest
    /// still checked in after the departure day, every night up to tonight too. A checked-in stay holds its
    /// room until it is checked out.
    public func heldNights(today: Day) -> Stay? {
        guard isOverstaying(today: today), today < Day.latest else { return nights }
        return try? Stay(arrival: roomArrival, departure: today.adding(days: 1))
    }

    /// The part of the stay spent in its present room up to `day`, for a move on `day`: the earlier room it
    /// leaves behind (nil if it came to the room that day, and slept no night in it).
    func partLeft(on day: Day) -> Booking? {
        guard day > roomArrival, let nights = try? Stay(arrival: roomArrival, departure: day) else { return nil }
        return Booking(id: id, client: client, room: room, stay: nights, status: .checkedOut, earlierRoom: earlierRooms + 1)
    }

    /// Whether the guest is still checked in after the departure day: not checked out by then, so still
    /// there on `today`. (On the departure day itself the guest is due out, not overstaying.)
    public func isOverstaying(today: Day) -> Bool { status == .checkedIn && stay.departure < today }

    /// The status at `now`: a hold at or past its expiry is ``Status/expired``.
    public func status(at now: Instant) -> Status {
        if status == .held, let expiresAt, now >= expiresAt { return .expired }
        return status
    }

    /// The hold's expiry while it is a hold (held or expired at `now`); nil for a booking, and for a hold once
    /// it is confirmed, released or cancelled (``expiresAt`` keeps it, for the rules that look back at it).
    public func holdExpiry(at now: Instant) -> Instant? {
        switch status(at: now) {
        case .held, .expired: return expiresAt
        case .released, .active, .checkedIn, .checkedOut, .cancelled, .noShow: return nil
        }
    }

    /// Whether the stay holds its room's nights in the calendar as recorded (a hold until it expires).
    var occupiesCalendar: Bool {
        switch status {
        case .held, .active, .checkedIn: return true
        case .expired, .released, .checkedOut, .cancelled, .noShow: return false
        }
    }
}
