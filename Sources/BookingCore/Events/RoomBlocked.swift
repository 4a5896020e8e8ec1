/// A room was taken out of service for some nights (repairs, deep cleaning). Tags: `block:<id>`,
/// `room:<name>`. Data: `{"blockId":"bl4m8q2x7z","room":"Blue","arrival":"2024-05-01","departure":"2024-05-03"}`,
/// with `"reason"` when one was given.
public struct RoomBlocked: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "RoomBlocked"

    public var block: BookingID
    public var room: RoomName
    public var stay: Stay
    public var reason: Reason?

    public init(block: BookingID, room: RoomName, stay: Stay, reason: Reason? = nil) {
        self.block = block
        self.room = room
        self.stay = stay
        self.reason = reason
    }

    var tags: [Tag] { [.block(block), .room(room)] }
    var data: JSONObject {
        var data: JSONObject = ["blockId": .string(block.rawValue), "room": .string(room.rawValue)]
        data.add(stay)
        if let reason { data["reason"] = .string(reason.rawValue) }
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        block = try fields.value("blockId", BookingID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
        stay = try fields.stay()
        reason = try fields.optionalValue("reason", Reason.init(_:))
    }
}
