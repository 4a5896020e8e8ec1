/// What the stay calendar holds under an id: a booking (or hold), or a block. It is what a look-up by id
/// finds (``HotelReadModel/entry(_:)``) and what may stand in the way of a stay
/// (``HotelReadModel/firstHolding(room:stay:at:except:)``).
public enum CalendarEntry: Sendable, Equatable {
    /// Which of the two an entry is: what a transition of the lifecycle applies to (``Lifecycle/kind``).
    public enum Kind: String, Sendable, Equatable {
        /// A hold or a booking of a client's stay.
        case booking
        /// A room out of service (`hotel block`).
        case block

        /// `status` of an entry of this kind as `hotel` prints it: a block's `cancelled` is `ended`
        /// (``Block/text(of:)``).
        public func text(of status: Booking.Status) -> String { self == .block ? Block.text(of: status) : status.rawValue }
    }

    case booking(Booking)
    case block(Block)

    /// A booking's or a block's.
    public var kind: Kind {
        switch self {
        case .booking: .booking
        case .block: .block
        }
    }

    /// The booking, if it is one.
    public var booking: Booking? {
        if case .booking(let booking) = self { return booking }
        return nil
    }

    /// The block, if it is one.
    public var block: Block? {
        if case .block(let block) = self { return block }
        return nil
    }

    public var id: BookingID {
        switch self {
        case .booking(let booking): booking.id
        case .block(let block): block.id
        }
    }

    public var room: RoomName {
        switch self {
        case .booking(let booking): booking.room
        case .block(let block): block.room
        }
    }

    /// The stay's nights, or the nights out of service.
    public var stay: Stay {
        switch self {
        case .booking(let booking): booking.stay
        case .block(let block): block.stay
        }
    }

    /// The nights it has or had in its room: a booking's ``Booking/nights`` (in its present room, none for a
    /// guest who left on the day of coming to it), a block's.
    public var nightsInRoom: Stay? {
        switch self {
        case .booking(let booking): booking.nights
        case .block(let block): block.stay
        }
    }

    /// The status in the terms of the stay's lifecycle (``Lifecycle``): a booking's at `now`, a block's
    /// ``Block/lifecycleStatus``.
    func lifecycleStatus(at now: Instant) -> Booking.Status {
        switch self {
        case .booking(let booking): booking.status(at: now)
        case .block(let block): block.lifecycleStatus
        }
    }

    /// Whether it holds its room's nights in the calendar as recorded (a hold until it expires, a block
    /// until it is ended).
    var occupiesCalendar: Bool {
        switch self {
        case .booking(let booking): booking.occupiesCalendar
        case .block(let block): !block.hasEnded
        }
    }
}
