/// Booking keys to record indexes: open addressing, at most half full, probing linearly from
/// ``BookingKey/mixed``. Each slot holds the index + 1 (0 is empty) in its low 32 bits and the top 32 bits
/// of the key's hash in its high 32 bits, so a probe reads a record only when the hash matches. The
/// snapshot's hash section is these slots' low halves.
struct RecordTable {
    private(set) var slots: [UInt64]
    private var count = 0

    init(capacity: Int = 0) {
        var size = 1024
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: 0, count: size)
    }

    func find(_ key: BookingKey, records: [SnapshotRecord]) -> UInt32? {
        let hash = key.mixed
        let tag = hash >> 32
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 {
            let slot = slots[i]
            if slot >> 32 == tag {
                let index = UInt32(truncatingIfNeeded: slot) - 1
                if records[Int(index)].key == key { return index }
            }
            i = (i + 1) & mask
        }
        return nil
    }

    mutating func insert(_ key: BookingKey, _ index: UInt32, records: [SnapshotRecord]) {
        if (count + 1) * 2 > slots.count { grow(records) }
        place(key.mixed, index)
        count += 1
    }

    private mutating func place(_ hash: UInt64, _ index: UInt32) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = (hash >> 32) << 32 | UInt64(index + 1)
    }

    private mutating func grow(_ records: [SnapshotRecord]) {
        let old = slots
        slots = Array(repeating: 0, count: old.count * 2)
        for slot in old where slot != 0 {
            let index = UInt32(truncatingIfNeeded: slot) - 1
            place(records[Int(index)].key.mixed, index)
        }
    }
}
