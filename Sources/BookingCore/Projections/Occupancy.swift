/// Occupied, free and out-of-service room-nights over a stretch of nights, per night, per room type or per
/// room: `hotel occupancy`.
///
/// A room-night is **occupied** when an active, checked-in or checked-out booking holds it (a guest still
/// there past the departure up to tonight; a guest who left on the arrival day, none; a guest moved while
/// checked in, each room for the nights slept in it), **out of service**
/// when a block does, and **free** otherwise (a hold's nights count as free: it is not a stay yet).
/// The rate is occupied / (occupied + free): nights out of service are not for sale.
public struct Occupancy: Sendable, Equatable {
    /// What a row sums over.
    public enum Grouping: String, Sendable, CaseIterable {
        case night, type, room
    }

    /// One line of the report.
    public struct Row: Sendable, Equatable {
        /// The night (`YYYY-MM-DD`), the room type or the room.
        public var key: String
        public var occupied = 0
        public var free = 0
        public var outOfService = 0
        /// The nightly prices of the occupied nights (a night without a price adds nothing): `hotel revenue`.
        public var revenue = Amount.zero

        /// Room-nights for sale: occupied or free (not out of service).
        public var available: Int { occupied + free }

        /// occupied / (occupied + free), or 0 when nothing was for sale.
        public var rate: Double { occupied + free == 0 ? 0 : Double(occupied) / Double(occupied + free) }
    }

    public var rows: [Row]
    public var total: Row

    /// The report for the nights of `stay` in `model` (its rooms of `type`, if given), grouped by `grouping`;
    /// rows in date or byte order.
    public init(_ model: some HotelReadModel, nights stay: Stay, by grouping: Grouping, ofType type: RoomType? = nil, at now: Instant) {
        let rooms = model.rooms(ofType: type)
        var stays = BookingFilter(from: stay.arrival, to: stay.departure, statuses: [.active, .checkedIn, .checkedOut], now: now)
        // A guest moved while checked in occupied each room for the nights slept there.
        stays.includesEarlierRooms = true
        var holding: [RoomName: [(nights: Stay, blocked: Bool, folio: Folio?)]] = [:]
        for booking in model.bookings(matching: stays) {
            if let nights = booking.nights { holding[booking.room, default: []].append((nights, false, model.folio(booking.id))) }
        }
        // A guest still there past the departure occupies the room up to tonight.
        let today = now.localDay
        for room in rooms {
            for guest in model.checkedIn(room: room) where guest.isOverstaying(today: today) {
                if let nights = guest.heldNights(today: today) { holding[room, default: []].append((nights, false, model.folio(guest.id))) }
            }
        }
        for block in model.blocks(matching: BlockFilter(from: stay.arrival, to: stay.departure)) where !block.hasEnded {
            holding[block.room, default: []].append((block.stay, true, nil))
        }

        var rows: [TextKey: Row] = [:]
        var total = Row(key: "total")
        for room in rooms {
            let type = model.roomType(room)?.rawValue ?? RoomType.standard.rawValue
            for n in 0..<stay.nights {
                let night = stay.arrival.adding(days: n)
                let key: String
                switch grouping {
                case .night: key = night.description
                case .type: key = type
                case .room: key = room.rawValue
                }
                var row = rows[TextKey(key)] ?? Row(key: key)
                let holder = holding[room]?.first { $0.nights.arrival <= night && night < $0.nights.departure }
                switch holder?.blocked {
                case true?:
                    row.outOfService += 1
                    total.outOfService += 1
                case false?:
                    row.occupied += 1
                    total.occupied += 1
                    if let price = holder?.folio?.price(of: night) {
                        row.revenue += price
                        total.revenue += price
                    }
                case nil:
                    row.free += 1
                    total.free += 1
                }
                rows[TextKey(key)] = row
            }
        }
        self.rows = rows.values.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        self.total = total
    }
}
