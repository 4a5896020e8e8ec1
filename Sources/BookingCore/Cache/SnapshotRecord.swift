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

    func write(to out: inout [UInt8]) {
        out.append(littleEndian: key.low)
        out.append(littleEndian: key.high)
        out.append(key.count)
        out.append(cancelled ? 1 : 0)
        out.append(contentsOf: [0, 0])
        out.append(littleEndian: room)
        out.append(littleEndian: client)
        out.append(littleEndian: UInt32(bitPattern: arrival))
        out.append(littleEndian: UInt32(bitPattern: departure))
    }
}

extension Array where Element == UInt8 {
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
