/// Something that runs decisions: ``FrontDesk`` (read, decide, conditional append, retry) or a
/// ``BatchDesk`` (decide on a batch's state). The commands themselves are written once, here.
public protocol CommandRunner {
    /// Draws new booking ids.
    var newBookingID: BookingIDGenerator { get }
    /// What time it is: holds expire by it.
    var clock: WallClock { get }
    /// What day it is at the desk: the wall clock's local date.
    var today: Day { get }

    /// Decides and records; returns the recorded events and a state that holds what the decision read (the
    /// one it was decided on, or in a batch the one just after).
    func run(_ decision: some Decision) throws(HotelError) -> (events: [DomainEvent], state: any HotelReadModel)

    /// The hotel's state, with at least the events matching `query`.
    func state(query: Query) throws(HotelError) -> any HotelReadModel

    /// Records or updates client `client`'s profile: the values given replace those of the same fields, the
    /// others keep theirs (a forgotten profile starts anew). The values go beside the log (``GuestVault``).
    /// - Throws: ``BookingError/guestsNotKept`` on a store without a side store for personal data.
    func setGuest(_ client: ClientID, _ values: [GuestField: String]) throws(HotelError)

    /// Erases client `client`'s profile: the erasure is recorded, then the values are removed.
    func forgetGuest(_ client: ClientID, reason: Reason?) throws(HotelError)
}

/// What `hotel book` and `hotel hold` ask for.
public struct StayRequest: Sendable, Equatable {
    /// A named room, or the best free room of a type.
    public enum Target: Sendable, Equatable {
        case room(RoomName)
        case type(RoomType)
    }

    public var client: ClientID?
    public var target: Target
    public var stay: Stay
    /// nil for a booking; how long a hold lasts.
    public var hold: HoldDuration?
    public var idempotencyKey: IdempotencyKey?
    /// A negotiated price per night (`--price`), as typed: read in the currency set.
    public var price: String?
    /// A hold's deposit (`--deposit`), as typed: a payment reaching it confirms the hold.
    public var deposit: String?

    public init(client: ClientID?, target: Target, stay: Stay, hold: HoldDuration? = nil, idempotencyKey: IdempotencyKey? = nil, price: String? = nil, deposit: String? = nil) {
        precondition(deposit == nil || hold != nil, "a deposit is a hold's")
        self.deposit = deposit
        self.client = client
        self.target = target
        self.stay = stay
        self.hold = hold
        self.idempotencyKey = idempotencyKey
        self.price = price
    }
}

extension CommandRunner {
    /// How many ids `book` draws before giving up (ids are 40 random bits: a second draw is already rare).
    static var idAttempts: Int { 25 }

    /// The clock's reading.
    public var now: Instant { Instant(secondsSince1970: clock.secondsSince1970()) }

    /// The query of every `RoomAdded` event: rooms and their types.
    static var roomsQuery: Query { Query([QueryItem(types: [RoomAdded.type], tags: [])]) }

    /// Registers rooms of `type`: all of them, or none if any exists; a new type close to a registered one
    /// only if `allowingNewType` (see ``AddRooms``).
    public func addRooms(_ rooms: [RoomName], type: RoomType = .standard, allowingNewType: Bool = false) throws(HotelError) {
        _ = try run(AddRooms(rooms: rooms, type: type, allowsNewType: allowingNewType))
    }

    /// Books `room` for `client`'s `stay`.
    ///
    /// - Returns: The new booking's id.
    public func book(client: ClientID, room: RoomName, stay: Stay) throws(HotelError) -> BookingID {
        try reserve(StayRequest(client: client, target: .room(room), stay: stay)).id
    }

    /// Books or holds a room (a named one, or the best free one of a type) for a stay.
    ///
    /// With an idempotency key, the id is derived from the key, and a repeat of the same request records
    /// nothing and returns the booking as it stands. Ids derived from different keys can be the same: an
    /// id that holds a booking made with another key is passed over for the key's next derived id
    /// (``BookingID/derived(from:attempt:)``), so a retry walks the same ids to its own booking.
    ///
    /// - Returns: The booking or hold.
    /// - Throws: ``HotelError/rejected(_:)`` with the rule that refused it; unknown rooms and types come with
    ///   the nearest registered name.
    public func reserve(_ request: StayRequest) throws(HotelError) -> Booking {
        let now = self.now
        // The hotel as it stands: the type's rooms, and the stays holding the nights the decision reads.
        var read: (any HotelReadModel)?
        let target: ReserveStay.Target
        switch request.target {
        case .room(let room):
            target = .room(room)
        case .type(let type):
            let hotel = try state(query: .all)
            read = hotel
            do throws(BookingError) { try hotel.requireType(type) } catch { throw .rejected(error) }
            target = .type(type, rooms: hotel.rooms(ofType: type))
        }
        let holdUntil = request.hold.map { now.adding(seconds: $0.seconds) }
        if let holdUntil, !holdUntil.isRecordable { throw .rejected(.invalidStay(.outOfCalendar("a hold until \(holdUntil)"))) }
        let hotel: any HotelReadModel
        if let read { hotel = read } else { hotel = try state(query: .all) }
        for attempt in 0..<Self.idAttempts {
            let id = request.idempotencyKey.map { BookingID.derived(from: $0, attempt: attempt) } ?? newBookingID.next()
            let decision = ReserveStay(
                booking: id, client: request.client, target: target, stay: request.stay, holdUntil: holdUntil,
                idempotencyKey: request.idempotencyKey, now: now, negotiatedPrice: request.price, deposit: request.deposit)
            do throws(HotelError) {
                let (events, state) = try run(decision.holdersDrawn(from: hotel))
                if let made = HotelProjection(events).booking(id) { return made }
                if let existing = state.booking(id) { return existing }
                throw .rejected(.unknownBooking(id))
            } catch .rejected(.bookingIDTaken) {
                continue
            } catch .rejected(.unknownRoom(let room, _)) {
                throw try unknownRoom(room)
            }
        }
        throw .tooManyConflicts(attempts: Self.idAttempts)
    }

    /// The refusal of an unknown room with the nearest registered name (a decision refuses it without one:
    /// it decides only on what its boundary covers).
    func unknownRoom(_ room: RoomName) throws(HotelError) -> HotelError {
        .rejected(try state(query: Self.roomsQuery).unknownRoom(room))
    }

    /// Runs a decision about booking `id` and returns the booking as the recorded events leave it.
    func changing(_ id: BookingID, _ decision: some Decision) throws(HotelError) -> Booking {
        guard let booking = try changed(id, by: decision).booking else { throw .rejected(.isABlock(id)) }
        return booking
    }

    /// Runs a decision about the booking or block `id` and returns it as the recorded events leave it: the
    /// events folded onto it in the returned state. (A batch returns the state after the events; these
    /// events set what they change, so folding them again leaves it the same.)
    private func changed(_ id: BookingID, by decision: some Decision) throws(HotelError) -> CalendarEntry {
        let (events, state) = try run(decision)
        guard let before = state.entry(id) else { throw .rejected(.unknownBooking(id)) }
        var projection = HotelProjection()
        projection.put(before)
        for event in events { projection.apply(event) }
        return projection.entry(id)!
    }

    /// The booking or hold `id` as it stands now and the hotel it was read from, or a rejection if there is
    /// none (for commands that must know its room before deciding).
    private func current(_ id: BookingID) throws(HotelError) -> (booking: Booking, state: any HotelReadModel) {
        // The whole hotel: the decision draws its boundary around what holds the nights it reads too.
        let state = try state(query: .all)
        do { return (try state.existingBooking(id), state) } catch { throw .rejected(error) }
    }

    /// Runs `body` with the id `typed` names (``HotelReadModel/storedID(for:)``: as typed, else in the form
    /// `hotel` writes ids in, so `BKPEKH1OMN` names `bkpekh10mn`). If it names nothing, the refusal of an
    /// unknown booking or block comes with the known id one edit from it (``HotelReadModel/nearestID(to:)``).
    /// Every command on an id takes it through here.
    public func onID<T>(_ typed: BookingID, _ body: (BookingID) throws(HotelError) -> T) throws(HotelError) -> T {
        var id = typed
        // An id already in its canonical form (or with none) can only name itself: nothing to read.
        if let canonical = typed.canonical, canonical != typed, let stored = try state(query: .all).storedID(for: typed) { id = stored }
        do {
            return try body(id)
        } catch .rejected(.unknownBooking(let unknown, suggestion: .none)) {
            throw .rejected(.unknownBooking(unknown, suggestion: try state(query: .all).nearestID(to: unknown)))
        } catch .rejected(.unknownBlock(let unknown, suggestion: .none)) {
            throw .rejected(.unknownBlock(unknown, suggestion: try state(query: .all).nearestID(to: unknown)))
        }
    }

    /// Confirms an unexpired hold, for its client or `client`.
    public func confirm(_ id: BookingID, client: ClientID?) throws(HotelError) -> Booking {
        try onID(id) { (id) throws(HotelError) in
            try aroundCurrentRoom(of: id) { (room, hotel) throws(HotelError) in
                try changing(id, ConfirmHold(booking: id, room: room, client: client, now: now).holdersDrawn(from: hotel))
            }
        }
    }

    /// Runs `body` with the booking's room as it stands now and the hotel it was read from, again while the
    /// booking moves between the read and the decision (the decision's boundary is drawn around that room,
    /// so it must decide on it).
    private func aroundCurrentRoom<T>(of id: BookingID, _ body: (RoomName, any HotelReadModel) throws(HotelError) -> T) throws(HotelError) -> T {
        for _ in 0..<Self.idAttempts {
            let (booking, hotel) = try current(id)
            do throws(HotelError) { return try body(booking.room, hotel) } catch .rejected(.movedSinceRead) { continue }
        }
        throw .tooManyConflicts(attempts: Self.idAttempts)
    }

    /// Releases an unexpired hold.
    public func release(_ id: BookingID) throws(HotelError) -> Booking {
        try onID(id) { (id) throws(HotelError) in try changing(id, ReleaseHold(booking: id, now: now)) }
    }

    /// Cancels a hold or an active booking.
    ///
    /// - Returns: The cancelled booking as it now stands.
    public func cancel(_ id: BookingID, reason: Reason? = nil, fee: String? = nil) throws(HotelError) -> Booking {
        try onID(id) { (id) throws(HotelError) in try changing(id, CancelBooking(booking: id, reason: reason, now: now, fee: fee, today: today)) }
    }

    /// Moves a booking to another room and/or other dates.
    public func change(_ id: BookingID, room: RoomName?, arrival: Day?, departure: Day?) throws(HotelError) -> Booking {
        try onID(id) { (id) throws(HotelError) in
            do throws(HotelError) {
                return try aroundCurrentRoom(of: id) { (currentRoom, hotel) throws(HotelError) in
                    let decision = ChangeBooking(booking: id, currentRoom: currentRoom, room: room, arrival: arrival, departure: departure, now: now, today: today)
                    return try changing(id, decision.holdersDrawn(from: hotel))
                }
            } catch .rejected(.unknownRoom(let room, _)) {
                throw try unknownRoom(room)
            }
        }
    }

    /// Undoes the booking's last check-in, check-out, no-show or cancellation (``UndoLastStep``).
    ///
    /// - Returns: The booking as it now stands.
    public func undo(_ id: BookingID, reason: Reason? = nil) throws(HotelError) -> Booking {
        try onID(id) { (id) throws(HotelError) in
            try aroundCurrentRoom(of: id) { (room, hotel) throws(HotelError) in
                try changing(id, UndoLastStep(booking: id, currentRoom: room, reason: reason, now: now).holdersDrawn(from: hotel))
            }
        }
    }

    /// Records a check-in, a check-out or a no-show today (the clock's local date).
    /// A check-in to a dirty room is refused unless `dirtyOK` (``BookingError/roomNotReady(_:_:)``).
    public func record(_ kind: StayMilestone.Kind, _ id: BookingID, fee: String? = nil, allowingBalance: Bool = false, dirtyOK: Bool = false) throws(HotelError) -> Booking {
        let now = self.now
        // The desk's local date is written: it must be a day the log can hold (a time zone can push it past).
        guard today.isRecordable else { throw .rejected(.invalidStay(.outOfCalendar("today (\(today))"))) }
        return try onID(id) { (id) throws(HotelError) in
            guard kind == .checkedIn else {
                return try changing(id, RecordMilestone(kind, booking: id, today: today, now: now, fee: fee, allowsBalance: allowingBalance))
            }
            return try aroundCurrentRoom(of: id) { (currentRoom, _) throws(HotelError) in
                try changing(id, RecordMilestone(kind, booking: id, today: today, now: now, currentRoom: currentRoom, dirtyOK: dirtyOK))
            }
        }
    }

    /// Takes `room` out of service for `stay`'s nights.
    ///
    /// - Returns: The new block's id (`bl` and eight characters).
    public func block(room: RoomName, stay: Stay, reason: Reason?) throws(HotelError) -> BookingID {
        for _ in 0..<Self.idAttempts {
            let id = BookingID(unchecked: "bl" + newBookingID.next().rawValue.dropFirst(2))
            do throws(HotelError) {
                _ = try run(BlockRoom(block: id, room: room, stay: stay, reason: reason, now: now).holdersDrawn(from: try state(query: .all)))
                return id
            } catch .rejected(.bookingIDTaken) {
                continue
            } catch .rejected(.unknownRoom(let room, _)) {
                throw try unknownRoom(room)
            }
        }
        throw .tooManyConflicts(attempts: Self.idAttempts)
    }

    /// Ends a block.
    ///
    /// - Returns: The block, ended.
    public func unblock(_ id: BookingID) throws(HotelError) -> Block {
        try onID(id) { (id) throws(HotelError) in
            guard let block = try changed(id, by: UnblockRoom(block: id)).block else { throw .rejected(.notABlock(id)) }
            return block
        }
    }
}

/// Runs commands inside ``FrontDesk/batch(_:)``: each sees the state the earlier ones left.
public struct BatchDesk: CommandRunner {
    let session: BatchSession
    public let newBookingID: BookingIDGenerator
    public let clock: WallClock
    public let today: Day
    /// The side store of personal data, whose lock the batch holds (nil if the batch took none: then its
    /// guests commands are refused).
    let guests: (any GuestVault)?

    public func run(_ decision: some Decision) throws(HotelError) -> (events: [DomainEvent], state: any HotelReadModel) {
        // Not the state before: holding it while the session changes would copy the whole state each time.
        do { return (try session.run(decision), session.state) } catch { throw .rejected(error) }
    }

    public func state(query: Query) throws(HotelError) -> any HotelReadModel { session.state }

    /// The values are written now (a record the log does not know until the batch is is never shown); the
    /// batch's end tidies the side file (``FrontDesk/holdingGuests(_:_:)``).
    public func setGuest(_ client: ClientID, _ values: [GuestField: String]) throws(HotelError) {
        guard let guests else { throw .rejected(.guestsNotKept) }
        try recordGuestProfile(client, values, in: guests, attempts: 1)
    }

    /// Recorded with the batch; the values are erased once it is written.
    public func forgetGuest(_ client: ClientID, reason: Reason?) throws(HotelError) {
        guard let guests else { throw .rejected(.guestsNotKept) }
        try recordForgetting(client, reason: reason, in: guests)
    }
}
