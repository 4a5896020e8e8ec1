#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an event's typed fields are read from, reporting which field is wrong.
///
/// Two sources: a parsed ``JSONObject`` (the strict path, ``JSONEventFields``) and the byte ranges of a
/// line in the form `hotel` writes (``CanonicalEventFields``, whose values are plain ASCII strings with no
/// escapes). Each event type decodes itself once, generically over the source, whichever path read the line.
protocol EventFields {
    /// The event's position, for error messages.
    var position: Position { get }
    /// The event's type.
    var type: String { get }
    /// Whether the event's type is `name`.
    func isType(_ name: StaticString) -> Bool
    /// The string value of `key`; nil if there is no such member.
    ///
    /// - Throws: if the member is there but not a string.
    func optionalString(_ key: StaticString) throws(EventDataError) -> String?
    /// The value of `key`, or nil if there is no such member.
    func optionalValue<T: FieldValue>(_ key: StaticString, _ make: (String) throws(InvalidValue) -> T) throws(EventDataError) -> T?
}

extension EventFields {
    func value<T: FieldValue>(_ key: StaticString, _ make: (String) throws(InvalidValue) -> T) throws(EventDataError) -> T {
        guard let value = try optionalValue(key, make) else { throw failure("\"\(key)\" must be a string") }
        return value
    }

    /// The stay in `arrival` and `departure` (or two other members).
    func stay(_ arrivalKey: StaticString = "arrival", _ departureKey: StaticString = "departure") throws(EventDataError) -> Stay {
        let arrival = try value(arrivalKey, Day.init(_:))
        let departure = try value(departureKey, Day.init(_:))
        do { return try Stay(arrival: arrival, departure: departure) } catch { throw failure("\(error)") }
    }

    func failure(_ reason: String) -> EventDataError {
        EventDataError(position: position, type: type, reason: reason)
    }

    /// Makes a value from the string of `key`, saying which field is wrong if it cannot be made.
    func made<T: FieldValue>(_ key: StaticString, _ text: String?) throws(EventDataError) -> T? {
        guard let text else { return nil }
        do { return try T(logged: text) } catch { throw failure("\"\(key)\": \(error)") }
    }
}

/// An event's fields from a parsed JSON object: the strict path.
struct JSONEventFields: EventFields {
    let position: Position
    let type: String
    let data: JSONObject

    init(_ recorded: SequencedEvent) {
        position = recorded.position
        type = recorded.event.type
        data = recorded.event.data
    }

    func isType(_ name: StaticString) -> Bool { type == name.description }

    func optionalString(_ key: StaticString) throws(EventDataError) -> String? {
        guard let value = data[key.description] else { return nil }
        guard let text = value.stringValue else { throw failure("\"\(key)\" must be a string") }
        return text
    }

    func optionalValue<T: FieldValue>(_ key: StaticString, _ make: (String) throws(InvalidValue) -> T) throws(EventDataError) -> T? {
        try made(key, try optionalString(key))
    }
}

/// An event's fields as byte ranges of a canonical line (see ``CanonicalLineDecoder``): no copies, no
/// strings but the values made.
struct CanonicalEventFields: EventFields {
    /// A member of the data object: the ranges of its key and of its string value, in the line.
    struct Member {
        var key: Range<Int>
        var value: Range<Int>
    }

    let position: Position
    let line: UnsafeBufferPointer<UInt8>
    let typeRange: Range<Int>
    let members: UnsafeBufferPointer<Member>

    var type: String { String(decoding: UnsafeBufferPointer(rebasing: line[typeRange]), as: UTF8.self) }

    func isType(_ name: StaticString) -> Bool { equal(name, typeRange) }

    /// Whether `line[range]` is the bytes of `text`.
    private func equal(_ text: StaticString, _ range: Range<Int>) -> Bool {
        range.count == text.utf8CodeUnitCount && line[range.lowerBound] == text.utf8Start.pointee
            && memcmp(text.utf8Start, line.baseAddress! + range.lowerBound, range.count) == 0
    }

    private func member(_ key: StaticString) -> Member? {
        for member in members where equal(key, member.key) { return member }
        return nil
    }

    func optionalString(_ key: StaticString) throws(EventDataError) -> String? {
        member(key).map { String(decoding: UnsafeBufferPointer(rebasing: line[$0.value]), as: UTF8.self) }
    }

    func optionalValue<T: FieldValue>(_ key: StaticString, _ make: (String) throws(InvalidValue) -> T) throws(EventDataError) -> T? {
        guard let member = member(key) else { return nil }
        let bytes = UnsafeBufferPointer(rebasing: line[member.value])
        if let value = T(plainASCII: bytes) { return value }
        return try made(key, String(decoding: bytes, as: UTF8.self))
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
