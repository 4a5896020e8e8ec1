/// The stay calendar's section of the snapshot (see ``StayCalendarLayout``), memory-mapped: the hotel as of
/// a prefix of the log (``coveredPosition``, ending at byte ``coveredOffset``). Only the pages a command
/// touches are read from the disk, each checked when first read (see ``MappedSnapshot``).
///
/// Opening checks the section's header, its parts' bounds and the room table, so a malformed section is
/// refused (and rebuilt) rather than trusted; every access checks its indexes and spans too (client
/// entries only then), so no content can make it read out of bounds.
final class Snapshot: @unchecked Sendable {
    private let section: SnapshotSection
    let roomCount: Int
    let clientCount: Int
    let recordCount: Int
    private let hashSlots: Int
    private let activeCount: Int
    private let stringsSize: Int
    private let extrasCount: Int
    private let inHouseCount: Int
    private var sections: [Int] = []

    /// The snapshot file the section is in.
    var file: MappedSnapshot { section.file }
    var coveredOffset: Int { section.file.coveredOffset }
    var coveredPosition: Position { section.file.coveredPosition }

    /// Opens the stay calendar's section of `file`; nil if it has none of this layout, or it is malformed.
    init?(_ file: MappedSnapshot) {
        guard let section = file.section(StayCalendarLayout.name, version: StayCalendarLayout.version) else { return nil }
        self.section = section
        func u32(_ at: Int) -> Int { Int(section.u32(at)) }
        func u64(_ at: Int) -> UInt64 { section.u64(at) }
        roomCount = u32(4)
        clientCount = u32(8)
        recordCount = u32(12)
        hashSlots = u32(16)
        sections = StayCalendarLayout.Part.allCases.map { Int(truncatingIfNeeded: u64(24 + 8 * $0.rawValue)) }
        stringsSize = Int(truncatingIfNeeded: u64(104))
        activeCount = Int(truncatingIfNeeded: u64(112))
        extrasCount = Int(truncatingIfNeeded: u64(120))
        inHouseCount = Int(truncatingIfNeeded: u64(128))
        guard u32(0) == SnapshotRecord.size, isWellFormed(), !file.isDamaged else { return nil }
    }

    /// Opens the stay calendar of the snapshot file at `path` (for tests and tools).
    convenience init?(path: String) {
        guard let file = MappedSnapshot(path: path) else { return nil }
        self.init(file)
    }

    /// Lets the kernel drop the pages read so far from this process (see ``MappedSnapshot/releasePages()``).
    func releasePages() { section.file.releasePages() }

    private func isWellFormed() -> Bool {
        guard hashSlots > 0, hashSlots & (hashSlots - 1) == 0, hashSlots >= recordCount else { return false }
        // A switch, not a dictionary: a dictionary keyed by Part costs a runtime conformance lookup at start-up.
        func length(of part: StayCalendarLayout.Part) -> Int {
            switch part {
            case .strings: stringsSize
            case .rooms: roomCount * StayCalendarLayout.roomEntrySize
            case .clients: clientCount * StayCalendarLayout.clientEntrySize
            case .records: recordCount * SnapshotRecord.size
            case .hash: hashSlots * 6
            case .active: activeCount * StayCalendarLayout.activeEntrySize
            case .roomLists, .clientLists: recordCount * 4
            case .extras: extrasCount * StayCalendarLayout.extrasEntrySize
            case .inHouse: inHouseCount * StayCalendarLayout.inHouseEntrySize
            }
        }
        let size = section.length
        for part in StayCalendarLayout.Part.allCases {
            let start = sections[part.rawValue], length = length(of: part)
            guard start >= StayCalendarLayout.headerSize, length >= 0, start <= size, length <= size - start else { return false }
        }
        for r in 0..<roomCount {
            let entry = sections[StayCalendarLayout.Part.rooms.rawValue] + r * StayCalendarLayout.roomEntrySize
            guard within(u32(entry), u32(entry + 4), stringsSize), within(u32(entry + 8), u32(entry + 12), activeCount),
                  within(u32(entry + 16), u32(entry + 20), recordCount), within(u32(entry + 28), u32(entry + 32), stringsSize),
                  within(u32(entry + 40), u32(entry + 44), inHouseCount)
            else { return false }
        }
        // Client entries (there can be many) are checked when read; see `clientEntryIsValid`.
        return true
    }

    private func within(_ start: Int, _ count: Int, _ limit: Int) -> Bool { start <= limit && count <= limit - start }

    private func u8(_ at: Int) -> UInt8 { section.u8(at) }
    private func u16(_ at: Int) -> UInt16 { section.u16(at) }
    private func u32(_ at: Int) -> Int { Int(section.u32(at)) }
    private func i32(_ at: Int) -> Int32 { section.i32(at) }
    private func u64(_ at: Int) -> UInt64 { section.u64(at) }
    private func start(_ part: StayCalendarLayout.Part) -> Int { sections[part.rawValue] }

    private func string(at entry: Int) -> String {
        guard within(u32(entry), u32(entry + 4), stringsSize) else { return "" }
        return String(decoding: section.bytes(start(.strings) + u32(entry), count: u32(entry + 4)), as: UTF8.self)
    }

    private func roomEntry(_ r: Int) -> Int { start(.rooms) + r * StayCalendarLayout.roomEntrySize }

    // MARK: Rooms and clients

    func roomName(_ r: Int) -> String { string(at: start(.rooms) + r * StayCalendarLayout.roomEntrySize) }
    func clientName(_ c: Int) -> String { string(at: start(.clients) + c * StayCalendarLayout.clientEntrySize) }

    /// The index of a name in a table sorted by name bytes.
    private func find(_ name: String, count: Int, entrySize: Int, part: StayCalendarLayout.Part) -> Int? {
        let target = Array(name.utf8)
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            let entry = start(part) + mid * entrySize
            guard within(u32(entry), u32(entry + 4), stringsSize) else { return nil }
            let bytes = section.bytes(start(.strings) + u32(entry), count: u32(entry + 4))
            if bytes.elementsEqual(target) { return mid }
            if bytes.lexicographicallyPrecedes(target) { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    /// The index of a room, registered or only named by a booking.
    func roomIndex(_ name: String) -> Int? { find(name, count: roomCount, entrySize: StayCalendarLayout.roomEntrySize, part: .rooms) }

    /// Whether room `r` was added (rather than only named by a booking, in a store verify flags).
    func isRegistered(_ r: Int) -> Bool { u32(roomEntry(r) + 24) & 1 == 1 }

    /// Room `r`'s type if it was added, else nil.
    func roomType(_ r: Int) -> String? { isRegistered(r) ? string(at: roomEntry(r) + 28) : nil }

    /// The most nights any record of room `r` has: how far before a day its stays can start.
    func longestStay(room r: Int) -> Int { u32(roomEntry(r) + 36) }
    func clientIndex(_ name: String) -> Int? { find(name, count: clientCount, entrySize: StayCalendarLayout.clientEntrySize, part: .clients) }

    // MARK: Records

    func record(_ i: Int) -> SnapshotRecord {
        let at = start(.records) + i * SnapshotRecord.size
        return SnapshotRecord(
            key: BookingKey(low: u64(at), high: UInt32(u32(at + 8)), count: u8(at + 12)),
            status: SnapshotRecord.Status(rawValue: u8(at + 13)) ?? .cancelled,
            flags: u8(at + 14), earlierRooms: u8(at + 15), room: UInt32(u32(at + 16)),
            client: UInt32(u32(at + 20)), arrival: i32(at + 24), departure: i32(at + 28))
    }

    // MARK: Extras

    /// The extras of record `i` (a hold's expiry, a reason), if it has any: a binary search.
    func extras(_ i: Int) -> SnapshotRecord.Extras? {
        var low = 0, high = extrasCount
        while low < high {
            let mid = (low + high) / 2
            let found = u32(start(.extras) + mid * StayCalendarLayout.extrasEntrySize)
            if found == i { return extras(entry: mid).1 }
            if found < i { low = mid + 1 } else { high = mid }
        }
        return nil
    }

    private func extras(entry k: Int) -> (UInt32, SnapshotRecord.Extras) {
        let at = start(.extras) + k * StayCalendarLayout.extrasEntrySize
        let reason = u32(at + 8) == 0xFFFF_FFFF ? nil : string(at: at + 4)
        let key = u32(at + 16) == 0xFFFF_FFFF ? nil : string(at: at + 12)
        let expiry = Int64(bitPattern: u64(at + 24))
        let since = i32(at + 20), booked = i32(at + 32)
        return (UInt32(u32(at)), SnapshotRecord.Extras(
            expiresAt: expiry == .min ? nil : Int(expiry), reason: reason, idempotencyKey: key,
            roomSince: since == SnapshotRecord.noDay ? nil : since, bookedDeparture: booked == SnapshotRecord.noDay ? nil : booked))
    }

    /// Calls `body` with every record's extras, in record order.
    func forEachExtras(_ body: (UInt32, SnapshotRecord.Extras) -> Void) {
        for k in 0..<extrasCount {
            let (index, extra) = extras(entry: k)
            body(index, extra)
        }
    }

    /// Whether record `i` holds its nights at `now`: a hold only until its expiry.
    func holds(_ i: Int, _ record: SnapshotRecord, at now: Instant) -> Bool {
        guard record.status == .held else { return true }
        guard let expiry = extras(i)?.expiresAt else { return true }
        return now.secondsSince1970 < expiry
    }

    /// The record of a booking id.
    func recordIndex(_ key: BookingKey) -> Int? {
        let hash = key.mixed, tag = StayCalendarLayout.tag(ofHash: hash)
        let mask = hashSlots - 1, slots = start(.hash), tags = slots + hashSlots * 4
        var slot = Int(truncatingIfNeeded: hash) & mask
        for _ in 0..<hashSlots {
            let found = u16(tags + slot * 2)
            if found == 0 { return nil }
            if found == tag {
                let value = u32(slots + slot * 4)
                if value > 0, value <= recordCount, record(value - 1).key == key { return value - 1 }
            }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Checks the id index against the records' keys (`key(i)` is record `i`'s), reading the hash section
    /// once in order: every record must sit in exactly one slot, under its tag, with no empty slot between
    /// its home slot and it, so that ``recordIndex(_:)`` finds it. Returns what is wrong, or nil.
    func idIndexProblem(keys key: (Int) -> BookingKey) -> String? {
        let mask = hashSlots - 1, slots = start(.hash), tags = slots + hashSlots * 4
        // Start after an empty slot, so that every run of occupied slots is met from its first slot.
        guard let empty = (0..<hashSlots).first(where: { u16(tags + $0 * 2) == 0 }) else { return "it has no empty slot" }
        var seen = [Bool](repeating: false, count: recordCount)
        var runStart = 1
        for step in 1...hashSlots {
            if step % 65_536 == 0 { releasePages() }
            let slot = (empty + step) & mask
            let tag = u16(tags + slot * 2)
            if tag == 0 {
                runStart = step + 1
                continue
            }
            let value = u32(slots + slot * 4)
            guard value > 0, value <= recordCount else { return "slot \(slot) holds no booking" }
            guard !seen[value - 1] else { return "booking \(key(value - 1).id) is in two slots" }
            seen[value - 1] = true
            let hash = key(value - 1).mixed
            let home = Int(truncatingIfNeeded: hash) & mask
            guard tag == StayCalendarLayout.tag(ofHash: hash), (slot - home) & mask <= step - runStart else {
                return "booking \(key(value - 1).id) cannot be found through it"
            }
        }
        return seen.firstIndex(of: false).map { "booking \(key($0).id) cannot be found through it" }
    }

    /// The booking or block a record holds, or nil if its room or client index is out of range.
    func entry(_ i: Int) -> CalendarEntry? {
        let r = record(i)
        guard Int(r.room) < roomCount, Int(r.client) < clientCount || r.client == SnapshotRecord.noClient, r.arrival < r.departure,
              (try? Stay(arrival: Day(ordinal: Int(r.arrival)), departure: Day(ordinal: Int(r.departure)))) != nil
        else { return nil }
        return r.entry(room: roomName(Int(r.room)), client: { clientName(Int($0)) }, extras: extras(i))
    }

    // MARK: Lists

    /// A room's active bookings in arrival order.
    func activeEntries(room r: Int) -> [(arrival: Int32, departure: Int32, record: UInt32)] {
        let entry = roomEntry(r)
        return (0..<u32(entry + 12)).map { k in
            let at = start(.active) + (u32(entry + 8) + k) * StayCalendarLayout.activeEntrySize
            return (i32(at), i32(at + 4), UInt32(u32(at + 8)))
        }
    }

    /// Whether room `r` has an active booking overlapping `arrival..<departure` for which `counts` is true.
    ///
    /// - Complexity: O(log n) to find the first candidate, then one step per overlapping booking; no allocation.
    func hasActiveOverlap(room r: Int, arrival: Int32, departure: Int32, counts: (Int) -> Bool) -> Bool {
        var found = false
        forEachActiveOverlap(room: r, arrival: arrival, departure: departure) { record in
            found = counts(record)
            return !found
        }
        return found
    }

    /// Calls `body` with each active booking of room `r` overlapping `arrival..<departure`, in arrival
    /// order, while it returns true. Active bookings do not overlap, so departures are sorted like arrivals
    /// and a binary search finds the first.
    private func forEachActiveOverlap(room r: Int, arrival: Int32, departure: Int32, _ body: (Int) -> Bool) {
        let entry = roomEntry(r)
        let first = u32(entry + 8), count = u32(entry + 12)
        func at(_ k: Int) -> Int { start(.active) + (first + k) * StayCalendarLayout.activeEntrySize }
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if i32(at(mid) + 4) <= arrival { low = mid + 1 } else { high = mid }
        }
        while low < count, i32(at(low)) < departure {
            let record = u32(at(low) + 8)
            if record < recordCount, !body(record) { return }
            low += 1
        }
    }

    /// The checked-in records of room `r`, by departure, then id: each one's departure and record index
    /// (valid record indexes only).
    func checkedInEntries(room r: Int) -> [(departure: Int32, record: Int)] {
        let entry = roomEntry(r)
        let first = u32(entry + 40), count = u32(entry + 44)
        guard within(first, count, inHouseCount) else { return [] }
        return (0..<count).map { k in
            let at = start(.inHouse) + (first + k) * StayCalendarLayout.inHouseEntrySize
            return (i32(at), u32(at + 4))
        }.filter { $0.record < recordCount }
    }

    /// The number of bookings of room `r`, and the `k`th of them in list order (by arrival, then id).
    func roomListCount(_ r: Int) -> Int {
        let entry = roomEntry(r) + 16
        return within(u32(entry), u32(entry + 4), recordCount) ? u32(entry + 4) : 0
    }

    func roomListEntry(_ r: Int, _ k: Int) -> Int {
        let entry = roomEntry(r) + 16
        return u32(start(.roomLists) + (u32(entry) + k) * 4)
    }

    /// The range of `k` whose ``roomListEntry(_:_:)`` arrives on or after `from` and before `before`: a
    /// binary search, since the list is sorted by arrival.
    func roomListRange(_ r: Int, arrivingFrom from: Int32, before: Int32) -> Range<Int> {
        let count = roomListCount(r)
        func firstArriving(atOrAfter day: Int32) -> Int {
            var low = 0, high = count
            while low < high {
                let mid = (low + high) / 2
                let index = roomListEntry(r, mid)
                if index < recordCount, record(index).arrival < day { low = mid + 1 } else { high = mid }
            }
            return low
        }
        let lower = firstArriving(atOrAfter: from)
        return lower..<max(lower, firstArriving(atOrAfter: before))
    }

    /// Every booking of room `r` (active or not), in list order.
    func roomList(_ r: Int) -> [Int] {
        list(entry: roomEntry(r) + 16, part: .roomLists)
    }

    /// Every booking of client `c`, in list order.
    func clientList(_ c: Int) -> [Int] {
        list(entry: start(.clients) + c * StayCalendarLayout.clientEntrySize + 8, part: .clientLists)
    }

    private func list(entry: Int, part: StayCalendarLayout.Part) -> [Int] {
        let first = u32(entry), count = u32(entry + 4)
        guard within(first, count, recordCount) else { return [] }
        return (0..<count).map { u32(start(part) + (first + $0) * 4) }.filter { $0 < recordCount }
    }
}
