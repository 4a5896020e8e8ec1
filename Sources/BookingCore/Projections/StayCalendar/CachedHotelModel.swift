/// The hotel as a memory-mapped snapshot of a log prefix plus the events after it (the tail), folded in
/// memory.
///
/// It answers exactly as a ``HotelProjection`` of the whole log would. The tail folds through
/// ``DomainEvent/apply(to:)`` like any read model: a tail event about a booking in the snapshot reads the
/// booking from the snapshot and puts its new state in the tail, which from then on shadows the snapshot's
/// record. No event type needs code here.
struct CachedHotelModel: HotelReadModel, StayCalendarEditing {
    let snapshot: Snapshot?
    /// The tail's rooms, and the tail's bookings (new ones, and snapshot ones the tail changed).
    private(set) var tail: HotelProjection
    private(set) var head: Position
    /// The snapshot's tariff with the tail folded in.
    private(set) var tariff: Tariff
    /// The snapshot's folios, and the tail's (new ones, and snapshot ones the tail changed, which shadow them).
    let folioSection: FolioSection.Reader?
    private(set) var tailFolios = FolioBook()
    /// The snapshot's guests (read when asked), and the tail's, which shadow them.
    let guestSection: GuestSection.Reader?
    private(set) var tailGuests = GuestRegister()
    /// The snapshot's housekeeping with the tail folded in.
    private(set) var housekeeping: Housekeeping

    init(snapshot: Snapshot?, tariff: Tariff = Tariff(), folios: FolioSection.Reader? = nil, guests: GuestSection.Reader? = nil, housekeeping: Housekeeping = Housekeeping()) {
        self.snapshot = snapshot
        self.tariff = tariff
        self.housekeeping = housekeeping
        folioSection = folios
        guestSection = guests
        tail = HotelProjection()
        head = snapshot?.coveredPosition ?? .origin
    }

    /// A model of a whole log folded without a snapshot.
    init(folded: HotelProjection) {
        snapshot = nil
        tail = folded
        tariff = folded.tariff
        folioSection = nil
        tailFolios = folded.folios
        guestSection = nil
        tailGuests = folded.guests
        housekeeping = folded.housekeeping
        head = folded.position
    }

    func folio(_ id: BookingID) -> Folio? {
        if let folio = tailFolios.folio(id) { return folio }
        return folioSection?.folio(id)
    }

    func forEachFolio(_ body: (BookingID, Folio) -> Void) {
        folioSection?.forEach { key, folio in if tailFolios.folio(key.id) == nil { body(key.id, folio) } }
        for (key, folio) in tailFolios.folios { body(key.id, folio) }
    }

    /// The snapshot's index of folios that may be owed was drawn with the snapshot's stays: the folios of
    /// stays the tail changed (a check-out of a stay with a price changes no folio) are taken whatever it said.
    func forEachFolioThatMayBeOwed(_ body: (BookingID, Folio) -> Void) {
        folioSection?.forEachMayBeOwed { key, folio in
            if tailFolios.folio(key.id) == nil, tail.index(of: key) == nil { body(key.id, folio) }
        }
        for (key, folio) in tailFolios.folios { body(key.id, folio) }
        tail.forEachBooking(matching: BookingFilter()) { booking in
            if tailFolios.folio(booking.id) == nil, let folio = folioSection?.folio(booking.id) { body(booking.id, folio) }
        }
    }

    func guest(_ client: ClientID) -> GuestEntry? {
        if let entry = tailGuests.entry(client) { return entry }
        return guestSection?.entry(client)
    }

    func forEachGuest(_ body: (ClientID, GuestEntry) -> Void) {
        guestSection?.register()?.entries.forEach { client, entry in if tailGuests.entry(client) == nil { body(client, entry) } }
        for (client, entry) in tailGuests.entries { body(client, entry) }
    }

    var isIntact: Bool { !(snapshot?.file.isDamaged ?? false) }

    func checkWhole() -> Bool { snapshot?.file.checkAll() ?? true }

    /// Folds one event of the tail.
    mutating func apply(_ event: DomainEvent, at position: Position) {
        head = position
        event.apply(to: &self)
        event.apply(to: &tariff)
        var folios = FolioOverlay(section: folioSection, tail: tailFolios)
        tailFolios = FolioBook()
        event.apply(to: &folios)
        tailFolios = folios.tail
        event.apply(to: &tailGuests)
        event.apply(to: &housekeeping)
    }

    // MARK: StayCalendarEditing

    mutating func addRoom(_ room: RoomName, type: RoomType) { tail.addRoom(room, type: type) }

    mutating func put(_ entry: CalendarEntry) { tail.put(entry) }

    mutating func edit(_ id: BookingID, _ change: (CalendarEntry) -> CalendarEntry?) {
        // One look-up when the tail already has it.
        if !tail.hasNoBookings, tail.editIfPresent(id, change) { return }
        guard let entry = entry(id), let changed = change(entry) else { return }
        tail.put(changed)
    }

    // MARK: Snapshot records

    /// Whether the tail has its own state of this id, which then replaces the snapshot's record.
    private func isShadowed(_ key: BookingKey) -> Bool {
        !tail.hasNoBookings && tail.index(of: key) != nil
    }

    /// The entry of snapshot record `index`, unless the tail shadows it (or the record is damaged).
    private func snapshotEntry(at index: Int) -> CalendarEntry? {
        guard let snapshot, !isShadowed(snapshot.record(index).key) else { return nil }
        return snapshot.entry(index)
    }

    /// Whether snapshot record `index` holds its nights at `now` (and is not shadowed or skipped).
    private func snapshotHolds(_ index: Int, at now: Instant, skip: BookingKey?) -> Bool {
        guard let snapshot else { return false }
        let record = snapshot.record(index)
        return record.key != skip && !isShadowed(record.key) && snapshot.holds(index, record, at: now)
    }

    // MARK: HotelReadModel

    func roomType(_ room: RoomName) -> RoomType? {
        if let type = tail.roomType(room) { return type }
        guard let snapshot, let r = snapshot.roomIndex(room.rawValue) else { return nil }
        return snapshot.roomType(r).map(RoomType.init(unchecked:))
    }

    func rooms(ofType type: RoomType?) -> [RoomName] {
        var names = Set(tail.rooms(ofType: type))
        if let snapshot {
            for r in 0..<snapshot.roomCount {
                guard let found = snapshot.roomType(r), type == nil || TextKey.same(found, type!.rawValue) else { continue }
                let name = RoomName(unchecked: snapshot.roomName(r))
                // A room added again in the tail (only in a store verify flags) has the tail's type.
                if tail.roomType(name) == nil { names.insert(name) }
            }
        }
        return names.sorted()
    }

    func entry(_ id: BookingID) -> CalendarEntry? {
        if let found = tail.entry(id) { return found }
        guard let snapshot, let index = snapshot.recordIndex(BookingKey(id)) else { return nil }
        return snapshot.entry(index)
    }

    func firstOnCalendar(room: RoomName, stay: Stay, at now: Instant, except: BookingID?) -> CalendarEntry? {
        var candidates: [CalendarEntry] = []
        if let found = tail.firstOnCalendar(room: room, stay: stay, at: now, except: except) { candidates.append(found) }
        if let snapshot, let r = snapshot.roomIndex(room.rawValue) {
            let skip = except.map(BookingKey.init)
            // The first that holds, found without reading the others (a long window overlaps many).
            var first: Int?
            _ = snapshot.hasActiveOverlap(room: r, arrival: Int32(stay.arrival.ordinal), departure: Int32(stay.departure.ordinal)) { index in
                guard snapshotHolds(index, at: now, skip: skip) else { return false }
                first = index
                return true
            }
            if let first, let entry = snapshot.entry(first) { candidates.append(entry) }
        }
        return candidates.min { ($0.stay.arrival, $0.id) < ($1.stay.arrival, $1.id) }
    }

    func freeOnCalendar(for stay: Stay, at now: Instant, ofType type: RoomType?) -> [RoomName] {
        guard let snapshot else { return tail.freeOnCalendar(for: stay, at: now, ofType: type) }
        let arrival = Int32(stay.arrival.ordinal), departure = Int32(stay.departure.ordinal)
        var free: [RoomName] = []
        for r in 0..<snapshot.roomCount {
            let name = RoomName(unchecked: snapshot.roomName(r))
            let tailType = tail.roomType(name)
            guard tailType != nil || snapshot.isRegistered(r) else { continue }
            // The type's name is read only when asked for.
            if let type, !TextKey.same(tailType?.rawValue ?? snapshot.roomType(r), type.rawValue) { continue }
            guard !snapshot.hasActiveOverlap(room: r, arrival: arrival, departure: departure, counts: { snapshotHolds($0, at: now, skip: nil) }),
                  tail.firstOnCalendar(room: name, stay: stay, at: now, except: nil) == nil
            else { continue }
            free.append(name)
        }
        for room in tail.freeOnCalendar(for: stay, at: now, ofType: type) where snapshot.roomIndex(room.rawValue) == nil { free.append(room) }
        return free.sorted()
    }

    /// The tail's checked-in stays merged with the snapshot's (unless the tail shadows them), by departure,
    /// then id, as ``HotelProjection`` orders them: the snapshot's are read one at a time, so a caller that
    /// stops early reads few.
    func forEachCheckedIn(room: RoomName, _ body: (Booking) -> Bool) {
        var fromTail = tail.checkedIn(room: room)[...]
        func order(_ a: Booking, _ b: Booking) -> Bool {
            a.stay.departure != b.stay.departure ? a.stay.departure < b.stay.departure : BookingKey(a.id).precedes(BookingKey(b.id))
        }
        if let snapshot, let r = snapshot.roomIndex(room.rawValue) {
            for (_, index) in snapshot.checkedInEntries(room: r) {
                guard let booking = snapshotEntry(at: index)?.booking, booking.status == .checkedIn else { continue }
                while let next = fromTail.first, order(next, booking) {
                    guard body(next) else { return }
                    fromTail.removeFirst()
                }
                guard body(booking) else { return }
            }
        }
        for booking in fromTail { guard body(booking) else { return } }
    }

    /// The snapshot's records `filter` may include: a client's or a room's list, or for a filter bounded
    /// by days, each room's list from the first arrival that can reach the days (a binary search: lists are
    /// by arrival, and no stay of a room is longer than its longest), else every record.
    private func snapshotCandidates(_ snapshot: Snapshot, _ filter: some RecordSelection) -> [Int] {
        if let client = filter.client { return snapshot.clientIndex(client.rawValue).map { snapshot.clientList($0) } ?? [] }
        let rooms: [Int]
        if let room = filter.room {
            guard let r = snapshot.roomIndex(room.rawValue) else { return [] }
            rooms = [r]
        } else {
            rooms = Array(0..<snapshot.roomCount)
        }
        let (after, before) = filter.dayBounds
        if filter.room == nil, after == nil, before == nil { return Array(0..<snapshot.recordCount) }
        var found: [Int] = []
        for r in rooms {
            let earliest = after.map { $0 - Int32(clamping: snapshot.longestStay(room: r)) } ?? .min
            for k in snapshot.roomListRange(r, arrivingFrom: earliest, before: before ?? .max) { found.append(snapshot.roomListEntry(r, k)) }
        }
        return found
    }

    func bookings(matching filter: BookingFilter) -> [Booking] { listing(filter) }

    func blocks(matching filter: BlockFilter) -> [Block] { listing(filter) }

    /// The bookings or blocks `selection` includes, from the tail and the snapshot, in list order.
    private func listing<Selection: RecordSelection>(_ selection: Selection) -> [Selection.Selected] {
        var found = tail.listing(selection)
        if let snapshot {
            found += snapshotCandidates(snapshot, selection).lazy
                .filter { $0 < snapshot.recordCount && selection.mayInclude(snapshot.record($0)) }
                .compactMap { snapshotEntry(at: $0).flatMap(selection.selected) }
        }
        return found.sorted(by: Selection.Selected.listOrder)
    }

    /// Without a client or room filter, merges the snapshot's per-room lists (each by arrival, then id) by
    /// arrival, then room, then id, with the tail's bookings: in list order, one booking at a time.
    func forEachBooking(matching filter: BookingFilter, _ body: (Booking) -> Void) {
        guard let snapshot, filter.client == nil, filter.room == nil else {
            bookings(matching: filter).forEach(body)
            return
        }
        let (after, before) = filter.dayBounds
        // One cursor per room, from the first booking that can reach the filter's days (a binary search:
        // no stay of a room is longer than its longest); rooms are numbered in name order, so
        // (arrival, room, id) is list order.
        var cursors = (0..<snapshot.roomCount).map { r in
            after.map { snapshot.roomListRange(r, arrivingFrom: $0 - Int32(clamping: snapshot.longestStay(room: r)), before: .max).lowerBound } ?? 0
        }
        var heap = MergeHeap()
        func push(_ r: Int) {
            guard cursors[r] < snapshot.roomListCount(r) else { return }
            let index = snapshot.roomListEntry(r, cursors[r])
            guard index < snapshot.recordCount else { return }
            let record = snapshot.record(index)
            if let before, record.arrival >= before { return }  // the rest of this room arrives later still
            heap.push(.init(arrival: record.arrival, room: r, key: record.key, index: index))
        }
        for r in 0..<snapshot.roomCount { push(r) }
        var tailBookings = tail.bookings(matching: filter)[...]
        while let next = heap.pop() {
            cursors[next.room] += 1
            push(next.room)
            guard filter.mayInclude(snapshot.record(next.index)), let booking = snapshotEntry(at: next.index).flatMap(filter.selected) else { continue }
            while let first = tailBookings.first, Booking.listOrder(first, booking) {
                body(first)
                tailBookings.removeFirst()
            }
            body(booking)
        }
        tailBookings.forEach(body)
    }
}

/// A binary min-heap of the next booking of each room, by arrival, then room, then id.
private struct MergeHeap {
    struct Item {
        var arrival: Int32
        var room: Int
        var key: BookingKey
        var index: Int

        func precedes(_ other: Item) -> Bool {
            if arrival != other.arrival { return arrival < other.arrival }
            if room != other.room { return room < other.room }
            return key.precedes(other.key)
        }
    }

    private var items: [Item] = []

    mutating func push(_ item: Item) {
        items.append(item)
        var i = items.count - 1
        while i > 0, items[i].precedes(items[(i - 1) / 2]) {
            items.swapAt(i, (i - 1) / 2)
            i = (i - 1) / 2
        }
    }

    mutating func pop() -> Item? {
        guard let first = items.first else { return nil }
        items[0] = items[items.count - 1]
        items.removeLast()
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count, items[l].precedes(items[m]) { m = l }
            if r < items.count, items[r].precedes(items[m]) { m = r }
            if m == i { return first }
            items.swapAt(i, m)
            i = m
        }
    }
}

/// The cached model's folios as the folios' meaning edits them: a folio of the snapshot that an event
/// changes is read from the section and its new state put in the tail.
private struct FolioOverlay: FolioEditing {
    let section: FolioSection.Reader?
    var tail: FolioBook

    mutating func editFolio(_ id: BookingID, _ change: (inout Folio?) -> Void) {
        var folio = tail.folio(id) ?? section?.folio(id)
        change(&folio)
        if let folio { tail.put(BookingKey(id), folio) }
    }
}
