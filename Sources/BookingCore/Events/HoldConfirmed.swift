/// An unexpired hold became a booking, under the same id, for `client`. Tags: `booking:<id>`,
/// `room:<name>`, `client:<id>`. Data: `{"bookingId":"bk3x9k2m7q","client":"42","room":"Blue"}`.
public struct HoldConfirmed: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "HoldConfirmed"

    public var booking: BookingID
    public var client: ClientID
    public var room: RoomName

    public init(booking: BookingID, client: ClientID, room: RoomName) {
        self.booking = booking
        self.client = client
        self.room = room
    }

    var tags: [Tag] { Tag.of(booking: booking, room: room, client: client) }
    var data: JSONObject { JSONObject.of(booking: booking, client: client, room: room) }

    init(_ fields: some EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.value("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
    }
}
