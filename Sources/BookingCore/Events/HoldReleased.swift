/// A hold was ended before its expiry (`hotel release`); its room is free again. Tags: `booking:<id>`,
/// `room:<name>`, and `client:<id>` if it had one. Data: `{"bookingId":"bk3x9k2m7q","room":"Blue"}`, with
/// `"client"` if it had one.
public struct HoldReleased: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "HoldReleased"

    public var booking: BookingID
    public var client: ClientID?
    public var room: RoomName

    public init(booking: BookingID, client: ClientID?, room: RoomName) {
        self.booking = booking
        self.client = client
        self.room = room
    }

    var tags: [Tag] { Tag.of(booking: booking, room: room, client: client) }
    var data: JSONObject { JSONObject.of(booking: booking, client: client, room: room) }

    init(_ fields: some EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.optionalValue("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
    }
}
