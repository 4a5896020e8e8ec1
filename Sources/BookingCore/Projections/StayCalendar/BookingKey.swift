/// A booking id packed into 12 bytes plus its length, for the snapshot's fixed-size records and hash table.
struct BookingKey: Hashable, Sendable {
    /// The id's bytes, zero-padded.
    var low: UInt64
    var high: UInt32
    var count: UInt8

    init(_ id: BookingID) {
        var string = id.rawValue
        self = string.withUTF8 { bytes in
            var low: UInt64 = 0, high: UInt32 = 0
            for i in 0..<min(bytes.count, 8) { low |= UInt64(bytes[i]) << (8 * UInt64(i)) }
            for i in min(bytes.count, 8)..<min(bytes.count, 12) { high |= UInt32(bytes[i]) << (8 * UInt32(i - 8)) }
            return BookingKey(low: low, high: high, count: UInt8(truncatingIfNeeded: bytes.count) & 0x0F)
        }
    }

    /// The key of part `part` of booking `id`'s stay (an earlier room, ``Booking/earlierRoom``; 0 for the
    /// booking itself): the part's number in the high four bits of the length byte, which an id (at most
    /// 12 bytes) leaves clear.
    init(_ id: BookingID, part: UInt8) {
        self.init(id)
        count |= part << 4
    }

    /// The key of the booking or block `entry`, or of the part of a stay it is.
    init(_ entry: CalendarEntry) {
        self.init(entry.id, part: entry.booking?.earlierRoom ?? 0)
    }

    /// The number of the part of a stay this is the key of (0: the booking itself).
    var part: UInt8 { count >> 4 }

    init(low: UInt64, high: UInt32, count: UInt8) {
        self.low = low
        self.high = high
        self.count = count
    }

    /// The id (already validated when it was made from one). No heap allocation: ids fit a small string.
    var id: BookingID {
        var bytes = (low.littleEndian, high.littleEndian)
        let text = withUnsafeBytes(of: &bytes) { String(decoding: $0.prefix(Int(count & 0x0F)), as: UTF8.self) }
        return BookingID(unchecked: text)
    }

    /// Whether this id comes before `other` in byte order (as their strings compare).
    func precedes(_ other: BookingKey) -> Bool {
        if low != other.low { return low.byteSwapped < other.low.byteSwapped }
        if high != other.high { return high.byteSwapped < other.high.byteSwapped }
        return count < other.count
    }

    /// A well-mixed 64-bit hash (SplitMix64's finalizer over the packed bytes).
    var mixed: UInt64 {
        var z = low &+ UInt64(high) &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(count)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
