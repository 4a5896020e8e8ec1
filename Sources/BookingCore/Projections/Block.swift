/// A room taken out of service for some nights (`hotel block`): not a guest's stay, and never a
/// ``Booking``. It holds its room's nights until it is ended (`hotel unblock`); `hotel blocks` lists it.
public struct Block: Sendable, Equatable {
    /// `bl` and eight characters when made by `hotel block`; blocks and bookings share one space of ids, so
    /// no id is both.
    public var id: BookingID
    public var room: RoomName
    /// The nights out of service: from the first night to the day back in service.
    public var stay: Stay
    /// Whether it was ended: an ended block holds no nights.
    public var hasEnded: Bool
    /// Why the room is out of service, if a reason was given.
    public var reason: String?

    public init(id: BookingID, room: RoomName, stay: Stay, hasEnded: Bool = false, reason: String? = nil) {
        self.id = id
        self.room = room
        self.stay = stay
        self.hasEnded = hasEnded
        self.reason = reason
    }

    /// The block's status in the terms of the stay's lifecycle (``Lifecycle``, and the statuses a refusal
    /// carries): `active`, or `cancelled` once ended.
    public var lifecycleStatus: Booking.Status { hasEnded ? .cancelled : .active }

    /// What `hotel blocks` says of a block.
    public enum Status: String, Sendable, Equatable, CaseIterable {
        /// Not ended, with a night still to come.
        case active
        /// Not ended, but its last night has passed: it holds no night from today on. (Derived from the
        /// day, never recorded, as an expired hold is.)
        case past
        /// Ended by `hotel unblock`.
        case ended
    }

    /// The status on `today`: ``Status/ended`` once ended, ``Status/past`` from the day it is back in
    /// service (its departure) on, else ``Status/active``.
    public func status(on today: Day) -> Status {
        if hasEnded { return .ended }
        return stay.departure <= today ? .past : .active
    }

    /// A block's lifecycle status as `hotel` prints it: `cancelled` is `ended`.
    public static func text(of status: Booking.Status) -> String { status == .cancelled ? "ended" : status.rawValue }
}
