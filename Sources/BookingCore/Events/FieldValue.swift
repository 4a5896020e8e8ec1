/// A value an event's data holds as a string: made from that string, or, on the fast path, straight from
/// the bytes of a line in the form `hotel` writes (plain printable ASCII, no escapes).
///
/// ``init(plainASCII:)`` must accept exactly what ``init(_:)`` accepts for such bytes; for anything else it
/// returns nil and the value is made from a string, which says what is wrong.
protocol FieldValue {
    /// The value as the log holds it: checked, its bytes kept as written (``TextRules``).
    init(logged text: String) throws(InvalidValue)
    init?(plainASCII bytes: UnsafeBufferPointer<UInt8>)
}

/// A name-like value (``TextRules``): for printable ASCII, 1 to ``maximumLength`` bytes with no space at
/// either end.
protocol PlainNameValue: FieldValue {
    static var maximumLength: Int { get }
    init(unchecked rawValue: String)
}

extension PlainNameValue {
    init?(plainASCII bytes: UnsafeBufferPointer<UInt8>) {
        guard (1...Self.maximumLength).contains(bytes.count), bytes.first != 0x20, bytes.last != 0x20 else { return nil }
        self.init(unchecked: String(decoding: bytes, as: UTF8.self))
    }
}

extension RoomName: PlainNameValue {}
extension ClientID: PlainNameValue {}
extension RoomType: PlainNameValue {}
extension IdempotencyKey: PlainNameValue {}
extension Reason: PlainNameValue {}

extension BookingID: FieldValue {
    init(logged text: String) throws(InvalidValue) { try self.init(text) }

    init?(plainASCII bytes: UnsafeBufferPointer<UInt8>) {
        guard (1...Self.maximumLength).contains(bytes.count), bytes.allSatisfy(Self.isAllowed) else { return nil }
        self.init(unchecked: String(decoding: bytes, as: UTF8.self))
    }
}

extension Day: FieldValue {
    init(logged text: String) throws(InvalidValue) { try self.init(text) }

    init?(plainASCII bytes: UnsafeBufferPointer<UInt8>) {
        guard let day = Self.parse(bytes) else { return nil }
        self = day
    }
}

extension Instant: FieldValue {
    init(logged text: String) throws(InvalidValue) { try self.init(text) }

    init?(plainASCII bytes: UnsafeBufferPointer<UInt8>) {
        guard let instant = Self.parse(bytes) else { return nil }
        self = instant
    }
}
