/// A room was registered and can be booked. Tags: `room:<name>`. Data: `{"room":"Blue"}`.
public struct RoomAdded: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "RoomAdded"

    public var room: RoomName

    public init(room: RoomName) { self.room = room }

    var tags: [Tag] { [.room(room)] }
    var data: JSONObject { ["room": .string(room.rawValue)] }

    init(_ fields: EventFields) throws(EventDataError) {
        room = try fields.value("room", RoomName.init(_:))
    }
}
