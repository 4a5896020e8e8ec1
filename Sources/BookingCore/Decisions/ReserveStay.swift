/// Books or holds a room for a stay, under a new id: `hotel book` and `hotel hold`, by room or by type.
///
/// Rejected if the room (or every room of the type) is not registered or is held for a night of the stay
/// (by a booking, an unexpired hold or a block), or if the id is already used in the store (the handler
/// then draws another). With an idempotency key the id is derived from the key: if it is already used by
/// a booking made with the same key, nothing new is recorded when the request is the same and it is refused
/// when it is not; a booking made with another key (or none) under the id is a collision of derived ids,
/// refused as an id taken, so that the handler takes the key's next id.
public struct ReserveStay: ReadsRoomNights {
    /// Which room: a named one, or the best free one of a type (``RoomChoice``).
    public enum Target: Sendable, Equatable {
        case room(RoomName)
        /// A type and its registered rooms when the command started (the consistency boundary).
        case type(RoomType, rooms: [RoomName])
    }

    public var booking: BookingID
    public var client: ClientID?
    public var target: Target
    public var stay: Stay
    /// nil for a booking; the expiry for a hold.
    public var holdUntil: Instant?
    public var idempotencyKey: IdempotencyKey?
    /// The clock's reading: holds that expired by then no longer hold their rooms.
    public var now: Instant
    public var decidedAt: Instant? { now }
    /// The bookings holding the nights it reads when the command read the hotel (see ``ReadsRoomNights``).
    public var holders: [BookingID]
    /// The negotiated price per night as typed (`--price`): its form depends on the currency.
    public var negotiatedPrice: String?
    /// A hold's deposit as typed (`--deposit`): a payment bringing what was paid to it confirms the hold.
    public var deposit: String?

    public init(
        booking: BookingID, client: ClientID?, target: Target, stay: Stay, holdUntil: Instant? = nil,
        idempotencyKey: IdempotencyKey? = nil, now: Instant, holders: [BookingID] = [], negotiatedPrice: String? = nil, deposit: String? = nil
    ) {
        precondition(deposit == nil || holdUntil != nil, "a deposit is a hold's")
        self.negotiatedPrice = negotiatedPrice
        self.deposit = deposit
        self.booking = booking
        self.client = client
        self.target = target
        self.stay = stay
        self.holdUntil = holdUntil
        self.idempotencyKey = idempotencyKey
        self.now = now
        self.holders = holders
    }

    /// The rooms it may take.
    var candidates: [RoomName] {
        switch target {
        case .room(let room): return [room]
        case .type(_, let rooms): return rooms
        }
    }

    /// Everything about the candidate rooms and the bookings holding their nights, and any event of the
    /// new id.
    public var query: Query {
        Query(candidates.map { QueryItem(types: [], tags: [.room($0)]) } + QueryItem.events(of: booking) + holderItems + QueryItem.pricing)
    }

    /// The stay's nights in a named room; by type, those ``RoomChoice`` looks at in every candidate.
    public func nightsRead(in state: some HotelReadModel) -> [(room: RoomName, nights: Stay)] {
        switch target {
        case .room(let room): return [(room, stay)]
        case .type(_, let rooms): return rooms.map { ($0, RoomChoice.nightsLookedAt(around: stay)) }
        }
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        switch state.entry(booking) {
        case .booking(let existing)?:
            guard let idempotencyKey, let existingKey = existing.idempotencyKey, existingKey == idempotencyKey else { throw .bookingIDTaken(booking) }
            guard isRepeat(of: existing, in: state) else { throw .idempotencyKeyReused(idempotencyKey, existing: booking) }
            return []
        case .block?: throw .bookingIDTaken(booking)
        case nil: break
        }
        // What verify holds every log to: a stay of at most Stay.maximumNights, a hold of at most 30 days.
        do throws(InvalidValue) { _ = try stay.checkedLength() } catch { throw .invalidStay(error) }
        if let holdUntil, holdUntil > now.adding(seconds: HoldDuration.maximumSeconds) { throw .invalidStay(.holdDuration("until \(holdUntil)")) }
        let room: RoomName
        switch target {
        case .room(let named):
            guard state.hasRoom(named) else { throw .unknownRoom(named, suggestion: nil) }
            if let holder = state.firstHolding(room: named, stay: stay, at: now, except: nil) { throw .taken(named, stay, by: holder) }
            room = named
        case .type(let type, let rooms):
            let ofType = rooms.filter { state.roomType($0) == type }
            guard !ofType.isEmpty else { throw .unknownRoomType(type, suggestion: nil) }
            guard let best = RoomChoice.best(among: ofType, for: stay, in: state, at: now) else { throw .noRoomOfTypeFree(type, stay) }
            room = best
        }
        let price = try state.tariff.price(of: state.roomType(room) ?? .standard, for: stay, negotiated: try negotiatedPrice.map { (text) throws(BookingError) in try state.tariff.amount(text) })
        if let holdUntil {
            let deposit = try self.deposit.map { (text) throws(BookingError) in try state.tariff.positiveAmount(text, option: "--deposit") }
            return [.roomHeld(RoomHeld(booking: booking, client: client, room: room, stay: stay, expiresAt: holdUntil, idempotencyKey: idempotencyKey, price: price, deposit: deposit))]
        }
        guard let client else { throw .bookingWithoutClient }
        return [.roomBooked(RoomBooked(booking: booking, client: client, room: room, stay: stay, idempotencyKey: idempotencyKey, price: price))]
    }

    /// Whether `existing` is what this request made: the same command (hold or book), client, stay, room (or
    /// a room of the type), negotiated price and deposit. A booking changed since no longer matches its first
    /// request.
    private func isRepeat(of existing: Booking, in state: some HotelReadModel) -> Bool {
        guard existing.beganAsHold == (holdUntil != nil), existing.stay == stay else { return false }
        let folio = state.folio(booking)
        func same(_ typed: String?, _ recorded: Amount?) -> Bool {
            guard let typed else { return recorded == nil }
            return (try? state.tariff.amount(typed)) == recorded
        }
        guard same(negotiatedPrice, folio?.price?.negotiated), same(deposit, folio?.deposit) else { return false }
        if let client, existing.client != client { return false }
        if client == nil, holdUntil != nil, existing.status == .held, existing.client != nil { return false }
        switch target {
        case .room(let room): return existing.room == room
        case .type(let type, _): return state.roomType(existing.room) == type
        }
    }
}
