/// The hotel as a memory-mapped snapshot of a log prefix plus the events after it, folded in memory.
///
/// It answers exactly as a ``HotelProjection`` of the whole log would: new rooms and bookings come from the
/// tail, and a cancellation in the tail of a booking in the snapshot overrides its status.
struct CachedHotelModel: HotelReadModel {
    let snapshot: Snapshot?
    /// The tail's new rooms and bookings.
    private(set) var tail: CompactProjection
    /// Snapshot bookings cancelled in the tail.
    private(set) var cancelledInTail: Set<BookingID> = []
    private(set) var head: Position

    init(snapshot: Snapshot?) {
        self.snapshot = snapshot
        tail = CompactProjection()
        head = snapshot?.coveredPosition ?? .origin
    }

    /// A model of a whole log folded without a snapshot.
    init(folded: CompactProjection) {
        snapshot = nil
        tail = folded
        head = folded.position
    }

    /// Folds one event of the tail.
    mutating func apply(_ event: DomainEvent, at position: Position) {
        head = position
        if case .bookingCancelled(let e) = event, tail.booking(e.booking) == nil {
            if let booking = snapshotBooking(e.booking), booking.status == .active { cancelledInTail.insert(e.booking) }
            return
        }
        tail.apply(event, at: position)
    }

    private func snapshotBooking(_ id: BookingID) -> Booking? {
        guard let snapshot, let index = snapshot.recordIndex(BookingKey(id)), var booking = snapshot.booking(index) else { return nil }
        if cancelledInTail.contains(id) { booking.status = .cancelled }
        return booking
    }

    private func snapshotBooking(at index: Int) -> Booking? {
        guard var booking = snapshot?.booking(index) else { return nil }
        if booking.status == .active, cancelledInTail.contains(booking.id) { booking.status = .cancelled }
        // A booking id booked again in the tail (only in a store verify flags) is the tail's.
        if tail.booking(booking.id) != nil { return nil }
        return booking
    }

    func hasRoom(_ room: RoomName) -> Bool {
        if tail.hasRoom(room) { return true }
        guard let snapshot, let r = snapshot.roomIndex(room.rawValue) else { return false }
        return snapshot.isRegistered(r)
    }

    func roomNames() -> [RoomName] {
        var names = Set(tail.roomNames())
        if let snapshot {
            for r in 0..<snapshot.roomCount where snapshot.isRegistered(r) { names.insert(RoomName(unchecked: snapshot.roomName(r))) }
        }
        return names.sorted()
    }

    func booking(_ id: BookingID) -> Booking? {
        tail.booking(id) ?? snapshotBooking(id)
    }

    func firstActiveOverlap(room: RoomName, stay: Stay) -> Booking? {
        var candidates: [Booking] = []
        if let found = tail.firstActiveOverlap(room: room, stay: stay) { candidates.append(found) }
        if let snapshot, let r = snapshot.roomIndex(room.rawValue) {
            let overlapping = snapshot.activeOverlaps(room: r, arrival: Int32(stay.arrival.ordinal), departure: Int32(stay.departure.ordinal))
            if let first = overlapping.lazy.compactMap({ snapshotBooking(at: $0) }).first(where: { $0.status == .active }) {
                candidates.append(first)
            }
        }
        return candidates.min { ($0.stay.arrival, $0.id) < ($1.stay.arrival, $1.id) }
    }

    func freeRooms(for stay: Stay) -> [RoomName] {
        let tailFree = Set(tail.freeRooms(for: stay))
        guard let snapshot else { return tail.freeRooms(for: stay) }
        let arrival = Int32(stay.arrival.ordinal), departure = Int32(stay.departure.ordinal)
        // A snapshot booking counts unless the tail cancelled it (or booked its id again).
        let counts: (Int) -> Bool = { [cancelledInTail, tail] index in
            if cancelledInTail.isEmpty && tail.hasNoBookings { return true }
            let id = snapshot.record(index).key.id
            return !cancelledInTail.contains(id) && tail.booking(id) == nil
        }
        var free: [RoomName] = []
        for r in 0..<snapshot.roomCount {
            let name = RoomName(unchecked: snapshot.roomName(r))
            let added = snapshot.isRegistered(r) || tail.hasRoom(name)
            guard added, !snapshot.hasActiveOverlap(room: r, arrival: arrival, departure: departure, counts: counts) else { continue }
            if tail.hasRoom(name) ? tailFree.contains(name) : tail.firstActiveOverlap(room: name, stay: stay) == nil { free.append(name) }
        }
        for room in tailFree where snapshot.roomIndex(room.rawValue) == nil { free.append(room) }
        return free.sorted()
    }

    func bookings(matching filter: BookingFilter) -> [Booking] {
        var found = tail.bookings(matching: filter)
        if let snapshot {
            // Check the record's days before making a Booking (with its strings) of it.
            let from = filter.from.map { Int32($0.ordinal) }, to = filter.to.map { Int32($0.ordinal) }
            let inDates: (Int) -> Bool = { index in
                guard from != nil || to != nil else { return true }
                let record = snapshot.record(index)
                return (from.map { record.departure > $0 } ?? true) && (to.map { record.arrival < $0 } ?? true)
            }
            let candidates: [Int]
            if let client = filter.client {
                candidates = snapshot.clientIndex(client.rawValue).map { snapshot.clientList($0) } ?? []
            } else if let room = filter.room {
                candidates = snapshot.roomIndex(room.rawValue).map { snapshot.roomList($0) } ?? []
            } else {
                candidates = []
                found += (0..<snapshot.recordCount).lazy.filter(inDates).compactMap { snapshotBooking(at: $0) }.filter(filter.includes)
            }
            found += candidates.lazy.filter(inDates).compactMap { snapshotBooking(at: $0) }.filter(filter.includes)
        }
        return found.sorted(by: Booking.listOrder)
    }

    /// Without a client or room filter, merges the snapshot's per-room lists (each by arrival, then id) by
    /// arrival, then room, then id, with the tail's bookings: in list order, one booking at a time.
    func forEachBooking(matching filter: BookingFilter, _ body: (Booking) -> Void) {
        guard let snapshot, filter.client == nil, filter.room == nil else {
            bookings(matching: filter).forEach(body)
            return
        }
        let to = filter.to.map { Int32($0.ordinal) }
        // One cursor per room; rooms are numbered in name order, so (arrival, room, id) is list order.
        var cursors = [Int](repeating: 0, count: snapshot.roomCount)
        var heap = MergeHeap()
        func push(_ r: Int) {
            guard cursors[r] < snapshot.roomListCount(r) else { return }
            let index = snapshot.roomListEntry(r, cursors[r])
            guard index < snapshot.recordCount else { return }
            let record = snapshot.record(index)
            if let to, record.arrival >= to { return }  // the rest of this room arrives later still
            heap.push(.init(arrival: record.arrival, room: r, key: record.key, index: index))
        }
        for r in 0..<snapshot.roomCount { push(r) }
        var tailBookings = tail.bookings(matching: filter)[...]
        while let next = heap.pop() {
            cursors[next.room] += 1
            push(next.room)
            guard let booking = snapshotBooking(at: next.index), filter.includes(booking) else { continue }
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
