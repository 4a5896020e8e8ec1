/// Where each booking's (hold's, block's) events stand in the log, so that `hotel history ID` reads a few
/// lines instead of the whole log: a plug-in of the snapshot.
///
/// It keeps, for each event about a booking, the 64-bit hash of the booking's id (``BookingKey/mixed``)
/// and the byte offset where the event's line starts. Its section is those pairs sorted by hash, then
/// offset:
///
/// ```
/// 0  entries u64 (n)    8  0 u64
/// 16 n x (id hash u64, line start u64), by hash, then line start
/// ```
///
/// An index only says where to look: the reader decodes each line it names and keeps it only if it is
/// the event at that place about that id (a hash shared by two ids names both), and reads the whole log
/// if the index cannot be trusted.
enum BookingHistoryIndex: SnapshotReadModel {
    static let name: StaticString = "history"
    static let version: UInt32 = 1

    /// The pairs in log order.
    struct Builder: EventFolding {
        fileprivate(set) var entries: [Entry] = []

        mutating func fold(_ event: DomainEvent, at position: Position, line: Range<Int>) {
            guard let id = event.subject else { return }
            entries.append(Entry(hash: BookingKey(id).mixed, lineStart: UInt64(line.lowerBound)))
        }
    }

    struct Entry: Sendable {
        var hash: UInt64
        var lineStart: UInt64
    }

    /// The section (if any) and the events after it.
    struct View: EventFolding {
        fileprivate var section: SnapshotSection?
        fileprivate var count = 0
        fileprivate var tail = Builder()

        mutating func fold(_ event: DomainEvent, at position: Position, line: Range<Int>) {
            tail.fold(event, at: position, line: line)
        }

        /// Where the lines of the events about `id` may start, in log order; nil if the snapshot turned
        /// out damaged (then only reading the whole log answers).
        func lineStarts(of id: BookingID) -> [Int]? {
            let target = BookingKey(id).mixed
            var found: [Int] = []
            if let section {
                func hash(at k: Int) -> UInt64 { section.u64(16 + k * 16) }
                var low = 0, high = count
                while low < high {
                    let mid = (low + high) / 2
                    if hash(at: mid) < target { low = mid + 1 } else { high = mid }
                }
                while low < count, hash(at: low) == target {
                    found.append(Int(truncatingIfNeeded: section.u64(16 + low * 16 + 8)))
                    low += 1
                }
                if section.file.isDamaged { return nil }
            }
            for entry in tail.entries where entry.hash == target { found.append(Int(truncatingIfNeeded: entry.lineStart)) }
            return found
        }
    }

    static func builder(expectedBytes: Int) -> Builder {
        var builder = Builder()
        builder.entries.reserveCapacity(expectedBytes / 200)
        return builder
    }

    static func builder(continuing snapshot: MappedSnapshot, tailBytes: Int) -> Builder? {
        guard let view = view(of: snapshot), let section = view.section else { return nil }
        var builder = Builder()
        builder.entries.reserveCapacity(view.count + tailBytes / 200)
        for k in 0..<view.count {
            builder.entries.append(Entry(hash: section.u64(16 + k * 16), lineStart: section.u64(16 + k * 16 + 8)))
            if k % 65_536 == 65_535 { snapshot.releasePages() }
        }
        return snapshot.isDamaged ? nil : builder
    }

    static func write(_ builder: Builder, to out: inout SnapshotFileWriter) throws(EventStoreError) {
        let sorted = builder.entries.sorted { ($0.hash, $0.lineStart) < ($1.hash, $1.lineStart) }
        try out.beginSection(name, version: version)
        try out.write(integers: [UInt64(sorted.count), 0])
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 16)
        for entry in sorted {
            chunk.append(littleEndian: entry.hash)
            chunk.append(littleEndian: entry.lineStart)
            if chunk.count >= 1 << 16 { try out.write(chunk); chunk.removeAll(keepingCapacity: true) }
        }
        try out.write(chunk)
        out.endSection()
    }

    static func view(of snapshot: MappedSnapshot?) -> View? {
        guard let snapshot else { return View() }
        guard let section = snapshot.section(name, version: version) else { return nil }
        let count = Int(truncatingIfNeeded: section.u64(0))
        guard count >= 0, count <= (section.length - 16) / 16, !snapshot.isDamaged else { return nil }
        return View(section: section, count: count)
    }

    static func view(folded builder: Builder) -> View { View(tail: builder) }
}
