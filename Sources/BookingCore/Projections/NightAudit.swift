/// What the desk must settle before a day ends (`hotel audit`): arrivals not checked in, departures not
/// checked out, guests still in a room another stay is booked into, and holds about to expire.
public struct NightAudit: Sendable, Equatable {
    /// What an item is, in the order the audit lists them.
    public enum Kind: String, Sendable, CaseIterable, Comparable {
        /// An active booking whose stay has the night of the day, not checked in.
        case arrivalPending = "arrival-pending"
        /// A guest checked in whose departure is the day or earlier.
        case departurePending = "departure-pending"
        /// A guest still checked in past the departure in a room another stay holds that night.
        case overstayConflict = "overstay-conflict"
        /// A hold for a stay with a night on or after the day that expires within the next hour.
        case holdExpiring = "hold-expiring"

        public static func < (a: Kind, b: Kind) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    /// What the item is about, beyond its booking and room.
    public enum Detail: Sendable, Equatable {
        /// The day the guest was to arrive.
        case arrival(Day)
        /// The day the guest was to leave.
        case departure(Day)
        /// The stay that holds the room that night, and its arrival.
        case bookedBy(BookingID, arrival: Day)
        /// When the hold expires.
        case expires(Instant)
    }

    /// One thing to settle.
    public struct Item: Sendable, Equatable {
        public var kind: Kind
        public var booking: BookingID
        public var room: RoomName
        public var detail: Detail
        /// The stay's client (none for a hold made without one): whose name the audit shows.
        public var client: ClientID?
    }

    /// How far ahead a hold's expiry is flagged.
    public static let holdWarning = 3600

    /// The day audited.
    public var day: Day
    /// By kind, then room, then booking.
    public var items: [Item]

    /// The audit of `day` in `model`, judged at `now` (holds expiring within ``holdWarning`` seconds of it).
    public init(_ model: some HotelReadModel, on day: Day, at now: Instant) {
        self.day = day
        var items: [Item] = []
        let night = try! Stay(arrival: day, departure: day.adding(days: 1))
        for booking in model.bookings(matching: BookingFilter(from: day, to: night.departure, statuses: [.active], now: now)) {
            items.append(Item(kind: .arrivalPending, booking: booking.id, room: booking.room, detail: .arrival(booking.stay.arrival), client: booking.client))
        }
        for guest in model.guestsCheckedIn() where guest.stay.departure <= day {
            items.append(Item(kind: .departurePending, booking: guest.id, room: guest.room, detail: .departure(guest.stay.departure), client: guest.client))
            if let other = model.firstOnCalendar(room: guest.room, stay: night, at: now, except: guest.id) {
                items.append(Item(kind: .overstayConflict, booking: guest.id, room: guest.room, detail: .bookedBy(other.id, arrival: other.stay.arrival), client: guest.client))
            }
        }
        let soon = Instant(secondsSince1970: now.secondsSince1970 + Self.holdWarning)
        // Holds for stays not over by the day: a listing bounded by days reads only those (at 1M events, the
        // difference between milliseconds and a second).
        for hold in model.bookings(matching: BookingFilter(from: day, statuses: [.held], now: now)) {
            if let expiry = hold.expiresAt, expiry < soon {
                items.append(Item(kind: .holdExpiring, booking: hold.id, room: hold.room, detail: .expires(expiry), client: hold.client))
            }
        }
        self.items = items.sorted { ($0.kind, $0.room, $0.booking) < ($1.kind, $1.room, $1.booking) }
    }
}
