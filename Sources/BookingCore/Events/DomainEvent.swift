/// The facts `hotel` records, in the past tense. Never edited, never deleted.
public enum DomainEvent: Sendable, Equatable {
    case roomAdded(RoomAdded)
    case roomBooked(RoomBooked)
    case bookingCancelled(BookingCancelled)

    /// The store's view: type, tags and data.
    public var storeEvent: Event {
        switch self {
        case .roomAdded(let e): return Event(type: RoomAdded.type, tags: e.tags, data: e.data)
        case .roomBooked(let e): return Event(type: RoomBooked.type, tags: e.tags, data: e.data)
        case .bookingCancelled(let e): return Event(type: BookingCancelled.type, tags: e.tags, data: e.data)
        }
    }

    /// Decodes a recorded event.
    ///
    /// - Throws: ``EventDataError`` if the type is unknown or a field is missing or invalid.
    public init(_ recorded: SequencedEvent) throws(EventDataError) {
        let fields = EventFields(recorded)
        switch recorded.event.type {
        case RoomAdded.type: self = .roomAdded(try RoomAdded(fields))
        case RoomBooked.type: self = .roomBooked(try RoomBooked(fields))
        case BookingCancelled.type: self = .bookingCancelled(try BookingCancelled(fields))
        default: throw EventDataError(position: recorded.position, type: recorded.event.type, reason: "unknown event type; this store may have been written by a newer version of hotel")
        }
    }
}

/// A recorded event whose type or data this version cannot understand.
public struct EventDataError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: Position
    public var type: String
    public var reason: String

    public var description: String { "the \(type) event at position \(position) is invalid: \(reason)" }
}

/// Reads typed fields from a recorded event's data, reporting which field is wrong.
struct EventFields {
    let recorded: SequencedEvent

    init(_ recorded: SequencedEvent) { self.recorded = recorded }

    func string(_ key: String) throws(EventDataError) -> String {
        guard let value = recorded.event.data[key]?.stringValue else { throw failure("\"\(key)\" must be a string") }
        return value
    }

    func value<T>(_ key: String, _ make: (String) throws(InvalidValue) -> T) throws(EventDataError) -> T {
        let text = try string(key)
        do { return try make(text) } catch { throw failure("\"\(key)\": \(error)") }
    }

    func failure(_ reason: String) -> EventDataError {
        EventDataError(position: recorded.position, type: recorded.event.type, reason: reason)
    }
}
