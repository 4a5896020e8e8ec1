/// A room was registered, with its type, and can be booked. Tags: `room:<name>`.
/// Data: `{"room":"Blue","type":"double"}`; a `RoomAdded` without `type` (written before types existed)
/// is of type `standard`.
public struct RoomAdded: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "RoomAdded"

    public var room: RoomName
    public var roomType: RoomType

    public init(room: RoomName, type: RoomType = .standard) {
        self.room = room
        self.roomType = type
    }

    var tags: [Tag] { [.room(room)] }
    var data: JSONObject { ["room": .string(room.rawValue), "type": .string(roomType.rawValue)] }

    init(_ fields: some EventFields) throws(EventDataError) {
        room = try fields.value("room", RoomName.init(_:))
        roomType = try fields.optionalValue("type", RoomType.init(_:)) ?? .standard
    }
}
