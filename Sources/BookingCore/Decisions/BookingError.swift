/// A command rejected by a business rule (exit status 1). Nothing was recorded.
public enum BookingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The room is already registered.
    case roomAlreadyExists(RoomName)
    /// No room of that name is registered; `suggestion` is a registered name close to it.
    case unknownRoom(RoomName, suggestion: RoomName?)
    /// No room of that type is registered; `suggestion` is a registered type close to it.
    case unknownRoomType(RoomType, suggestion: RoomType?)
    /// A held, active or checked-in stay of the room overlaps the stay.
    case roomNotFree(RoomName, Stay, blockedBy: BookingID, blockingStay: Stay)
    /// The room is out of service (a block) for some of the nights.
    case roomOutOfService(RoomName, Stay, block: BookingID, blockStay: Stay, reason: String?)
    /// Every room of the type is taken for some night of the stay.
    case noRoomOfTypeFree(RoomType, Stay)
    /// No booking has that id.
    case unknownBooking(BookingID)
    /// The booking was cancelled before.
    case alreadyCancelled(BookingID)
    /// The command does not apply to a booking in this status; `allowed` says which statuses it takes.
    case wrongStatus(BookingID, status: String, command: String, allowed: String)
    /// The hold expired at that time.
    case holdExpired(BookingID, at: Instant)
    /// A hold made without a client needs one to be confirmed.
    case clientRequired(BookingID)
    /// A booking (not a hold) must be made for a client.
    case bookingWithoutClient
    /// Checking in, or recording a no-show, on a day the stay does not allow.
    case wrongDay(BookingID, command: String, today: Day, allowed: String)
    /// A checked-in booking may change only its departure.
    case checkedInChangeNotAllowed(BookingID)
    /// The id is a block's: blocks are ended with `hotel unblock`.
    case isABlock(BookingID)
    /// The id is a booking's, not a block's.
    case notABlock(BookingID)
    /// No block has that id.
    case unknownBlock(BookingID)
    /// The new dates of a change do not make a stay.
    case invalidStay(InvalidValue)
    /// The idempotency key was used before with other arguments, for booking `existing`.
    case idempotencyKeyReused(IdempotencyKey, existing: BookingID)
    /// The generated id is already used in the store; the handler draws another.
    case bookingIDTaken(BookingID)
    /// The booking is no longer of the room the decision's consistency boundary was drawn around (it was
    /// moved since that room was read): the command draws its boundary again.
    case movedSinceRead(BookingID, boundary: RoomName, now: RoomName)

    public var description: String {
        switch self {
        case .roomAlreadyExists(let room):
            return "room '\(room)' already exists"
        case .unknownRoom(let room, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? "; 'hotel rooms' lists the rooms"
            return "unknown room '\(room)'\(hint)"
        case .unknownRoomType(let type, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? "; 'hotel availability' lists the types"
            return "no room of type '\(type)'\(hint)"
        case .roomNotFree(let room, let stay, let blocking, let blockingStay):
            return "room '\(room)' is not free for \(stay): booking \(blocking) holds it for \(blockingStay); 'hotel free --from \(stay.arrival) --to \(stay.departure)' lists free rooms"
        case .roomOutOfService(let room, let stay, let block, let blockStay, let reason):
            let why = reason.map { " (\($0))" } ?? ""
            return "room '\(room)' is out of service for \(stay): block \(block) takes it out for \(blockStay)\(why); 'hotel free --from \(stay.arrival) --to \(stay.departure)' lists free rooms"
        case .noRoomOfTypeFree(let type, let stay):
            return "no room of type '\(type)' is free for \(stay); 'hotel availability --from \(stay.arrival) --to \(stay.departure)' shows every type"
        case .unknownBooking(let id):
            return "unknown booking '\(id)'; 'hotel bookings' lists the bookings"
        case .alreadyCancelled(let id):
            return "booking '\(id)' is already cancelled"
        case .wrongStatus(let id, let status, let command, let allowed):
            return "'\(id)' is \(status); 'hotel \(command)' takes only \(allowed)"
        case .holdExpired(let id, let at):
            return "hold '\(id)' expired at \(at); hold the room again"
        case .bookingWithoutClient:
            return "a booking needs a client: give --client (only a hold may be made without one)"
        case .clientRequired(let id):
            return "hold '\(id)' was made without a client: give --client to confirm it"
        case .wrongDay(let id, let command, let today, let allowed):
            return "booking '\(id)' cannot be given '\(command)' today (\(today)): \(allowed)"
        case .checkedInChangeNotAllowed(let id):
            return "booking '\(id)' is checked in: only its departure can change (--to)"
        case .isABlock(let id):
            return "'\(id)' is a block, not a booking; 'hotel unblock \(id)' ends it"
        case .notABlock(let id):
            return "'\(id)' is a booking, not a block; 'hotel blocks' lists the blocks"
        case .unknownBlock(let id):
            return "unknown block '\(id)'; 'hotel blocks' lists the blocks"
        case .invalidStay(let error):
            return error.description
        case .idempotencyKeyReused(let key, let existing):
            return "idempotency key '\(InvalidValue.shown(key.rawValue))' was used for booking \(existing) with other arguments"
        case .bookingIDTaken(let id):
            return "booking id '\(id)' is already used"
        case .movedSinceRead(let id, let boundary, let now):
            return "booking \(id) moved from room '\(boundary)' to '\(now)' while the command was deciding; try again"
        }
    }

    /// The rejection for `holder` holding `room` for some night of `stay`: a booking in the way, or a block.
    static func taken(_ room: RoomName, _ stay: Stay, by holder: Booking) -> BookingError {
        holder.kind == .block
            ? .roomOutOfService(room, stay, block: holder.id, blockStay: holder.stay, reason: holder.reason)
            : .roomNotFree(room, stay, blockedBy: holder.id, blockingStay: holder.stay)
    }
}
