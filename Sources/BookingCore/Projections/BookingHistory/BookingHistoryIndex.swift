/// Where each booking's (hold's, block's) events and each client's profile events stand in the log, so that
/// `hotel history ID` and `hotel guests show --json` read a few lines instead of the whole log: a plug-in of
/// the snapshot.
///
/// It keeps, for each event about a ``HistorySubject``, one 64-bit entry: the top 24 bits of the subject's
/// hash (``HistorySubject/hash``) above the 40-bit byte offset where the event's line starts. Its section is
/// those entries sorted (so by hash, then offset):
///
/// ```
/// 0  entries u64 (n; UInt64.max: a log past 1 TiB, which the index does not cover)    8  0 u64
/// 16 n x entry u64
/// ```
///
/// An index only says where to look: the reader decodes each line it names and keeps it only if it is
/// an event about that subject (one hash in about 16 million is shared with another, whose lines are then
/// read and left out), and reads the whole log if the index cannot be trusted. Version 2 added the clients'
/// profile events.
enum BookingHistoryIndex: SnapshotReadModel {
    static let name: StaticString = "history"
    static let version: UInt32 = 2
    /// Bits of an entry that hold the line's offset.
    static let offsetBits: UInt64 = 40

    /// An entry for the line starting at `offset` of an event about the id whose hash is `hash`; nil past 1 TiB.
    static func entry(hash: UInt64, offset: Int) -> UInt64? {
        guard UInt64(offset) >> offsetBits == 0 else { return nil }
        return (hash >> offsetBits) << offsetBits | UInt64(offset)
    }

    /// The entries in log order.
    struct Builder: EventFolding {
        fileprivate(set) var entries: [UInt64] = []
        /// Whether a line lay past what an entry can say (the index is then not written).
        fileprivate(set) var overflowed = false

        mutating func fold(_ event: DomainEvent, at position: Position, line: Range<Int>) {
            guard let subject = event.historySubject else { return }
            guard let entry = BookingHistoryIndex.entry(hash: subject.hash, offset: line.lowerBound) else {
                overflowed = true
                return
            }
            entries.append(entry)
        }
    }

    /// The section (if any) and the events after it.
    struct View: EventFolding {
        fileprivate var section: SnapshotSection?
        fileprivate var count = 0
        fileprivate var tail = Builder()
        fileprivate var covers = true

        mutating func fold(_ event: DomainEvent, at position: Position, line: Range<Int>) {
            tail.fold(event, at: position, line: line)
        }

        /// Where the lines of the events about `subject` may start, in log order; nil if the index does not
        /// cover the log or the snapshot turned out damaged (then only reading the whole log answers).
        func lineStarts(of subject: HistorySubject) -> [Int]? {
            guard covers, !tail.overflowed else { return nil }
            let top = subject.hash >> BookingHistoryIndex.offsetBits
            let mask: UInt64 = (1 << BookingHistoryIndex.offsetBits) - 1
            var found: [Int] = []
            if let section {
                func entry(_ k: Int) -> UInt64 { section.u64(16 + k * 8) }
                var low = 0, high = count
                while low < high {
                    let mid = (low + high) / 2
                    if entry(mid) >> BookingHistoryIndex.offsetBits < top { low = mid + 1 } else { high = mid }
                }
                while low < count, entry(low) >> BookingHistoryIndex.offsetBits == top {
                    found.append(Int(entry(low) & mask))
                    low += 1
                }
                if section.file.isDamaged { return nil }
            }
            for entry in tail.entries where entry >> BookingHistoryIndex.offsetBits == top { found.append(Int(entry & mask)) }
            return found
        }
    }

    static func builder(expectedBytes: Int) -> Builder {
        var builder = Builder()
        builder.entries.reserveCapacity(expectedBytes / 250)
        return builder
    }

    static func builder(continuing snapshot: MappedSnapshot, tailBytes: Int) -> Builder? {
        guard let view = view(of: snapshot), let section = view.section, view.covers else { return nil }
        var builder = Builder()
        builder.entries.reserveCapacity(view.count + tailBytes / 250)
        for k in 0..<view.count {
            builder.entries.append(section.u64(16 + k * 8))
            if k % 131_072 == 131_071 { snapshot.releasePages() }
        }
        return snapshot.isDamaged ? nil : builder
    }

    static func write(_ builder: inout Builder, to out: inout SnapshotFileWriter) throws(EventStoreError) {
        try out.beginSection(name, version: version)
        if builder.overflowed {
            try out.write(integers: [UInt64.max, 0])
        } else {
            builder.entries.sort()
            try out.write(integers: [UInt64(builder.entries.count), 0])
            try out.write(integers: builder.entries)
        }
        out.endSection()
    }

    static func view(of snapshot: MappedSnapshot?) -> View? {
        guard let snapshot else { return View() }
        guard let section = snapshot.section(name, version: version) else { return nil }
        let count = section.u64(0)
        if count == .max { return snapshot.isDamaged ? nil : View(section: nil, covers: false) }
        guard count <= UInt64(max(0, section.length - 16) / 8), !snapshot.isDamaged else { return nil }
        return View(section: section, count: Int(count))
    }

    static func view(folded builder: Builder) -> View { View(tail: builder) }
}
