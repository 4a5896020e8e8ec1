/// Folds events into compact arrays (no per-booking strings), then writes them as a snapshot file.
///
/// This is the same fold as ``HotelProjection``, laid out for a million events in a few tens of megabytes.
struct SnapshotBuilder {
    private(set) var roomNames: [String] = []
    /// Whether each room was added (a booking can name a room that was not, in a store verify flags).
    private(set) var registered: [Bool] = []
    private var roomIndex: [String: UInt32] = [:]
    private(set) var clientNames: [String] = []
    private var clientIndex: [String: UInt32] = [:]
    private(set) var records: [SnapshotRecord] = []
    private(set) var ids = RecordTable()
    /// Each room's active bookings, as record indexes sorted by arrival.
    private var calendars: [[UInt32]] = []
    /// Each room's last active departure (Int32.min if none): most bookings go at the end of a calendar,
    /// and this answers that without reading the last record.
    private var lastDepartures: [Int32] = []
    private(set) var position = Position.origin
    private(set) var offset = 0

    init() {}

    /// Starts empty, reserving room for a log of about `expectedBytes`.
    init(expectedBytes: Int) {
        records.reserveCapacity(expectedBytes / 260)
        ids = RecordTable(capacity: expectedBytes / 260)
    }

    /// Starts from a snapshot's contents.
    init(_ snapshot: Snapshot) {
        for i in 0..<snapshot.roomCount {
            _ = room(snapshot.roomName(i))
            registered[i] = snapshot.isRegistered(i)
        }
        for i in 0..<snapshot.clientCount { _ = client(snapshot.clientName(i)) }
        records.reserveCapacity(snapshot.recordCount + 1024)
        ids = RecordTable(capacity: snapshot.recordCount + 1024)
        for i in 0..<snapshot.recordCount {
            let record = snapshot.record(i)
            records.append(record)
            ids.insert(record.key, UInt32(i), records: records)
        }
        for r in 0..<snapshot.roomCount {
            calendars[r] = snapshot.activeEntries(room: r).map(\.record)
            lastDepartures[r] = calendars[r].last.map { records[Int($0)].departure } ?? .min
        }
        position = snapshot.coveredPosition
        offset = snapshot.coveredOffset
    }

    private mutating func room(_ name: String) -> UInt32 {
        if let i = roomIndex[name] { return i }
        let i = UInt32(roomNames.count)
        roomNames.append(name)
        registered.append(false)
        roomIndex[name] = i
        calendars.append([])
        lastDepartures.append(.min)
        return i
    }

    // MARK: Lookups, for the verifier

    /// The index of a room, registered or only named by a booking.
    func index(ofRoom name: String) -> UInt32? { roomIndex[name] }

    /// The record of a booking id.
    func index(of key: BookingKey) -> UInt32? { ids.find(key, records: records) }

    /// The active booking of room `r` with the earliest arrival that overlaps `arrival..<departure`.
    func firstActiveOverlap(room r: UInt32, arrival: Int32, departure: Int32) -> UInt32? {
        let calendar = calendars[Int(r)]
        let i = firstEnding(after: arrival, in: calendar)
        guard i < calendar.count, records[Int(calendar[i])].arrival < departure else { return nil }
        return calendar[i]
    }

    /// The names and ids behind a record.
    func booking(_ index: UInt32) -> (id: BookingID, room: String, client: String, stay: Stay) {
        let r = records[Int(index)]
        return (r.key.id, roomNames[Int(r.room)], clientNames[Int(r.client)], r.stay)
    }

    /// Whether a record's booking is cancelled.
    func isCancelled(_ index: UInt32) -> Bool { records[Int(index)].cancelled }

    /// Each room's active bookings (by record), for comparing with a snapshot.
    func activeRecords(ofRoom r: UInt32) -> [UInt32] { calendars[Int(r)] }

    /// The number of cancelled bookings.
    var cancelledCount: Int { records.reduce(0) { $0 + ($1.cancelled ? 1 : 0) } }


    private mutating func client(_ name: String) -> UInt32 {
        if let i = clientIndex[name] { return i }
        let i = UInt32(clientNames.count)
        clientNames.append(name)
        clientIndex[name] = i
        return i
    }

    /// Moves the covered end without folding an event (for the verifier, which folds only valid events).
    mutating func noteEnd(position: Position, offset: Int) {
        self.position = position
        self.offset = offset
    }

    /// Folds one event recorded at `position`, whose line ends at byte `offset`.
    mutating func apply(_ event: DomainEvent, position: Position, offset: Int) {
        self.position = position
        self.offset = offset
        switch event {
        case .roomAdded(let e):
            registered[Int(room(e.room.rawValue))] = true
        case .roomBooked(let e):
            let key = BookingKey(e.booking)
            let r = room(e.room.rawValue)
            let record = SnapshotRecord(
                key: key, cancelled: false, room: r, client: client(e.client.rawValue),
                arrival: Int32(e.stay.arrival.ordinal), departure: Int32(e.stay.departure.ordinal))
            let index: UInt32
            if let existing = ids.find(key, records: records) {
                // A reused id (only in a store verify flags): the later booking replaces it, as in HotelProjection.
                index = existing
                removeFromCalendar(index)
                records[Int(index)] = record
            } else {
                index = UInt32(records.count)
                records.append(record)
                ids.insert(key, index, records: records)
            }
            insertIntoCalendar(index)
        case .bookingCancelled(let e):
            guard let index = ids.find(BookingKey(e.booking), records: records), !records[Int(index)].cancelled else { return }
            records[Int(index)].cancelled = true
            removeFromCalendar(index)
        }
    }

    /// The index in the room's calendar of the first entry departing after `day`.
    private func firstEnding(after day: Int32, in calendar: [UInt32]) -> Int {
        // Appends at the end are the common case: check the last entry first.
        if let last = calendar.last, records[Int(last)].departure <= day { return calendar.count }
        var low = 0, high = calendar.count
        while low < high {
            let mid = (low + high) / 2
            if records[Int(calendar[mid])].departure <= day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    private mutating func insertIntoCalendar(_ index: UInt32) {
        let record = records[Int(index)]
        let r = Int(record.room)
        if lastDepartures[r] <= record.arrival {
            calendars[r].append(index)
            lastDepartures[r] = record.departure
            return
        }
        let i = firstEnding(after: record.arrival, in: calendars[r])
        // Like HotelProjection: a booking that overlaps an active one (only in an unsound store) is not a calendar entry.
        if i < calendars[r].count, records[Int(calendars[r][i])].arrival < record.departure { return }
        calendars[r].insert(index, at: i)
    }

    private mutating func removeFromCalendar(_ index: UInt32) {
        let record = records[Int(index)]
        let r = Int(record.room)
        var i = firstEnding(after: record.arrival, in: calendars[r])
        while i < calendars[r].count, records[Int(calendars[r][i])].arrival <= record.arrival {
            if calendars[r][i] == index {
                calendars[r].remove(at: i)
                if i == calendars[r].count { lastDepartures[r] = calendars[r].last.map { records[Int($0)].departure } ?? .min }
                return
            }
            i += 1
        }
    }

    /// The calendars, for the writer.
    var activeCalendars: [[UInt32]] { calendars }
}

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
