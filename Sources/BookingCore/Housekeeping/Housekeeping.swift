/// Every room's housekeeping status, folded from ``RoomStatusSet``, check-outs and moves of guests in
/// house: rooms few enough to keep whole.
public struct Housekeeping: Sendable, Equatable {
    /// The rooms whose status an event set; any other is `clean` (as a new room is).
    private(set) var statuses: [RoomName: HousekeepingStatus] = [:]
    /// Whether the log records housekeeping (a status set, or a check-in to a dirty room let through): a
    /// log written before `hotel` kept it checked guests in to rooms it did not know were dirty, which
    /// `hotel verify` does not hold against it.
    private(set) var isRecorded = false

    public init() {}

    /// The status of `room`.
    public func status(of room: RoomName) -> HousekeepingStatus { statuses[room] ?? .clean }

    mutating func set(_ room: RoomName, _ status: HousekeepingStatus) { statuses[room] = status }

    mutating func noteRecorded() { isRecorded = true }
}

extension Housekeeping: CustomStringConvertible {
    /// The rooms set, by name: `Blue dirty, Green inspected` (and whether the log records housekeeping).
    public var description: String {
        statuses.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.rawValue)" }.joined(separator: ", ") + (isRecorded ? "" : " (not recorded)")
    }
}

extension DomainEvent {
    /// What the event does to the rooms' housekeeping: the one place it is written. A status set is the
    /// room's; a check-out leaves its room dirty, and so does moving a guest in house out of a room.
    func apply(to housekeeping: inout Housekeeping) {
        switch self {
        case .roomStatusSet(let e):
            housekeeping.set(e.room, e.status)
            housekeeping.noteRecorded()
        case .stayMilestone(let e) where e.kind == .checkedIn && e.roomWasDirty: housekeeping.noteRecorded()
        case .stayMilestone(let e) where e.kind == .checkedOut: housekeeping.set(e.room, .dirty)
        case .bookingChanged(let e) where e.movedOn != nil && e.previousRoom != e.room: housekeeping.set(e.previousRoom, .dirty)
        default: break
        }
    }

    /// Whether the event may change a room's housekeeping status (what a query for it selects: see
    /// ``QueryItem/housekeeping(of:)``).
    static let housekeepingTypes = [RoomStatusSet.type, StayMilestone.Kind.checkedOut.rawValue, BookingChanged.type]
}

extension QueryItem {
    /// The events that may change `room`'s housekeeping status: a decision that reads it covers these.
    static func housekeeping(of room: RoomName) -> QueryItem {
        QueryItem(types: DomainEvent.housekeepingTypes, tags: [.room(room)])
    }
}

/// The housekeeping section of the snapshot: one line a room whose status an event set, sorted by name,
/// `ROOM<TAB>STATUS`, kept whole (rooms are few).
///
/// ```
/// 0  flags u64 (bit 0: ``Housekeeping/isRecorded``)    8  length u64 (L)    16  L bytes
/// ```
enum HousekeepingSection {
    static let name: StaticString = "rooms-hk"
    static let version: UInt32 = 1

    static func write(_ housekeeping: Housekeeping, to out: inout SnapshotFileWriter) throws(EventStoreError) {
        var bytes: [UInt8] = []
        for (room, status) in housekeeping.statuses.sorted(by: { $0.key < $1.key }) {
            bytes += Array(room.rawValue.utf8) + [9] + Array(status.rawValue.utf8) + [10]
        }
        try out.beginSection(name, version: version)
        try out.write(integers: [housekeeping.isRecorded ? 1 : 0, UInt64(bytes.count)])
        try out.write(bytes)
        out.endSection()
    }

    /// The housekeeping `snapshot` keeps (none set for no snapshot); nil if it has no sound section of this
    /// version, so that the snapshot is rebuilt, never misread.
    static func read(_ snapshot: MappedSnapshot?) -> Housekeeping? {
        guard let snapshot else { return Housekeeping() }
        guard let section = snapshot.section(name, version: version) else { return nil }
        let flags = section.u64(0), length = section.u64(8)
        guard flags <= 1, length <= UInt64(max(0, section.length - 16)) else { return nil }
        let bytes = Array(section.bytes(16, count: Int(length)))
        guard bytes.count == Int(length), !snapshot.isDamaged, bytes.isEmpty || bytes.last == 10 else { return nil }
        var housekeeping = Housekeeping()
        for line in bytes.split(separator: 10) {
            let parts = line.split(separator: 9, omittingEmptySubsequences: false)
            guard parts.count == 2, let room = try? RoomName(logged: String(decoding: parts[0], as: UTF8.self)),
                  let status = HousekeepingStatus(rawValue: String(decoding: parts[1], as: UTF8.self))
            else { return nil }
            housekeeping.set(room, status)
        }
        if flags == 1 { housekeeping.noteRecorded() }
        return housekeeping
    }
}
