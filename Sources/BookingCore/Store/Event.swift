/// An event as the store sees it: a type, tags, and the event's own fields as a JSON object.
public struct Event: Sendable, Equatable {
    /// The event type, such as `RoomBooked`.
    public var type: String
    /// The entities it concerns.
    public var tags: [Tag]
    /// The event's own fields.
    public var data: JSONObject

    public init(type: String, tags: [Tag], data: JSONObject) {
        self.type = type
        self.tags = tags
        self.data = data
    }
}

/// An event recorded in a store, with the position and time the store gave it.
public struct SequencedEvent: Sendable, Equatable {
    /// Where it stands in the log.
    public var position: Position
    /// The event.
    public var event: Event
    /// When it was recorded, as ISO 8601 UTC text (for example `2024-04-20T09:30:00Z`).
    public var recordedAt: String

    public init(position: Position, event: Event, recordedAt: String) {
        self.position = position
        self.event = event
        self.recordedAt = recordedAt
    }
}
