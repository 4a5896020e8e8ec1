/// A block ended (`hotel unblock`): the room is back in service for those nights. Tags: `block:<id>`,
/// `room:<name>`. Data: `{"blockId":"bl4m8q2x7z","room":"Blue"}`.
public struct RoomUnblocked: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "RoomUnblocked"

    public var block: BookingID
    public var room: RoomName

    public init(block: BookingID, room: RoomName) {
        self.block = block
        self.room = room
    }

    var tags: [Tag] { [.block(block), .room(room)] }
    var data: JSONObject { ["blockId": .string(block.rawValue), "room": .string(room.rawValue)] }

    init(_ fields: some EventFields) throws(EventDataError) {
        block = try fields.value("blockId", BookingID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
    }
}
