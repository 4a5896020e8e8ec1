/// A booking was cancelled; its room is free again for its dates. Tags: `booking:<id>`, `room:<name>`,
/// `client:<id>` (the room tag puts it in the room's consistency boundary). Data:
/// `{"bookingId":"bk7q2mxa3d","client":"42","room":"Blue"}`.
public struct BookingCancelled: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "BookingCancelled"

    public var booking: BookingID
    public var client: ClientID
    public var room: RoomName

    public init(booking: BookingID, client: ClientID, room: RoomName) {
        self.booking = booking
        self.client = client
        self.room = room
    }

    var tags: [Tag] { [.booking(booking), .room(room), .client(client)] }
    var data: JSONObject {
        ["bookingId": .string(booking.rawValue), "client": .string(client.rawValue), "room": .string(room.rawValue)]
    }

    init(_ fields: EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.value("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
    }
}
