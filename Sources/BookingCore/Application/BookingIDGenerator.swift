import Synchronization

/// Makes new booking ids. Injected so that tests get fixed, readable ids.
public struct BookingIDGenerator: Sendable {
    /// Returns a new id.
    public var next: @Sendable () -> BookingID

    public init(next: @escaping @Sendable () -> BookingID) { self.next = next }

    /// Crockford's base-32 alphabet in lowercase: no `i`, `l`, `o` or `u` to misread.
    static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// `bk` and eight random characters (40 bits) from the system's secure generator.
    public static let random = BookingIDGenerator {
        var generator = SystemRandomNumberGenerator()
        let bits = generator.next() as UInt64
        var id = "bk"
        for i in 0..<8 { id.append(alphabet[Int(bits >> (5 * UInt64(i)) & 31)]) }
        return BookingID(unchecked: id)
    }

    /// `bk1`, `bk2`, `bk3`, ...: predictable ids for tests.
    public static func incrementing(prefix: String = "bk") -> BookingIDGenerator {
        let counter = Mutex(0)
        return BookingIDGenerator {
            let n = counter.withLock { value in
                value += 1
                return value
            }
            return BookingID(unchecked: prefix + String(n))
        }
    }

    /// The given ids in order, then `bk1`, `bk2`, ... once they run out.
    public static func sequence(_ ids: [BookingID]) -> BookingIDGenerator {
        let remaining = Mutex(ids[...])
        let fallback = incrementing()
        return BookingIDGenerator { remaining.withLock { $0.popFirst() } ?? fallback.next() }
    }
}

extension BookingID {
    init(unchecked rawValue: String) { self.rawValue = rawValue }
}
