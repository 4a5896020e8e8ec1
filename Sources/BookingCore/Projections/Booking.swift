/// A booking, a hold or a block as the read models show it: the state its events leave it in.
public struct Booking: Sendable, Equatable {
    /// A guest's stay, or a room taken out of service.
    public enum Kind: Sendable, Equatable {
        /// A hold or a booking of a client's stay.
        case booking
        /// A room out of service for some nights (`hotel block`); listed by `hotel blocks` only.
        case block
    }

    /// Where a stay is in its lifecycle. Held (until its expiry), active and checked-in stays hold their
    /// room's nights; the others do not. A block is `active` until it is ended, then `cancelled` (shown as
    /// `ended`).
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
    public var kind: Kind
    /// The client; a hold may have none until it is confirmed, a block never has one.
    public var client: ClientID?
    public var room: RoomName
    public var stay: Stay
    /// The recorded status: never ``Status/expired``, which ``status(at:)`` derives.
    public var status: Status
    /// When a hold expires (kept after it is confirmed).
    public var expiresAt: Instant?
    /// Why it was cancelled, or why a room is blocked.
    public var reason: String?
    /// Whether it began as a hold (for telling a repeated `hold` from a repeated `book`).
    public var beganAsHold: Bool
    /// The idempotency key of the `book` or `hold` that made it, if it was given one: a request with a key
    /// is a repeat of this booking only if the keys are the same, not merely the (derived) ids.
    public var idempotencyKey: IdempotencyKey?

    public init(
        id: BookingID, kind: Kind = .booking, client: ClientID?, room: RoomName, stay: Stay, status: Status,
        expiresAt: Instant? = nil, reason: String? = nil, beganAsHold: Bool = false, idempotencyKey: IdempotencyKey? = nil
    ) {
        self.id = id
        self.kind = kind
        self.client = client
        self.room = room
        self.stay = stay
        self.status = status
        self.expiresAt = expiresAt
        self.reason = reason
        self.beganAsHold = beganAsHold
        self.idempotencyKey = idempotencyKey
    }

    /// The status at `now`: a hold at or past its expiry is ``Status/expired``.
    public func status(at now: Instant) -> Status {
        if status == .held, let expiresAt, now >= expiresAt { return .expired }
        return status
    }

    /// Whether the stay holds its room's nights in the calendar as recorded (a hold until it expires).
    var occupiesCalendar: Bool {
        switch status {
        case .held, .active, .checkedIn: return true
        case .expired, .released, .checkedOut, .cancelled, .noShow: return false
        }
    }

    /// The status as `hotel` prints it: a block's `cancelled` is `ended`.
    public func statusText(at now: Instant) -> String { Self.text(of: status(at: now), kind: kind) }

    /// `status` as `hotel` prints it for a record of `kind`: a block's `cancelled` is `ended`.
    public static func text(of status: Status, kind: Kind) -> String {
        kind == .block && status == .cancelled ? "ended" : status.rawValue
    }
}
