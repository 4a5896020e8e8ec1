/// Writes a ``HotelProjection``'s contents as the stay calendar's section of a snapshot (see
/// ``StayCalendarLayout``).
enum SnapshotWriter {
    /// Writes `builder` as the stay calendar's section.
    static func write(_ builder: HotelProjection, to out: inout SnapshotFileWriter) throws(EventStoreError) {
        let roomOrder = sortedOrder(builder.rooms)
        let clientOrder = sortedOrder(builder.clientNames)
        var roomRank = [UInt32](repeating: 0, count: roomOrder.count)
        for (rank, old) in roomOrder.enumerated() { roomRank[old] = UInt32(rank) }
        var clientRank = [UInt32](repeating: 0, count: clientOrder.count)
        for (rank, old) in clientOrder.enumerated() { clientRank[old] = UInt32(rank) }
        let records = builder.records

        // Strings, and the tables that point into them.
        var strings: [UInt8] = []
        var roomTable: [UInt8] = [], clientTable: [UInt8] = []
        var nameSpans: [(UInt32, UInt32)] = []
        for old in roomOrder { nameSpans.append(append(builder.rooms[old], to: &strings)) }
        var clientSpans: [(UInt32, UInt32)] = []
        for old in clientOrder { clientSpans.append(append(builder.clientNames[old], to: &strings)) }
        let typeSpans = roomOrder.map { append(builder.roomTypes[$0] ?? "", to: &strings) }
        var longestStay = [UInt32](repeating: 0, count: builder.rooms.count)
        for record in records {
            longestStay[Int(record.room)] = max(longestStay[Int(record.room)], UInt32(record.departure - record.arrival))
        }
        // Extras go by record index, written as the records are walked (no sorted copy); each distinct
        // reason or key stands once in the strings.
        let textSpans = builder.extraTexts.map { append($0, to: &strings) }
        let extrasCount = builder.extras.count

        // Lists grouped by room and by client (counting sort): the bounds now, the items when written.
        let roomOf: (Int) -> UInt32 = { roomRank[Int(records[$0].room)] }
        // Records with no client (holds made without one, blocks) go in a last group no client entry names.
        let clientOf: (Int) -> UInt32 = { records[$0].client == SnapshotRecord.noClient ? UInt32(clientOrder.count) : clientRank[Int(records[$0].client)] }
        let roomStarts = groupStarts(records.count, groups: roomOrder.count, roomOf)
        let clientStarts = groupStarts(records.count, groups: clientOrder.count + 1, clientOf)
        let calendars = builder.activeCalendars
        var activeStarts: [Int] = [0]
        for old in roomOrder { activeStarts.append(activeStarts.last! + calendars[old].count) }
        let activeTotal = activeStarts.last!
        let inHouse = roomOrder.map { builder.checkedInByDeparture(room: UInt32($0)) }
        var inHouseStarts: [Int] = [0]
        for rank in roomOrder.indices { inHouseStarts.append(inHouseStarts.last! + inHouse[rank].count) }
        let inHouseTotal = inHouseStarts.last!
        for rank in roomOrder.indices {
            roomTable.append(littleEndian: nameSpans[rank].0)
            roomTable.append(littleEndian: nameSpans[rank].1)
            roomTable.append(littleEndian: UInt32(activeStarts[rank]))
            roomTable.append(littleEndian: UInt32(activeStarts[rank + 1] - activeStarts[rank]))
            roomTable.append(littleEndian: UInt32(roomStarts[rank]))
            roomTable.append(littleEndian: UInt32(roomStarts[rank + 1] - roomStarts[rank]))
            roomTable.append(littleEndian: UInt32(builder.isRegistered(roomOrder[rank]) ? 1 : 0))
            roomTable.append(littleEndian: typeSpans[rank].0)
            roomTable.append(littleEndian: typeSpans[rank].1)
            roomTable.append(littleEndian: longestStay[roomOrder[rank]])
            roomTable.append(littleEndian: UInt32(inHouseStarts[rank]))
            roomTable.append(littleEndian: UInt32(inHouseStarts[rank + 1] - inHouseStarts[rank]))
        }
        for rank in clientOrder.indices {
            clientTable.append(littleEndian: clientSpans[rank].0)
            clientTable.append(littleEndian: clientSpans[rank].1)
            clientTable.append(littleEndian: UInt32(clientStarts[rank]))
            clientTable.append(littleEndian: UInt32(clientStarts[rank + 1] - clientStarts[rank]))
        }

        let slots = builder.ids.slots.count

        // Section offsets.
        let sizes = [
            strings.count, roomTable.count, clientTable.count, records.count * SnapshotRecord.size, slots * 6,
            activeTotal * StayCalendarLayout.activeEntrySize, records.count * 4, records.count * 4, extrasCount * StayCalendarLayout.extrasEntrySize,
            inHouseTotal * StayCalendarLayout.inHouseEntrySize,
        ]
        var offsets: [Int] = []
        var cursor = StayCalendarLayout.headerSize
        for size in sizes {
            offsets.append(cursor)
            cursor += (size + 7) & ~7
        }
        let total = cursor

        var header: [UInt8] = []
        header.append(littleEndian: UInt32(SnapshotRecord.size))
        header.append(littleEndian: UInt32(roomOrder.count))
        header.append(littleEndian: UInt32(clientOrder.count))
        header.append(littleEndian: UInt32(records.count))
        header.append(littleEndian: UInt32(slots))
        header.append(littleEndian: UInt32(0))
        for offset in offsets { header.append(littleEndian: UInt64(offset)) }
        header.append(littleEndian: UInt64(strings.count))
        header.append(littleEndian: UInt64(activeTotal))
        header.append(littleEndian: UInt64(extrasCount))
        header.append(littleEndian: UInt64(inHouseTotal))

        try out.beginSection(StayCalendarLayout.name, version: StayCalendarLayout.version)
        try out.write(header)
            let parts: [(Int, (inout SnapshotFileWriter) throws(EventStoreError) -> Void)] = [
                (0, { (o) throws(EventStoreError) in try o.write(strings) }),
                (1, { (o) throws(EventStoreError) in try o.write(roomTable) }),
                (2, { (o) throws(EventStoreError) in try o.write(clientTable) }),
                (3, { (o) throws(EventStoreError) in
                    var chunk: [UInt8] = []
                    chunk.reserveCapacity(1 << 16)
                    for var record in records {
                        record.room = roomRank[Int(record.room)]
                        if record.client != SnapshotRecord.noClient { record.client = clientRank[Int(record.client)] }
                        record.write(to: &chunk)
                        if chunk.count >= 1 << 16 { try o.write(chunk); chunk.removeAll(keepingCapacity: true) }
                    }
                    try o.write(chunk)
                }),
                (4, { (o) throws(EventStoreError) in
                    // A slot's high 32 bits are the top of its id's hash (see RecordTable).
                    try o.write(integers: builder.ids.slots.lazy.map { UInt32(truncatingIfNeeded: $0) })
                    try o.write(integers: builder.ids.slots.lazy.map { $0 == 0 ? UInt16(0) : StayCalendarLayout.tag(ofHash: $0) })
                }),
                (5, { (o) throws(EventStoreError) in
                    var chunk: [UInt8] = []
                    chunk.reserveCapacity(1 << 16)
                    for old in roomOrder {
                        for index in calendars[old] {
                            chunk.append(littleEndian: UInt32(bitPattern: builder.calendarArrival(index)))
                            chunk.append(littleEndian: UInt32(bitPattern: records[Int(index)].departure))
                            chunk.append(littleEndian: index)
                            if chunk.count >= 1 << 16 { try o.write(chunk); chunk.removeAll(keepingCapacity: true) }
                        }
                    }
                    try o.write(chunk)
                }),
                (6, { (o) throws(EventStoreError) in
                    try o.write(integers: groupItems(records.count, starts: roomStarts, roomOf) { a, b in
                        let x = records[a], y = records[b]
                        return x.arrival != y.arrival ? x.arrival < y.arrival : x.key.precedes(y.key)
                    })
                }),
                (7, { (o) throws(EventStoreError) in
                    try o.write(integers: groupItems(records.count, starts: clientStarts, clientOf) { a, b in
                        let x = records[a], y = records[b]
                        if x.arrival != y.arrival { return x.arrival < y.arrival }
                        if x.room != y.room { return roomRank[Int(x.room)] < roomRank[Int(y.room)] }
                        return x.key.precedes(y.key)
                    })
                }),
                (8, { (o) throws(EventStoreError) in
                    var chunk: [UInt8] = []
                    chunk.reserveCapacity(1 << 16)
                    for index in records.indices where records[index].flags & SnapshotRecord.extrasFlag != 0 {
                        guard let extra = builder.extras[UInt32(index)] else { continue }
                        let reason = extra.reason == .max ? (0, 0xFFFF_FFFF) : textSpans[Int(extra.reason)]
                        let key = extra.key == .max ? (0, 0xFFFF_FFFF) : textSpans[Int(extra.key)]
                        chunk.append(littleEndian: UInt32(index))
                        chunk.append(littleEndian: reason.0)
                        chunk.append(littleEndian: reason.1)
                        chunk.append(littleEndian: key.0)
                        chunk.append(littleEndian: key.1)
                        chunk.append(littleEndian: UInt32(bitPattern: extra.roomSince))
                        chunk.append(littleEndian: extra.expiresAt)
                        chunk.append(littleEndian: UInt32(bitPattern: extra.bookedDeparture))
                        chunk.append(littleEndian: UInt32(0))
                        if chunk.count >= 1 << 16 { try o.write(chunk); chunk.removeAll(keepingCapacity: true) }
                    }
                    try o.write(chunk)
                }),
                (9, { (o) throws(EventStoreError) in
                    var chunk: [UInt8] = []
                    for index in inHouse.joined() {
                        chunk.append(littleEndian: UInt32(bitPattern: records[Int(index)].departure))
                        chunk.append(littleEndian: index)
                    }
                    try o.write(chunk)
                }),
            ]
        for (index, body) in parts {
            try out.pad(to: offsets[index])
            try body(&out)
        }
        try out.pad(to: total)
        out.endSection()
    }

    private static func append(_ name: String, to strings: inout [UInt8]) -> (UInt32, UInt32) {
        let start = strings.count
        strings.append(contentsOf: name.utf8)
        return (UInt32(start), UInt32(strings.count - start))
    }

    /// Indexes of `names` in byte order of the names.
    private static func sortedOrder(_ names: [String]) -> [Int] {
        names.indices.sorted { names[$0].utf8.lexicographicallyPrecedes(names[$1].utf8) }
    }

    /// The bounds of each group of record indexes: `groups + 1` starts.
    private static func groupStarts(_ count: Int, groups: Int, _ group: (Int) -> UInt32) -> [Int] {
        var starts = [Int](repeating: 0, count: groups + 1)
        for i in 0..<count { starts[Int(group(i)) + 1] += 1 }
        for g in 0..<groups { starts[g + 1] += starts[g] }
        return starts
    }

    /// Record indexes grouped by `group` within `starts` (a counting sort), each group sorted by `less`.
    private static func groupItems(_ count: Int, starts: [Int], _ group: (Int) -> UInt32, by less: (Int, Int) -> Bool) -> [UInt32] {
        var fill = starts
        var items = [UInt32](repeating: 0, count: count)
        for i in 0..<count {
            let g = Int(group(i))
            items[fill[g]] = UInt32(i)
            fill[g] += 1
        }
        for g in 0..<(starts.count - 1) {
            items[starts[g]..<starts[g + 1]].sort { less(Int($0), Int($1)) }
        }
        return items
    }
}
