/// The stay's lifecycle, written once: for each ``Transition``, what it applies to, the statuses it takes
/// and the days it may be recorded on. The decisions keep it when they record (``Booking/require(_:at:)``,
/// ``Booking/require(_:on:)``) and `hotel verify` holds every logged event to it on replay.
///
/// What each transition does to the booking is its event's meaning (``DomainEvent/apply(to:)``), not here.
public struct Lifecycle: Sendable, Equatable {
    /// The days of a stay on which a transition may be recorded.
    public enum Days: Sendable, Equatable {
        /// Any day.
        case any
        /// From the arrival day up to the day before the departure.
        case duringStay
        /// From the arrival day on.
        case fromArrival

        /// Whether `day` is one of them for `stay`.
        public func allow(_ day: Day, for stay: Stay) -> Bool {
            switch self {
            case .any: return true
            case .duringStay: return stay.arrival <= day && day < stay.departure
            case .fromArrival: return stay.arrival <= day
            }
        }
    }

    /// What it applies to: bookings and holds, or blocks.
    public var kind: CalendarEntry.Kind
    /// The statuses it takes, as of the time it is decided (a hold past its expiry is ``Booking/Status/expired``).
    public var statuses: Set<Booking.Status>
    public var days: Days

    /// The table.
    public static func of(_ transition: Transition) -> Lifecycle {
        switch transition {
        case .confirm, .release: return Lifecycle(kind: .booking, statuses: [.held], days: .any)
        case .cancel: return Lifecycle(kind: .booking, statuses: [.held, .active], days: .any)
        case .change: return Lifecycle(kind: .booking, statuses: [.held, .active, .checkedIn], days: .any)
        case .checkIn: return Lifecycle(kind: .booking, statuses: [.active], days: .duringStay)
        case .checkOut: return Lifecycle(kind: .booking, statuses: [.checkedIn], days: .fromArrival)
        case .noShow: return Lifecycle(kind: .booking, statuses: [.active], days: .fromArrival)
        case .unblock: return Lifecycle(kind: .block, statuses: [.active], days: .any)
        case .undo: return Lifecycle(kind: .booking, statuses: Set(Booking.Status.allCases.filter { undoing($0) != nil }), days: .any)
        case .charge: return Lifecycle(kind: .booking, statuses: [.active, .checkedIn, .checkedOut], days: .any)
        // Money is never taken for a hold that has ended: what it would pay for is gone.
        case .pay: return Lifecycle(kind: .booking, statuses: Set(Booking.Status.allCases).subtracting([.expired, .released]), days: .any)
        case .refund: return Lifecycle(kind: .booking, statuses: Set(Booking.Status.allCases), days: .any)
        // A hold is not invoiced: it is not yet a sale.
        case .invoice, .credit: return Lifecycle(kind: .booking, statuses: [.active, .checkedIn, .checkedOut, .cancelled, .noShow], days: .any)
        }
    }

    /// Whether an open invoice refuses `transition`: what would change what it says (an extra or a fee, a
    /// payment, a refund, a change of the stay) waits for a credit note to cancel it.
    public static func closedByInvoice(_ transition: Transition) -> Bool {
        switch transition {
        case .charge, .pay, .refund, .change: true
        default: false
        }
    }

    /// Whether a change of a booking in `status` may move it from `old` to `room` and `stay`: a checked-in
    /// stay keeps its arrival (it may move to another room from today on, and change its departure).
    public static func changeAllowed(from status: Booking.Status, _ old: (room: RoomName, stay: Stay), to room: RoomName, _ stay: Stay) -> Bool {
        status != .checkedIn || stay.arrival == old.stay.arrival
    }

    /// What undoing the last transition of a booking in `status` undoes, and the status it is back in:
    /// a check-in (back to active), a check-out (back to checked in), a no-show or a cancellation (back to
    /// active, or a hold again for one cancelled while a hold: ``undoing(_:at:)``); nil for a status no
    /// transition undo takes left.
    /// A hold cancelled while a hold is a hold again (see ``undoing(_:)``).
    public static func undoing(_ booking: Booking, at now: Instant) -> (undid: BookingCorrected.Undone, to: Booking.Status)? {
        guard let (undid, to) = undoing(booking.status(at: now)) else { return nil }
        return undid == .cancellation && booking.cancelledAsHold ? (undid, .held) : (undid, to)
    }

    public static func undoing(_ status: Booking.Status) -> (undid: BookingCorrected.Undone, to: Booking.Status)? {
        switch status {
        case .checkedIn: (.checkIn, .active)
        case .checkedOut: (.checkOut, .checkedIn)
        case .noShow: (.noShow, .active)
        case .cancelled: (.cancellation, .active)
        case .held, .expired, .released, .active: nil
        }
    }

    /// Whether a change of a booking in `status` may give it `departure` on the desk's `today`: a
    /// checked-in guest leaves after today at the earliest (a departure today is a check-out).
    public static func departureAllowed(from status: Booking.Status, _ departure: Day, today: Day) -> Bool {
        status != .checkedIn || departure > today
    }
}
