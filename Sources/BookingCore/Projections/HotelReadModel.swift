/// What decisions and queries ask of the hotel's state at some position of the log.
///
/// ``HotelProjection`` answers from events folded in memory; the file store's cached model answers from a
/// memory-mapped snapshot plus the events after it. Both must give the same answers for the same log.
/// Questions about what holds a room take the clock's `now`: a hold stops holding its room at its expiry.
public protocol HotelReadModel {
    /// The last position folded in.
    var head: Position { get }

    /// The money's settings and rates.
    var tariff: Tariff { get }

    /// Every room's housekeeping status.
    var housekeeping: Housekeeping { get }

    /// The folio of booking `id`, if it has one (a price, or anything posted to it).
    func folio(_ id: BookingID) -> Folio?

    /// Calls `body` with every booking's folio, in no particular order.
    func forEachFolio(_ body: (BookingID, Folio) -> Void)

    /// Calls `body` with at least every folio ``Folio/mayBeOwed(_:)`` takes (those `hotel balances` may
    /// list), in no particular order: the cached model reads an index of them, not every folio.
    func forEachFolioThatMayBeOwed(_ body: (BookingID, Folio) -> Void)

    /// What the log says of client `client`'s profile, if one was ever recorded.
    func guest(_ client: ClientID) -> GuestEntry?

    /// Calls `body` with every client that has (or had) a profile, in no particular order.
    func forEachGuest(_ body: (ClientID, GuestEntry) -> Void)

    /// The type of a registered room; nil if no room of that name is registered.
    func roomType(_ room: RoomName) -> RoomType?

    /// The registered rooms (of `type`, if given), in byte order of their names.
    func rooms(ofType type: RoomType?) -> [RoomName]

    /// The booking, hold or block with this id, whatever its status.
    func entry(_ id: BookingID) -> CalendarEntry?

    /// The booking, hold or block whose recorded nights hold `room` for a night of `stay` at `now`, with
    /// the earliest arrival; the one with id `except` (a booking being changed) does not count. (A guest
    /// past the departure holds more: see ``firstHolding(room:stay:at:except:)``.)
    func firstOnCalendar(room: RoomName, stay: Stay, at now: Instant, except: BookingID?) -> CalendarEntry?

    /// The registered rooms (of `type`, if given) whose recorded nights nothing holds for any night of
    /// `stay` at `now`, in byte order of their names. (See ``freeRooms(for:at:ofType:)``.)
    func freeOnCalendar(for stay: Stay, at now: Instant, ofType type: RoomType?) -> [RoomName]

    /// Calls `body` with each stay checked in to `room` now (not yet checked out), whatever its departure,
    /// by departure, then id, while it returns true.
    func forEachCheckedIn(room: RoomName, _ body: (Booking) -> Bool)

    /// The bookings and holds `filter` includes, by arrival, then room, then id.
    func bookings(matching filter: BookingFilter) -> [Booking]

    /// Calls `body` with each booking `filter` includes, in the order of ``bookings(matching:)``, without
    /// holding them all (a model may produce them as it goes).
    func forEachBooking(matching filter: BookingFilter, _ body: (Booking) -> Void)

    /// The blocks `filter` includes, ended or not, by first night, then room, then id.
    func blocks(matching filter: BlockFilter) -> [Block]

    /// False once a model read from a snapshot has met a damaged page: what it answered since cannot be
    /// trusted, and must be answered again without the snapshot (see ``ModelProvidingStore/discardSnapshot()``).
    var isIntact: Bool { get }

    /// Checks every page of the snapshot the model reads, now (for work that answers as it goes); false if
    /// one is damaged.
    func checkWhole() -> Bool
}

extension HotelReadModel {
    public var isIntact: Bool { true }

    /// The booking or hold with this id, whatever its status; nil if there is none, or the id is a block's.
    public func booking(_ id: BookingID) -> Booking? { entry(id)?.booking }

    /// The block with this id, ended or not; nil if there is none, or the id is a booking's.
    public func block(_ id: BookingID) -> Block? { entry(id)?.block }

    public func checkWhole() -> Bool { true }

    public func forEachBooking(matching filter: BookingFilter, _ body: (Booking) -> Void) {
        bookings(matching: filter).forEach(body)
    }

    public func freeOnCalendar(for stay: Stay, at now: Instant, ofType type: RoomType?) -> [RoomName] {
        rooms(ofType: type).filter { firstOnCalendar(room: $0, stay: stay, at: now, except: nil) == nil }
    }

    /// The guest checked in to `room` past the departure who still holds a night of `stay` at `now`: a
    /// checked-in stay holds its room until it is checked out, so from its departure up to tonight too (the
    /// desk's today is `now`'s local day). The one with the earliest departure; `except` does not count.
    public func overstaying(room: RoomName, stay: Stay, at now: Instant, except: BookingID?) -> Booking? {
        let today = now.localDay
        // Only tonight and the nights before: a guest may leave tomorrow.
        guard stay.arrival <= today else { return nil }
        var found: Booking?
        // By departure: the first that still holds a night of the stay is the one; once one cannot, none after can.
        forEachCheckedIn(room: room) { guest in
            if guest.id == except { return true }
            guard guest.isOverstaying(today: today), stay.departure > guest.stay.departure else { return false }
            found = guest
            return false
        }
        return found
    }

    /// The stays checked in to `room` now, by departure, then id.
    public func checkedIn(room: RoomName) -> [Booking] {
        var found: [Booking] = []
        forEachCheckedIn(room: room) { found.append($0); return true }
        return found
    }

    /// The booking, hold or block that holds `room` for a night of `stay` at `now`: one whose recorded
    /// nights do (the earliest arriving), else a guest still there past the departure; `except` (a booking
    /// being changed) does not count.
    public func firstHolding(room: RoomName, stay: Stay, at now: Instant, except: BookingID?) -> CalendarEntry? {
        if let holder = firstOnCalendar(room: room, stay: stay, at: now, except: except) { return holder }
        return overstaying(room: room, stay: stay, at: now, except: except).map(CalendarEntry.booking)
    }

    /// The registered rooms (of `type`, if given) that nothing holds for any night of `stay` at `now` (see
    /// ``firstHolding(room:stay:at:except:)``), in byte order of their names.
    public func freeRooms(for stay: Stay, at now: Instant, ofType type: RoomType?) -> [RoomName] {
        let free = freeOnCalendar(for: stay, at: now, ofType: type)
        guard stay.arrival <= now.localDay else { return free }
        return free.filter { overstaying(room: $0, stay: stay, at: now, except: nil) == nil }
    }

    /// Whether the room is registered.
    public func hasRoom(_ room: RoomName) -> Bool { roomType(room) != nil }

    /// Every registered room, in byte order of their names.
    public func roomNames() -> [RoomName] { rooms(ofType: nil) }

    /// The types of the registered rooms, each once, in byte order.
    public func roomTypes() -> [RoomType] { Set(roomNames().compactMap(roomType)).sorted() }

    /// The refusal of a room that is not registered, naming the registered one nearest to it, if any is
    /// close (what every command and query given such a room says).
    public func unknownRoom(_ room: RoomName) -> BookingError { .unknownRoom(room, suggestion: room.nearest(in: roomNames())) }

    /// The refusal of a type no registered room has, naming the registered type nearest to it, if any is close.
    public func unknownType(_ type: RoomType) -> BookingError {
        .unknownRoomType(type, suggestion: EditDistance.nearest(to: type.rawValue, in: roomTypes().map(\.rawValue)).map(RoomType.init(unchecked:)))
    }

    /// Refuses a room that is not registered: a command or query about it would find nothing.
    /// - Throws: ``unknownRoom(_:)``.
    public func requireRoom(_ room: RoomName) throws(BookingError) {
        guard hasRoom(room) else { throw unknownRoom(room) }
    }

    /// Refuses a type no registered room has: a command or query about it would find nothing.
    /// - Throws: ``unknownType(_:)``.
    public func requireType(_ type: RoomType) throws(BookingError) {
        guard !rooms(ofType: type).isEmpty else { throw unknownType(type) }
    }
}
