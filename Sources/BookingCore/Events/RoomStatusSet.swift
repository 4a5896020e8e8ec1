/// A room's housekeeping status was set (`hotel clean`, `hotel inspect`, `hotel dirty`). Tags: `room:<name>`.
/// Data: `{"room":"Blue","status":"clean"}`, with `"reason"` for a room made dirty with one. (A check-out
/// makes its room dirty without this event: see ``DomainEvent/apply(to:)-(Housekeeping)``.)
public struct RoomStatusSet: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "RoomStatusSet"

    public var room: RoomName
    public var status: HousekeepingStatus
    public var reason: Reason?

    public init(room: RoomName, status: HousekeepingStatus, reason: Reason? = nil) {
        self.room = room
        self.status = status
        self.reason = reason
    }

    var tags: [Tag] { [.room(room)] }
    var data: JSONObject {
        var data: JSONObject = ["room": .string(room.rawValue), "status": .string(status.rawValue)]
        if let reason { data["reason"] = .string(reason.rawValue) }
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        room = try fields.value("room", RoomName.init(_:))
        guard let status = try fields.optionalString("status").flatMap(HousekeepingStatus.init(rawValue:)) else {
            throw fields.failure("\"status\" must be one of clean, dirty, inspected")
        }
        self.status = status
        reason = try fields.optionalValue("reason", Reason.init(_:))
    }
}
