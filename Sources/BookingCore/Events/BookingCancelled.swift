/// A hold or booking was cancelled; its room is free again for its dates. Tags: `booking:<id>`,
/// `room:<name>`, `client:<id>` (the room tag puts it in the room's consistency boundary; a hold with no
/// client has no client tag). Data: `{"bookingId":"bk7q2mxa3d","client":"42","room":"Blue"}`, and
/// `"reason"` when one was given.
public struct BookingCancelled: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "BookingCancelled"

    public var booking: BookingID
    public var client: ClientID?
    public var room: RoomName
    public var reason: Reason?

    public init(booking: BookingID, client: ClientID?, room: RoomName, reason: Reason? = nil) {
        self.booking = booking
        self.client = client
        self.room = room
        self.reason = reason
    }

    var tags: [Tag] { Tag.of(booking: booking, room: room, client: client) }
    var data: JSONObject {
        var data = JSONObject.of(booking: booking, client: client, room: room)
        if let reason { data["reason"] = .string(reason.rawValue) }
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.optionalValue("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
        reason = try fields.optionalValue("reason", Reason.init(_:))
    }
}
