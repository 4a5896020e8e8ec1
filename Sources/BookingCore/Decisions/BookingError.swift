/// A command rejected by a business rule (exit status 1). Nothing was recorded.
public enum BookingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The room is already registered.
    case roomAlreadyExists(RoomName)
    /// No room of that name is registered; `suggestion` is a registered name close to it.
    case unknownRoom(RoomName, suggestion: RoomName?)
    /// An active booking of the room overlaps the stay.
    case roomNotFree(RoomName, Stay, blockedBy: BookingID, blockingStay: Stay)
    /// No booking has that id.
    case unknownBooking(BookingID)
    /// The booking was cancelled before.
    case alreadyCancelled(BookingID)
    /// The generated id is already used in the store; the handler draws another.
    case bookingIDTaken(BookingID)

    public var description: String {
        switch self {
        case .roomAlreadyExists(let room):
            return "room '\(room)' already exists"
        case .unknownRoom(let room, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? "; 'hotel rooms' lists the rooms"
            return "unknown room '\(room)'\(hint)"
        case .roomNotFree(let room, let stay, let blocking, let blockingStay):
            return "room '\(room)' is not free for \(stay): booking \(blocking) holds it for \(blockingStay); 'hotel free --from \(stay.arrival) --to \(stay.departure)' lists free rooms"
        case .unknownBooking(let id):
            return "unknown booking '\(id)'; 'hotel bookings' lists the bookings"
        case .alreadyCancelled(let id):
            return "booking '\(id)' is already cancelled"
        case .bookingIDTaken(let id):
            return "booking id '\(id)' is already used"
        }
    }
}
