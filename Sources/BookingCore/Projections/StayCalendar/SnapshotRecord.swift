/// One booking, hold or block in a snapshot and in ``HotelProjection``: 32 bytes, with the room and client
/// as indexes into the tables. A hold's expiry, a reason and an idempotency key, which few records have,
/// are ``Extras`` kept beside the records.
struct SnapshotRecord: Sendable {
    /// The recorded status as one byte. `active` is 0 and `cancelled` 1, as in the byte that was
    /// `cancelled` before statuses existed.
    enum Status: UInt8, Sendable {
        case active = 0, cancelled, held, released, checkedIn, checkedOut, noShow

        init(_ status: Booking.Status) {
            switch status {
            case .active: self = .active
            case .cancelled: self = .cancelled
            case .held, .expired: self = .held
            case .released: self = .released
            case .checkedIn: self = .checkedIn
            case .checkedOut: self = .checkedOut
            case .noShow: self = .noShow
            }
        }

        var status: Booking.Status {
            switch self {
            case .active: .active
            case .cancelled: .cancelled
            case .held: .held
            case .released: .released
            case .checkedIn: .checkedIn
            case .checkedOut: .checkedOut
            case .noShow: .noShow
            }
        }
    }

    /// A record's extras as ``HotelProjection`` keeps them: 24 bytes, the reason and the key as indexes
    /// into its table of distinct texts.
    struct PackedExtras: Sendable {
        /// Seconds since 1970, or `Int64.min` for none.
        var expiresAt: Int64
        /// An index into the texts, or `UInt32.max` for none.
        var reason: UInt32
        /// An index into the texts, or `UInt32.max` for none.
        var key: UInt32
        /// Days since 1970, or ``SnapshotRecord/noDay`` for none.
        var roomSince: Int32
        var bookedDeparture: Int32
    }

    /// The day of none, in the extras' day fields.
    static let noDay = Int32.min

    /// What few records have: a hold's expiry, a reason, the idempotency key it was made with, the first
    /// night in its room of a guest moved while checked in, the booked departure of a stay a check-out
    /// moved.
    struct Extras: Sendable, Equatable {
        var expiresAt: Int?
        var reason: String?
        var idempotencyKey: String?
        var roomSince: Int32?
        var bookedDeparture: Int32?

        /// The entry's extras, or nil if it has none.
        init?(_ entry: CalendarEntry) {
            switch entry {
            case .booking(let booking):
                self.init(
                    expiresAt: booking.expiresAt?.secondsSince1970, reason: booking.reason, idempotencyKey: booking.idempotencyKey?.rawValue,
                    roomSince: booking.roomSince.map { Int32($0.ordinal) }, bookedDeparture: booking.bookedDeparture.map { Int32($0.ordinal) })
            case .block(let block):
                self.init(expiresAt: nil, reason: block.reason)
            }
            if expiresAt == nil, reason == nil, idempotencyKey == nil, roomSince == nil, bookedDeparture == nil { return nil }
        }

        init(expiresAt: Int?, reason: String?, idempotencyKey: String? = nil, roomSince: Int32? = nil, bookedDeparture: Int32? = nil) {
            self.expiresAt = expiresAt
            self.reason = reason
            self.idempotencyKey = idempotencyKey
            self.roomSince = roomSince
            self.bookedDeparture = bookedDeparture
        }

        static func == (a: Extras, b: Extras) -> Bool {
            a.expiresAt == b.expiresAt && TextKey.same(a.reason, b.reason) && TextKey.same(a.idempotencyKey, b.idempotencyKey)
                && a.roomSince == b.roomSince && a.bookedDeparture == b.bookedDeparture
        }
    }

    /// Flag bits: a block (not a booking); began as a hold; has ``Extras``; checked out on the arrival day.
    static let blockFlag: UInt8 = 1
    static let beganAsHoldFlag: UInt8 = 2
    static let extrasFlag: UInt8 = 4
    static let leftOnArrivalDayFlag: UInt8 = 8
    static let cancelledAsHoldFlag: UInt8 = 16
    /// The client index of a record with no client (a hold made without one, a block).
    static let noClient = UInt32.max

    var key: BookingKey
    var status: Status
    var flags: UInt8
    /// A booking's number of earlier rooms (``Booking/earlierRooms``).
    var earlierRooms: UInt8 = 0
    var room: UInt32
    var client: UInt32
    var arrival: Int32
    var departure: Int32

    static let size = 32

    /// The flag bits of an entry (without ``extrasFlag``).
    static func flags(of entry: CalendarEntry) -> UInt8 {
        switch entry {
        case .booking(let booking): (booking.beganAsHold ? beganAsHoldFlag : 0) | (booking.leftOnArrivalDay ? leftOnArrivalDayFlag : 0)
            | (booking.cancelledAsHold ? cancelledAsHoldFlag : 0)
        case .block: blockFlag
        }
    }

    /// The status byte of an entry: a block is `active`, or `cancelled` once ended.
    static func status(of entry: CalendarEntry) -> Status {
        switch entry {
        case .booking(let booking): Status(booking.status)
        case .block(let block): Status(block.lifecycleStatus)
        }
    }

    var isBlock: Bool { flags & Self.blockFlag != 0 }

    var stay: Stay { try! Stay(arrival: Day(ordinal: Int(arrival)), departure: Day(ordinal: Int(departure))) }

    /// Whether it is a part of a stay spent in an earlier room (``Booking/earlierRoom``).
    var isEarlierRoom: Bool { key.part != 0 }

    /// The booking or block this record holds, given its room's name, a way to name its client, and its
    /// extras.
    func entry(room: String, client name: (UInt32) -> String, extras: Extras?) -> CalendarEntry {
        if isBlock {
            return .block(Block(id: key.id, room: RoomName(unchecked: room), stay: stay, hasEnded: status == .cancelled, reason: extras?.reason))
        }
        return .booking(Booking(
            id: key.id, client: client == Self.noClient ? nil : ClientID(unchecked: name(client)), room: RoomName(unchecked: room),
            stay: stay, status: status.status, expiresAt: extras?.expiresAt.map(Instant.init(secondsSince1970:)),
            reason: extras?.reason, beganAsHold: flags & Self.beganAsHoldFlag != 0,
            idempotencyKey: extras?.idempotencyKey.map(IdempotencyKey.init(unchecked:)), leftOnArrivalDay: flags & Self.leftOnArrivalDayFlag != 0,
            roomSince: extras?.roomSince.map { Day(ordinal: Int($0)) }, earlierRooms: earlierRooms, earlierRoom: key.part,
            bookedDeparture: extras?.bookedDeparture.map { Day(ordinal: Int($0)) }, cancelledAsHold: flags & Self.cancelledAsHoldFlag != 0))
    }

    /// Appends the record's 32 bytes, as four little-endian words.
    func write(to out: inout [UInt8]) {
        var words = (
            key.low.littleEndian,
            (UInt64(key.high) | UInt64(key.count) << 32 | UInt64(status.rawValue) << 40 | UInt64(flags) << 48 | UInt64(earlierRooms) << 56).littleEndian,
            (UInt64(room) | UInt64(client) << 32).littleEndian,
            (UInt64(UInt32(bitPattern: arrival)) | UInt64(UInt32(bitPattern: departure)) << 32).littleEndian
        )
        withUnsafeBytes(of: &words) { out.append(contentsOf: $0) }
    }
}

extension Array where Element == UInt8 {
    mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }
}
