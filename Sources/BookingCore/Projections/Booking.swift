/// A booking as the read model shows it.
public struct Booking: Sendable, Equatable {
    /// Whether a booking still holds its room.
    public enum Status: String, Sendable, Equatable {
        case active
        case cancelled
    }

    public var id: BookingID
    public var client: ClientID
    public var room: RoomName
    public var stay: Stay
    public var status: Status

    public init(id: BookingID, client: ClientID, room: RoomName, stay: Stay, status: Status) {
        self.id = id
        self.client = client
        self.room = room
        self.stay = stay
        self.status = status
    }
}
