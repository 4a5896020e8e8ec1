/// One booking in a snapshot: 32 bytes, with the room and client as indexes into the snapshot's tables.
struct SnapshotRecord: Sendable {
    var key: BookingKey
    var cancelled: Bool
    var room: UInt32
    var client: UInt32
    var arrival: Int32
    var departure: Int32

    static let size = 32

    var stay: Stay { try! Stay(arrival: Day(ordinal: Int(arrival)), departure: Day(ordinal: Int(departure))) }

    /// Appends the record's 32 bytes, as four little-endian words.
    func write(to out: inout [UInt8]) {
        var words = (
            key.low.littleEndian,
            (UInt64(key.high) | UInt64(key.count) << 32 | UInt64(cancelled ? 1 : 0) << 40).littleEndian,
            (UInt64(room) | UInt64(client) << 32).littleEndian,
            (UInt64(UInt32(bitPattern: arrival)) | UInt64(UInt32(bitPattern: departure)) << 32).littleEndian
        )
        withUnsafeBytes(of: &words) { out.append(contentsOf: $0) }
    }
}

extension Array where Element == UInt8 {
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
