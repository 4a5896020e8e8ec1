/// The hotel folded into compact arrays: rooms and clients as interned names, bookings as 32-byte records
/// found through an open-addressing id table, each room's active bookings as record indexes.
///
/// It folds exactly as ``HotelProjection`` does and answers the same questions, in a few tens of megabytes
/// for a million events: it is the state of a cold replay (then written as the snapshot), of `hotel verify`,
/// of the events after a snapshot, and of a batch's commands.
struct CompactProjection: HotelReadModel {
    /// Room names by index, in the order first seen.
    private(set) var rooms: [String] = []
    /// Whether each room was added (a booking can name a room that was not, in a store verify flags).
    private(set) var registered: [Bool] = []
    private var roomIndex: [String: UInt32] = [:]
    /// Client ids by index, in the order first seen.
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
    /// Where the line of the last event folded ends in the log (for the snapshot header; 0 when the
    /// events were not read from a log).
    private(set) var offset = 0

    init() {}

    /// Starts empty, reserving room for a log of about `expectedBytes`.
    init(expectedBytes: Int) {
        // Room for more bookings than the log can hold (a line is at least about 200 bytes): a reserve is
        // not resident until used, while growing would hold two copies at once.
        records.reserveCapacity(expectedBytes / 150)
        ids = RecordTable(capacity: expectedBytes / 260)
    }

    /// Starts from a snapshot's contents, with room for the bookings of `tailBytes` more of log.
    init(_ snapshot: Snapshot, tailBytes: Int) {
        for i in 0..<snapshot.roomCount {
            _ = room(snapshot.roomName(i))
            registered[i] = snapshot.isRegistered(i)
        }
        for i in 0..<snapshot.clientCount { _ = client(snapshot.clientName(i)) }
        records.reserveCapacity(snapshot.recordCount + tailBytes / 150 + 1024)
        ids = RecordTable(capacity: snapshot.recordCount + tailBytes / 200 + 1024)
        // Read once, in order: its pages are let go as the copy proceeds, so that the copy and the whole
        // mapped snapshot are never both resident.
        for i in 0..<snapshot.recordCount {
            let record = snapshot.record(i)
            records.append(record)
            ids.insert(record.key, UInt32(i), records: records)
            if i % 32_768 == 32_767 { snapshot.releasePages() }
        }
        for r in 0..<snapshot.roomCount {
            calendars[r] = snapshot.activeEntries(room: r).map(\.record)
            lastDepartures[r] = calendars[r].last.map { records[Int($0)].departure } ?? .min
        }
        snapshot.releasePages()
        position = snapshot.coveredPosition
        offset = snapshot.coveredOffset
    }

    private mutating func room(_ name: String) -> UInt32 {
        if let i = roomIndex[name] { return i }
        let i = UInt32(rooms.count)
        rooms.append(name)
        registered.append(false)
        roomIndex[name] = i
        calendars.append([])
        lastDepartures.append(.min)
        return i
    }

    // MARK: Lookups by index, for the verifier and the snapshot writer

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

    /// The booking a record holds.
    func booking(at index: UInt32) -> Booking {
        let r = records[Int(index)]
        return Booking(
            id: r.key.id, client: ClientID(unchecked: clientNames[Int(r.client)]), room: RoomName(unchecked: rooms[Int(r.room)]),
            stay: r.stay, status: r.cancelled ? .cancelled : .active)
    }

    /// Whether a record's booking is cancelled.
    func isCancelled(_ index: UInt32) -> Bool { records[Int(index)].cancelled }

    /// Each room's active bookings (by record), for comparing with a snapshot.
    func activeRecords(ofRoom r: UInt32) -> [UInt32] { calendars[Int(r)] }

    /// The number of cancelled bookings.
    var cancelledCount: Int { records.reduce(0) { $0 + ($1.cancelled ? 1 : 0) } }

    // MARK: HotelReadModel

    var head: Position { position }

    func hasRoom(_ room: RoomName) -> Bool {
        roomIndex[room.rawValue].map { registered[Int($0)] } ?? false
    }

    func roomNames() -> [RoomName] {
        rooms.indices.filter { registered[$0] }.map { RoomName(unchecked: rooms[$0]) }.sorted()
    }

    func booking(_ id: BookingID) -> Booking? {
        index(of: BookingKey(id)).map(booking(at:))
    }

    func firstActiveOverlap(room: RoomName, stay: Stay) -> Booking? {
        guard let r = roomIndex[room.rawValue] else { return nil }
        return firstActiveOverlap(room: r, arrival: Int32(stay.arrival.ordinal), departure: Int32(stay.departure.ordinal)).map(booking(at:))
    }

    func freeRooms(for stay: Stay) -> [RoomName] {
        let arrival = Int32(stay.arrival.ordinal), departure = Int32(stay.departure.ordinal)
        return rooms.indices
            .filter { registered[$0] && firstActiveOverlap(room: UInt32($0), arrival: arrival, departure: departure) == nil }
            .map { RoomName(unchecked: rooms[$0]) }.sorted()
    }

    func bookings(matching filter: BookingFilter) -> [Booking] {
        // Check the record's indexes and days before making a Booking (with its strings) of it.
        var room: UInt32?, client: UInt32?
        if let name = filter.room {
            guard let r = roomIndex[name.rawValue] else { return [] }
            room = r
        }
        if let name = filter.client {
            guard let c = clientIndex[name.rawValue] else { return [] }
            client = c
        }
        let from = filter.from.map { Int32($0.ordinal) }, to = filter.to.map { Int32($0.ordinal) }
        return records.indices.lazy
            .filter { i in
                let r = records[i]
                return (room.map { r.room == $0 } ?? true) && (client.map { r.client == $0 } ?? true)
                    && (from.map { r.departure > $0 } ?? true) && (to.map { r.arrival < $0 } ?? true)
            }
            .map { booking(at: UInt32($0)) }.filter(filter.includes).sorted(by: Booking.listOrder)
    }

    /// Whether no booking has been folded in.
    var hasNoBookings: Bool { records.isEmpty }

    // MARK: Folding

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
        self.offset = offset
        apply(event, at: position)
    }

    /// Folds one event recorded at `position` (leaving ``offset`` as it was).
    mutating func apply(_ event: DomainEvent, at position: Position) {
        self.position = position
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
