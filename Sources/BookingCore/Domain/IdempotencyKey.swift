/// A caller's name for one request (`--idempotency-key`), so that a retry of `book` or `hold` records
/// nothing new and prints the same id.
///
/// A key follows the rules of room names: 1 to 64 characters, no control characters, no leading or
/// trailing white space. The booking id of a request with a key is derived from the key
/// (``BookingID/derived(from:)``), so a retry finds the booking without any index of keys.
public struct IdempotencyKey: TextValue {
    /// The longest key accepted, in characters.
    public static let maximumLength = 64

    public let rawValue: String

    /// Validates a key.
    ///
    /// - Throws: ``InvalidValue/text(option:_:reason:)`` saying what is wrong with it.
    public init(_ rawValue: String) throws(InvalidValue) { self.rawValue = try Self.input(rawValue) }

    /// Validates a value read from the log (see ``TextValue/logged(_:)``).
    init(logged rawValue: String) throws(InvalidValue) { self.rawValue = try Self.logged(rawValue) }

    public static func invalid(_ rawValue: String, reason: String) -> InvalidValue { .text(option: "idempotency key", rawValue, reason: reason) }

    init(unchecked rawValue: String) { self.rawValue = rawValue }
}

extension BookingID {
    /// The id of the booking or hold made with `key` at its first attempt: `bk` and ten characters of
    /// Crockford's base 32 from a 64-bit FNV-1a hash of the key. Random ids have eight, so the two never meet.
    public static func derived(from key: IdempotencyKey) -> BookingID { derived(from: key, attempt: 0) }

    /// The `attempt`th id of `key`'s sequence (from 0). Different keys can share an id (only 50 bits of the
    /// hash stand in it): a request whose id holds a booking made with another key (or none) takes the next
    /// id of its sequence, so a retry walks the same ids and finds its own booking. Attempt 0 is the hash
    /// of the key's bytes; attempt `n` hashes them followed by a NUL byte and `n` in decimal (a key has no
    /// control characters, so no key's first id is another's later one by construction).
    public static func derived(from key: IdempotencyKey, attempt: Int) -> BookingID {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01B3
        }
        for byte in key.rawValue.utf8 { mix(byte) }
        if attempt > 0 {
            mix(0)
            for byte in String(attempt).utf8 { mix(byte) }
        }
        var id = "bk"
        for i in 0..<10 { id.append(BookingIDGenerator.alphabet[Int(hash >> (5 * UInt64(i)) & 31)]) }
        return BookingID(unchecked: id)
    }
}
