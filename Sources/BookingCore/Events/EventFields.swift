/// Reads typed fields from an event's data, reporting which field is wrong.
///
/// The data comes either as a parsed ``JSONObject`` (the strict path) or as byte ranges of a line in the
/// form `hotel` writes (``CanonicalLineDecoder``, whose values are plain ASCII strings with no escapes).
/// Each event type decodes itself from these fields once, whichever path read the line.
struct EventFields {
    let position: Position
    private let source: Source

    private enum Source {
        case object(type: String, data: JSONObject)
        case line(UnsafeBufferPointer<UInt8>, type: Range<Int>, members: UnsafeBufferPointer<CanonicalMember>)
    }

    /// A member of a canonical data object: the ranges of its key and of its string value, in the line.
    struct CanonicalMember {
        var key: Range<Int>
        var value: Range<Int>
    }

    init(_ recorded: SequencedEvent) {
        position = recorded.position
        source = .object(type: recorded.event.type, data: recorded.event.data)
    }

    init(line: UnsafeBufferPointer<UInt8>, position: Position, type: Range<Int>, members: UnsafeBufferPointer<CanonicalMember>) {
        self.position = position
        source = .line(line, type: type, members: members)
    }

    /// The event's type.
    var type: String {
        switch source {
        case .object(let type, _): return type
        case .line(let line, let type, _): return String(decoding: UnsafeBufferPointer(rebasing: line[type]), as: UTF8.self)
        }
    }

    /// Whether the event's type is `name`.
    func isType(_ name: String) -> Bool {
        switch source {
        case .object(let type, _): return type == name
        case .line(let line, let type, _): return name.utf8.elementsEqual(UnsafeBufferPointer(rebasing: line[type]))
        }
    }

    /// The string value of `key`; nil if there is no such member.
    ///
    /// - Throws: if the member is there but not a string.
    func optionalString(_ key: String) throws(EventDataError) -> String? {
        switch source {
        case .object(_, let data):
            guard let value = data[key] else { return nil }
            guard let text = value.stringValue else { throw failure("\"\(key)\" must be a string") }
            return text
        case .line(let line, _, let members):
            for member in members where key.utf8.elementsEqual(UnsafeBufferPointer(rebasing: line[member.key])) {
                return String(decoding: UnsafeBufferPointer(rebasing: line[member.value]), as: UTF8.self)
            }
            return nil
        }
    }

    func string(_ key: String) throws(EventDataError) -> String {
        guard let value = try optionalString(key) else { throw failure("\"\(key)\" must be a string") }
        return value
    }

    func value<T>(_ key: String, _ make: (String) throws(InvalidValue) -> T) throws(EventDataError) -> T {
        let text = try string(key)
        do { return try make(text) } catch { throw failure("\"\(key)\": \(error)") }
    }

    /// The value of `key` made by `make`, or nil if there is no such member.
    func optionalValue<T>(_ key: String, _ make: (String) throws(InvalidValue) -> T) throws(EventDataError) -> T? {
        guard let text = try optionalString(key) else { return nil }
        do { return try make(text) } catch { throw failure("\"\(key)\": \(error)") }
    }

    /// The stay in `arrival` and `departure` (or `previousArrival` and `previousDeparture`).
    func stay(prefix: String = "") throws(EventDataError) -> Stay {
        let names = prefix.isEmpty ? ("arrival", "departure") : (prefix + "Arrival", prefix + "Departure")
        let arrival = try value(names.0, Day.init(_:))
        let departure = try value(names.1, Day.init(_:))
        do { return try Stay(arrival: arrival, departure: departure) } catch { throw failure("\(error)") }
    }

    func failure(_ reason: String) -> EventDataError {
        EventDataError(position: position, type: type, reason: reason)
    }
}

extension JSONObject {
    /// `{"bookingId":…,"client":…,"room":…}`, without `client` when there is none.
    static func of(booking: BookingID, client: ClientID?, room: RoomName) -> JSONObject {
        var data: JSONObject = ["bookingId": .string(booking.rawValue)]
        if let client { data["client"] = .string(client.rawValue) }
        data["room"] = .string(room.rawValue)
        return data
    }

    /// Adds `arrival` and `departure` (or `<prefix>Arrival` and `<prefix>Departure`).
    mutating func add(_ stay: Stay, prefix: String = "") {
        self[prefix.isEmpty ? "arrival" : prefix + "Arrival"] = .string(stay.arrival.description)
        self[prefix.isEmpty ? "departure" : prefix + "Departure"] = .string(stay.departure.description)
    }
}
