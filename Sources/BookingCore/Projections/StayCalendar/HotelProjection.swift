/// The hotel folded from events in log order: rooms (with their types) as interned names, bookings, holds
/// and blocks as 32-byte records found through an open-addressing id table, and each room's calendar of
/// the stays that hold its nights as record indexes sorted by arrival.
///
/// Events change it only through ``DomainEvent/apply(to:)``: it is a ``StayCalendarEditing``. It is the state of
/// decisions over a query's events, of a cold replay (then written as the snapshot), of `hotel verify`,
/// of the events after a snapshot, and of a batch's commands; a million events take a few tens of
/// megabytes. It can be thrown away and rebuilt from the log at any time.
public struct HotelProjection: HotelReadModel, StayCalendarEditing, Sendable {
    /// Room names by index, in the order first seen.
    private(set) var rooms: [String] = []
    /// Each room's type if it was added; nil for a room only named by a booking (in a store verify flags).
    private(set) var roomTypes: [String?] = []
    /// By the names' bytes (``TextKey``), as the snapshot finds them.
    private var roomIndex: [TextKey: UInt32] = [:]
    /// Client ids by index, in the order first seen.
    private(set) var clientNames: [String] = []
    private var clientIndex: [TextKey: UInt32] = [:]
    private(set) var records: [SnapshotRecord] = []
    /// Hold expiries, reasons and idempotency keys, by record: few records have them.
    private(set) var extras: [UInt32: SnapshotRecord.PackedExtras] = [:]
    /// The texts of the extras, by index: each distinct reason once (a few phrases recur across many
    /// cancellations), and each booking's idempotency key once however often the booking changes (keys
    /// are not looked up: each is its own booking's).
    private(set) var extraTexts: [String] = []
    private var extraTextIndex: [TextKey: UInt32] = [:]
    private(set) var ids = RecordTable()
    /// Each room's calendar: the records whose status holds nights (see ``CalendarEntry/occupiesCalendar``),
    /// sorted by arrival; they never overlap.
    private var calendars: [[UInt32]] = []
    /// Each room's last calendar departure (Int32.min if none): most bookings go at the end of a calendar,
    /// and this answers that without reading the last record.
    private var lastDepartures: [Int32] = []
    /// Each room's checked-in records, in the order they were checked in: a checked-in stay holds its room
    /// past its departure until it is checked out (see ``Booking/heldNights(today:)``).
    private var inHouse: [[UInt32]] = []
    private(set) var position = Position.origin
    /// The money's settings and rates (its own section of the snapshot, ``TariffSection``).
    public private(set) var tariff = Tariff()
    /// Every booking's money (its own section of the snapshot, ``FolioSection``).
    private(set) var folios = FolioBook()
    /// What the log says of the guests' profiles (its own section of the snapshot, ``GuestSection``).
    private(set) var guests = GuestRegister()
    /// Every room's housekeeping status (its own section of the snapshot, ``HousekeepingSection``).
    public private(set) var housekeeping = Housekeeping()
    /// Where the line of the last event folded ends in the log (for the snapshot header; 0 when the
    /// events were not read from a log).
    private(set) var offset = 0

    public init() {}

    /// Folds `events` in order into a new projection.
    public init(_ events: some Sequence<DomainEvent>) {
        for event in events { apply(event) }
    }

    /// Folds recorded events, taking the head from the last one; throws on an event it cannot decode.
    public init(recorded events: [SequencedEvent], head: Position) throws(EventDataError) {
        for event in events { apply(try DomainEvent(event)) }
        position = head
    }

    /// Starts empty, reserving room for a log of about `expectedBytes`.
    init(expectedBytes: Int) {
        // Room for more bookings than the log can hold (a line is at least about 200 bytes): a reserve is
        // not resident until used, while growing would hold two copies at once. The id table is resident
        // as soon as it is made, so it is sized for the usual log (lines of about 320 bytes, most of them a
        // booking's); a log of shorter lines grows it once.
        records.reserveCapacity(expectedBytes / 150)
        ids = RecordTable(capacity: expectedBytes / 400)
    }

    /// Starts from a snapshot's contents, with room for the bookings of `tailBytes` more of log.
    init(_ snapshot: Snapshot, tailBytes: Int) {
        for i in 0..<snapshot.roomCount {
            _ = room(snapshot.roomName(i))
            roomTypes[i] = snapshot.roomType(i)
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
            if record.status == .checkedIn { inHouse[Int(record.room)].append(UInt32(i)) }
            if i % 32_768 == 32_767 { snapshot.releasePages() }
        }
        snapshot.forEachExtras { index, extra in extras[index] = pack(extra) }
        for r in 0..<snapshot.roomCount {
            calendars[r] = snapshot.activeEntries(room: r).map(\.record)
            lastDepartures[r] = calendars[r].last.map { records[Int($0)].departure } ?? .min
        }
        snapshot.releasePages()
        position = snapshot.coveredPosition
        offset = snapshot.coveredOffset
    }

    private mutating func room(_ name: String) -> UInt32 {
        if let i = roomIndex[TextKey(name)] { return i }
        let i = UInt32(rooms.count)
        rooms.append(name)
        roomTypes.append(nil)
        roomIndex[TextKey(name)] = i
        calendars.append([])
        lastDepartures.append(.min)
        inHouse.append([])
        return i
    }

    private mutating func client(_ name: String) -> UInt32 {
        if let i = clientIndex[TextKey(name)] { return i }
        let i = UInt32(clientNames.count)
        clientNames.append(name)
        clientIndex[TextKey(name)] = i
        return i
    }

    // MARK: Lookups by index, for the verifier and the snapshot writer

    /// The index of a room, registered or only named by a booking.
    func index(ofRoom name: String) -> UInt32? { roomIndex[TextKey(name)] }

    /// The record of a booking id.
    func index(of key: BookingKey) -> UInt32? { ids.find(key, records: records) }

    /// The booking or block a record holds.
    func entry(at index: UInt32) -> CalendarEntry {
        let record = records[Int(index)]
        return record.entry(
            room: rooms[Int(record.room)], client: { clientNames[Int($0)] },
            extras: record.flags & SnapshotRecord.extrasFlag == 0 ? nil : extras(of: index))
    }

    /// A record's hold expiry and reason, if it has either.
    func extras(of index: UInt32) -> SnapshotRecord.Extras? {
        guard let packed = extras[index] else { return nil }
        return SnapshotRecord.Extras(
            expiresAt: packed.expiresAt == .min ? nil : Int(packed.expiresAt),
            reason: packed.reason == .max ? nil : extraTexts[Int(packed.reason)],
            idempotencyKey: packed.key == .max ? nil : extraTexts[Int(packed.key)],
            roomSince: packed.roomSince == SnapshotRecord.noDay ? nil : packed.roomSince,
            bookedDeparture: packed.bookedDeparture == SnapshotRecord.noDay ? nil : packed.bookedDeparture)
    }

    /// Packs a record's extras; `previous`, the record's extras before, lends its key's text when the key
    /// is the same (it is, unless a log names one id twice).
    private mutating func pack(_ extra: SnapshotRecord.Extras, previous: SnapshotRecord.PackedExtras? = nil) -> SnapshotRecord.PackedExtras {
        var key = UInt32.max
        if let text = extra.idempotencyKey {
            if let previous, previous.key != .max, TextKey.same(extraTexts[Int(previous.key)], text) {
                key = previous.key
            } else {
                key = UInt32(extraTexts.count)
                extraTexts.append(text)
            }
        }
        return SnapshotRecord.PackedExtras(
            expiresAt: extra.expiresAt.map(Int64.init) ?? .min, reason: intern(extra.reason), key: key,
            roomSince: extra.roomSince ?? SnapshotRecord.noDay, bookedDeparture: extra.bookedDeparture ?? SnapshotRecord.noDay)
    }

    /// The index of `text` in ``extraTexts`` (added if new), or `UInt32.max` for none.
    private mutating func intern(_ text: String?) -> UInt32 {
        guard let text else { return .max }
        if let known = extraTextIndex[TextKey(text)] { return known }
        let index = UInt32(extraTexts.count)
        extraTexts.append(text)
        extraTextIndex[TextKey(text)] = index
        return index
    }

    /// Each room's calendar (by record), for comparing with a snapshot.
    func activeRecords(ofRoom r: UInt32) -> [UInt32] { calendars[Int(r)] }

    /// The calendars, for the writer.
    var activeCalendars: [[UInt32]] { calendars }


    /// Whether room `r` was added.
    func isRegistered(_ r: Int) -> Bool { roomTypes[r] != nil }

    /// The number of records of each status code, for `verify`'s summary.
    func count(where predicate: (SnapshotRecord) -> Bool) -> Int { records.reduce(0) { $0 + (predicate($1) ? 1 : 0) } }

    /// Whether no booking has been folded in.
    var hasNoBookings: Bool { records.isEmpty }

    // MARK: HotelReadModel

    public var head: Position { position }

    public func roomType(_ room: RoomName) -> RoomType? {
        roomIndex[TextKey(room.rawValue)].flatMap { roomTypes[Int($0)] }.map(RoomType.init(unchecked:))
    }

    public func rooms(ofType type: RoomType?) -> [RoomName] {
        rooms.indices
            .filter { roomTypes[$0] != nil && (type == nil || TextKey.same(roomTypes[$0]!, type!.rawValue)) }
            .map { RoomName(unchecked: rooms[$0]) }.sorted()
    }

    public func entry(_ id: BookingID) -> CalendarEntry? {
        index(of: BookingKey(id)).map(entry(at:))
    }

    public func firstOnCalendar(room: RoomName, stay: Stay, at now: Instant, except: BookingID?) -> CalendarEntry? {
        guard let r = roomIndex[TextKey(room.rawValue)] else { return nil }
        let skip = except.map(BookingKey.init)
        return firstHolding(room: r, arrival: Int32(stay.arrival.ordinal), departure: Int32(stay.departure.ordinal), at: now, skip: skip)
            .map(entry(at:))
    }

    /// The record of room `r`'s calendar that holds a night of `arrival..<departure` at `now` with the
    /// earliest arrival, other than `skip`'s.
    func firstHolding(room r: UInt32, arrival: Int32, departure: Int32, at now: Instant, skip: BookingKey? = nil) -> UInt32? {
        let calendar = calendars[Int(r)]
        var i = firstEnding(after: arrival, in: calendar)
        while i < calendar.count, calendarArrival(calendar[i]) < departure {
            let index = calendar[i]
            if records[Int(index)].key != skip, holds(index, at: now) { return index }
            i += 1
        }
        return nil
    }

    /// The first night a record holds in its room's calendar: its arrival, or for a guest moved while
    /// checked in, the first night in the present room (``Booking/roomSince``).
    func calendarArrival(_ index: UInt32) -> Int32 {
        let record = records[Int(index)]
        guard record.flags & SnapshotRecord.extrasFlag != 0, let since = extras[index]?.roomSince, since != SnapshotRecord.noDay else { return record.arrival }
        return since
    }

    /// Whether a calendar record holds its nights at `now` (a hold only until it expires).
    private func holds(_ index: UInt32, at now: Instant) -> Bool {
        guard records[Int(index)].status == .held, records[Int(index)].flags & SnapshotRecord.extrasFlag != 0 else { return true }
        guard let expiry = extras[index]?.expiresAt, expiry != .min else { return true }
        return Int64(now.secondsSince1970) < expiry
    }

    public func forEachCheckedIn(room: RoomName, _ body: (Booking) -> Bool) {
        guard let r = roomIndex[TextKey(room.rawValue)] else { return }
        for index in checkedInByDeparture(room: r) {
            guard let booking = entry(at: index).booking, body(booking) else { return }
        }
    }

    /// Room `r`'s checked-in records by departure, then id (as the snapshot keeps them).
    func checkedInByDeparture(room r: UInt32) -> [UInt32] {
        inHouse[Int(r)].sorted { a, b in
            let x = records[Int(a)], y = records[Int(b)]
            return x.departure != y.departure ? x.departure < y.departure : x.key.precedes(y.key)
        }
    }

    public func bookings(matching filter: BookingFilter) -> [Booking] { listing(filter) }

    public func blocks(matching filter: BlockFilter) -> [Block] { listing(filter) }

    /// The bookings or blocks `selection` includes, in list order.
    func listing<Selection: RecordSelection>(_ selection: Selection) -> [Selection.Selected] {
        // Check the record's indexes and days before making an entry (with its strings) of it.
        var room: UInt32?, client: UInt32?
        if let name = selection.room {
            guard let r = roomIndex[TextKey(name.rawValue)] else { return [] }
            room = r
        }
        if let name = selection.client {
            guard let c = clientIndex[TextKey(name.rawValue)] else { return [] }
            client = c
        }
        return records.indices.lazy
            .filter { i in
                let r = records[i]
                return (room.map { r.room == $0 } ?? true) && (client.map { r.client == $0 } ?? true) && selection.mayInclude(r)
            }
            .compactMap { selection.selected(entry(at: UInt32($0))) }.sorted(by: Selection.Selected.listOrder)
    }

    // MARK: Folding (StayCalendarEditing)

    /// Moves the covered end without folding an event (for the verifier, which folds only valid events).
    mutating func noteEnd(position: Position, offset: Int) {
        self.position = position
        self.offset = offset
    }

    /// Folds one more event in.
    public mutating func apply(_ event: DomainEvent) {
        fold(event)
    }

    /// Folds one event recorded at `position`, whose line ends at byte `offset`.
    mutating func apply(_ event: DomainEvent, position: Position, offset: Int) {
        self.offset = offset
        apply(event, at: position)
    }

    /// Folds one event recorded at `position` (leaving ``offset`` as it was).
    mutating func apply(_ event: DomainEvent, at position: Position) {
        self.position = position
        fold(event)
    }

    /// The event's meaning for the stays, the tariff, the folios, the guests and the housekeeping.
    private mutating func fold(_ event: DomainEvent) {
        event.apply(to: &self)
        event.apply(to: &tariff)
        event.apply(to: &folios)
        event.apply(to: &guests)
        event.apply(to: &housekeeping)
    }

    /// Starts from a snapshot's tariff, folios, guests and housekeeping.
    mutating func seed(tariff: Tariff, folios: FolioSection.Reader?, guests: GuestRegister, housekeeping: Housekeeping) {
        self.tariff = tariff
        folios?.forEach { self.folios.put($0, $1) }
        self.guests = guests
        self.housekeeping = housekeeping
    }

    public func guest(_ client: ClientID) -> GuestEntry? { guests.entry(client) }

    public func forEachGuest(_ body: (ClientID, GuestEntry) -> Void) {
        for (client, entry) in guests.entries { body(client, entry) }
    }

    public func folio(_ id: BookingID) -> Folio? { folios.folio(id) }

    public func forEachFolioThatMayBeOwed(_ body: (BookingID, Folio) -> Void) { forEachFolio(body) }

    public func forEachFolio(_ body: (BookingID, Folio) -> Void) {
        for (key, folio) in folios.folios { body(key.id, folio) }
    }

    mutating func addRoom(_ name: RoomName, type: RoomType) {
        roomTypes[Int(room(name.rawValue))] = type.rawValue
    }

    mutating func put(_ entry: CalendarEntry) {
        let key = BookingKey(entry)
        put(entry, key: key, at: ids.find(key, records: records))
    }

    mutating func edit(_ id: BookingID, _ change: (CalendarEntry) -> CalendarEntry?) {
        editIfPresent(id, change)
    }

    /// ``edit(_:_:)`` in one look-up; false if there is no entry `id`.
    @discardableResult
    mutating func editIfPresent(_ id: BookingID, _ change: (CalendarEntry) -> CalendarEntry?) -> Bool {
        let key = BookingKey(id)
        guard let index = ids.find(key, records: records) else { return false }
        if let changed = change(entry(at: index)) { put(changed, key: key, at: index) }
        return true
    }

    /// ``put(_:)`` for an entry whose key and record (if it has one) are known.
    private mutating func put(_ entry: CalendarEntry, key: BookingKey, at existing: UInt32?) {
        let previous = existing.map { records[Int($0)] }
        // A change of status keeps the room and client: reuse their indexes rather than look the names up.
        let roomIndex = previous.flatMap { TextKey.same(rooms[Int($0.room)], entry.room.rawValue) ? $0.room : nil } ?? room(entry.room.rawValue)
        let clientIndex: UInt32
        if let client = entry.booking?.client {
            clientIndex = previous.flatMap { $0.client != SnapshotRecord.noClient && TextKey.same(clientNames[Int($0.client)], client.rawValue) ? $0.client : nil }
                ?? self.client(client.rawValue)
        } else {
            clientIndex = SnapshotRecord.noClient
        }
        let extra = SnapshotRecord.Extras(entry)
        var record = SnapshotRecord(
            key: key, status: SnapshotRecord.status(of: entry), flags: SnapshotRecord.flags(of: entry),
            room: roomIndex, client: clientIndex, arrival: Int32(entry.stay.arrival.ordinal), departure: Int32(entry.stay.departure.ordinal))
        if extra != nil { record.flags |= SnapshotRecord.extrasFlag }
        record.earlierRooms = entry.booking?.earlierRooms ?? 0
        let index: UInt32
        if let existing {
            index = existing
            removeFromCalendar(index)
            if let previous, previous.status == .checkedIn { inHouse[Int(previous.room)].removeAll { $0 == index } }
            records[Int(index)] = record
        } else {
            index = UInt32(records.count)
            records.append(record)
            ids.insert(key, index, records: records)
        }
        // Most records have no extras: leave the table alone unless this one has or had some.
        if let extra {
            extras[index] = pack(extra, previous: existing == nil ? nil : extras[index])
        } else if previous.map({ $0.flags & SnapshotRecord.extrasFlag != 0 }) ?? false {
            extras[index] = nil
        }
        if entry.occupiesCalendar { insertIntoCalendar(index) }
        if record.status == .checkedIn { inHouse[Int(record.room)].append(index) }
    }

    // MARK: Calendars

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

    /// Enters a record into its room's calendar. Holds it overlaps leave the calendar: in a sound log they
    /// had expired, or the new stay could not have been decided. A stay that overlaps any other entry (only
    /// in a store verify flags) is not entered.
    private mutating func insertIntoCalendar(_ index: UInt32) {
        let record = records[Int(index)]
        let r = Int(record.room), arrival = calendarArrival(index)
        if lastDepartures[r] <= arrival {
            calendars[r].append(index)
            lastDepartures[r] = record.departure
            return
        }
        let i = firstEnding(after: arrival, in: calendars[r])
        var end = i
        while end < calendars[r].count, calendarArrival(calendars[r][end]) < record.departure {
            if records[Int(calendars[r][end])].status != .held { return }
            end += 1
        }
        calendars[r].replaceSubrange(i..<end, with: [index])
        lastDepartures[r] = calendars[r].last.map { records[Int($0)].departure } ?? .min
    }

    private mutating func removeFromCalendar(_ index: UInt32) {
        let record = records[Int(index)]
        let r = Int(record.room), arrival = calendarArrival(index)
        var i = firstEnding(after: arrival, in: calendars[r])
        while i < calendars[r].count, calendarArrival(calendars[r][i]) <= arrival {
            if calendars[r][i] == index {
                calendars[r].remove(at: i)
                if i == calendars[r].count { lastDepartures[r] = calendars[r].last.map { records[Int($0)].departure } ?? .min }
                return
            }
            i += 1
        }
    }
}
