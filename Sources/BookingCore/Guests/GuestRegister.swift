/// What the log says of a client's profile: the revision of the side file's record that holds its values,
/// or that it was forgotten and when. Never a value.
public struct GuestEntry: Sendable, Equatable {
    /// The record shown; nil once forgotten.
    public var revision: GuestRevision?
    /// When the profile was erased, while it is (a later `guests set` starts a new profile).
    public var forgottenAt: Instant?

    public init(revision: GuestRevision?, forgottenAt: Instant? = nil) {
        self.revision = revision
        self.forgottenAt = forgottenAt
    }
}

/// Every client with a profile, folded in memory from ``GuestProfileSet`` and ``GuestForgotten``.
struct GuestRegister: Sendable, Equatable {
    private(set) var entries: [ClientID: GuestEntry] = [:]

    var isEmpty: Bool { entries.isEmpty }

    func entry(_ client: ClientID) -> GuestEntry? { entries.isEmpty ? nil : entries[client] }

    mutating func put(_ client: ClientID, _ entry: GuestEntry) { entries[client] = entry }
}

extension DomainEvent {
    /// What the event does to the guests' register: the one place a profile's meaning is written. A profile
    /// set shows its record's values; a forget erases them (the client's stays stay).
    func apply(to guests: inout GuestRegister) {
        switch self {
        case .guestProfileSet(let e): guests.put(e.client, GuestEntry(revision: e.revision))
        case .guestForgotten(let e): guests.put(e.client, GuestEntry(revision: nil, forgottenAt: e.at))
        default: break
        }
    }
}

/// The guests' section of the snapshot: one line a client, sorted by its bytes, with the offset of each line,
/// so that a guest is found by a binary search (a desk's list asks about a few of a hundred thousand), and
/// read whole only when every guest is asked for (commands about stays never read it).
///
/// ```
/// 0       count u64 (n)    8  length u64 (L)
/// 16      n × u64: where each line starts in the lines
/// 16+8n   L bytes: n lines, CLIENT<TAB>REVISION or -<TAB>FORGOTTEN_AT or -
/// ```
enum GuestSection {
    static let name: StaticString = "guests"
    static let version: UInt32 = 2

    static func write(_ register: GuestRegister, to out: inout SnapshotFileWriter) throws(EventStoreError) {
        var bytes: [UInt8] = []
        var offsets: [UInt64] = []
        offsets.reserveCapacity(register.entries.count)
        for (client, entry) in register.entries.sorted(by: { $0.key.rawValue.utf8.lexicographicallyPrecedes($1.key.rawValue.utf8) }) {
            offsets.append(UInt64(bytes.count))
            bytes += Array(client.rawValue.utf8) + [9] + Array((entry.revision?.description ?? "-").utf8) + [9]
            bytes += Array((entry.forgottenAt?.description ?? "-").utf8) + [10]
        }
        try out.beginSection(name, version: version)
        try out.write(integers: [UInt64(register.entries.count), UInt64(bytes.count)])
        try out.write(integers: offsets)
        try out.write(bytes)
        out.endSection()
    }

    /// The section of a snapshot, read when asked (its bytes are checked as read: a damaged page makes the
    /// model not intact, and the command answers from the log instead).
    struct Reader {
        fileprivate let section: SnapshotSection
        fileprivate let count: Int
        fileprivate let length: Int

        private var linesStart: Int { 16 + 8 * count }

        /// The register it keeps; nil if its bytes are not sound.
        func register() -> GuestRegister? {
            let bytes = Array(section.bytes(linesStart, count: length))
            guard bytes.count == length else { return nil }
            var register = GuestRegister()
            for line in bytes.split(separator: 10) {
                guard let (client, entry) = Self.parse(line) else { return nil }
                register.put(client, entry)
            }
            return register.entries.count == count ? register : nil
        }

        /// Client `client`'s entry, found by a binary search of the lines; nil if there is none (or its line
        /// is not sound: the snapshot's pages are checked as read).
        func entry(_ client: ClientID) -> GuestEntry? {
            let wanted = Array(client.rawValue.utf8)
            var low = 0, high = count
            while low < high {
                let middle = (low + high) / 2
                guard let line = line(middle) else { return nil }
                let key = line.prefix { $0 != 9 }
                if key.elementsEqual(wanted) { return Self.parse(line)?.1 }
                if key.lexicographicallyPrecedes(wanted) { low = middle + 1 } else { high = middle }
            }
            return nil
        }

        /// Line `index`, without its line end.
        private func line(_ index: Int) -> ArraySlice<UInt8>? {
            let start = Int(section.u64(16 + 8 * index))
            let end = index + 1 < count ? Int(section.u64(16 + 8 * (index + 1))) : length
            guard start < end, end <= length else { return nil }
            let bytes = section.bytes(linesStart + start, count: end - start)
            guard bytes.count == end - start, bytes.last == 10 else { return nil }
            return Array(bytes).dropLast()
        }

        /// `CLIENT<TAB>REVISION<TAB>FORGOTTEN_AT` as an entry; nil if it is not one.
        private static func parse(_ line: ArraySlice<UInt8>) -> (ClientID, GuestEntry)? {
            let parts = line.split(separator: 9, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            guard parts.count == 3, let client = try? ClientID(logged: parts[0]) else { return nil }
            let revision = parts[1] == "-" ? nil : try? GuestRevision(parts[1])
            let forgotten = parts[2] == "-" ? nil : try? Instant(parts[2])
            guard (revision == nil) == (parts[1] == "-"), (forgotten == nil) == (parts[2] == "-") else { return nil }
            return (client, GuestEntry(revision: revision, forgottenAt: forgotten))
        }
    }

    /// The reader of `snapshot`'s section (nil for no snapshot: no guests); `.none` if the snapshot has no
    /// sound section of this version, so that it is rebuilt, never misread.
    static func reader(of snapshot: MappedSnapshot?) -> Reader?? {
        guard let snapshot else { return .some(nil) }
        guard let section = snapshot.section(name, version: version) else { return nil }
        let count = section.u64(0), length = section.u64(8)
        let room = UInt64(max(0, section.length - 16))
        guard count <= room / 8, length <= room - 8 * count, count <= length, !snapshot.isDamaged else { return nil }
        return .some(Reader(section: section, count: Int(count), length: Int(length)))
    }
}
