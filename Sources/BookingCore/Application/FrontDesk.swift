/// The application: runs commands (which record events and return at most an id) and queries (which read
/// projections and change nothing) against an ``EventStore``.
///
/// A command reads its decision's query, decides, and appends on the condition that nothing matching the
/// query was recorded since; on a conflict it reads and decides again, up to ``maximumAttempts`` times.
/// This is what keeps two processes booking the same room at once from both succeeding.
public struct FrontDesk: CommandRunner, Sendable {
    /// Where events are read and recorded.
    public let store: any EventStore
    /// Draws new booking ids.
    public let newBookingID: BookingIDGenerator
    /// What time it is: holds expire by it and events are stamped with it. Never before the log's last
    /// event, so that a clock stepped back (an NTP step, an earlier `HOTEL_NOW`) never brings back a hold
    /// that the log already treated as expired.
    public let clock: WallClock
    /// The clock as given: "today" is its local date (the desk's calendar follows the wall clock).
    public let wallClock: WallClock
    /// How many times a command reads and decides before giving up on conflicts.
    public let maximumAttempts: Int
    /// The hotel at a past point, for a desk made by ``asOf(_:)``: queries answer from it, commands stop.
    /// (Never mutated: a value, or a read-only mapped snapshot, so sharing it across threads is safe.)
    nonisolated(unsafe) private let pinned: (any HotelReadModel)?

    public init(store: any EventStore, newBookingID: BookingIDGenerator = .random, clock: WallClock = .system, maximumAttempts: Int = 25) {
        self.store = store
        self.newBookingID = newBookingID
        self.wallClock = clock
        // Never before the log's last event: a clock stepped back decides and shows nothing the log has
        // already gone past.
        if let provider = store.modelProvider {
            self.clock = WallClock { max(clock.secondsSince1970(), provider.latestRecordedAt()?.secondsSince1970 ?? .min) }
        } else {
            self.clock = clock
        }
        self.maximumAttempts = maximumAttempts
        self.pinned = nil
    }

    /// A desk whose queries answer from `model` at the time `now` (see ``asOf(_:)``).
    init(pinned model: any HotelReadModel, store: any EventStore, newBookingID: BookingIDGenerator, now: Instant) {
        self.store = store
        self.newBookingID = newBookingID
        self.clock = .fixed(secondsSince1970: now.secondsSince1970)
        self.wallClock = clock
        self.maximumAttempts = 0
        self.pinned = model
    }

    // MARK: Commands

    /// Runs a decision: reads, decides, appends on condition, retries on conflict (see ``execute(_:)``).
    public func run(_ decision: some Decision) throws(HotelError) -> (events: [DomainEvent], state: any HotelReadModel) {
        let result = try decideAndAppend(decision)
        // The next command that writes finishes what a killed guests command left (see GuestVault).
        if !result.events.isEmpty { finishGuestUpkeep() }
        return result
    }

    public func state(query: Query) throws(HotelError) -> any HotelReadModel {
        try model(query: query)
    }

    /// Runs `body` with a desk whose commands are decided back to back on one hold of the store's lock and
    /// recorded with one sync when `body` returns. Nothing is durable, so nothing should be
    /// acknowledged, before this returns. On a store without batches, each command is recorded on its own.
    ///
    /// - Throws: ``HotelError`` if the store cannot be read or the batch cannot be written; then none of
    ///   the batch's commands is recorded.
    ///
    /// - Parameter expectedCommands: About how many commands `body` will run (sizes the write buffer).
    /// - Parameter guests: Whether `body` runs guests commands: the batch then holds the guests' lock
    ///   (``GuestVault``) too, taken before the store's.
    public func batch<R>(expectedCommands: Int = 0, guests: Bool = false, _ body: (any CommandRunner) -> R) throws(HotelError) -> R {
        precondition(pinned == nil, "a desk as of a past point records nothing")
        return try holdingGuests(guests) { (vault) throws(HotelError) in
            guard let store = store.modelProvider else { return body(self) }
            let staged = vault.map(StagedGuestVault.init)
            var unwritten: EventStoreError?
            let result = try store.batch(expectedCommands: expectedCommands) { session in
                let result = body(desk(session, guests: staged))
                unwritten = Self.flush(staged, before: session)
                return result
            }
            if let unwritten { throw .store(unwritten) }
            return result
        }
    }

    /// Writes a batch's staged guests' values before its events (values before the events that name them);
    /// if they cannot be written, the session's events are discarded, so that nothing is.
    /// - Returns: The write's error, if it failed.
    private static func flush(_ staged: StagedGuestVault?, before session: BatchSession) -> EventStoreError? {
        do throws(EventStoreError) { try staged?.flush() } catch {
            session.discard()
            return error
        }
        return nil
    }

    /// The desk a batch's commands run on.
    private func desk(_ session: BatchSession, guests: (any GuestVault)?) -> BatchDesk {
        BatchDesk(session: session, newBookingID: newBookingID, clock: .fixed(secondsSince1970: session.now.secondsSince1970), today: today, guests: guests)
    }

    /// Runs `body` as ``batch(expectedCommands:_:)`` does, all or nothing: if it returns a failure (the first
    /// command refused, say), none of the batch's commands is recorded; if a success, all of them are, with
    /// one sync. The rule is the same on every store: the session's events are written only if `body`
    /// succeeded (``ModelProvidingStore/batch(expectedCommands:_:)`` appends nothing for a session with no
    /// events). On a store without batches the commands are decided on the log folded in memory and recorded
    /// with one append, on the condition that nothing was recorded meanwhile.
    ///
    /// - Throws: ``HotelError`` if the store cannot be read or the batch cannot be written (then nothing is
    ///   recorded either); ``HotelError/tooManyConflicts(attempts:)`` if, on a store without batches, another
    ///   writer recorded an event while the batch was decided.
    public func atomicBatch<Success, Failure: Error>(
        expectedCommands: Int = 0, guests: Bool = false, _ body: (any CommandRunner) -> Result<Success, Failure>
    ) throws(HotelError) -> Result<Success, Failure> {
        precondition(pinned == nil, "a desk as of a past point records nothing")
        return try holdingGuests(guests) { (vault) throws(HotelError) in
            let staged = vault.map(StagedGuestVault.init)
            if let store = store.modelProvider {
                var unwritten: EventStoreError?
                let result = try store.batch(expectedCommands: expectedCommands) { session in
                    let result = body(desk(session, guests: staged))
                    if case .failure = result { session.discard() } else { unwritten = Self.flush(staged, before: session) }
                    return result
                }
                if let unwritten { throw .store(unwritten) }
                return result
            }
            let read: ReadResult
            do throws(EventStoreError) { read = try store.read(.all) } catch { throw .store(error) }
            let folded: HotelProjection
            do throws(EventDataError) { folded = try HotelProjection(recorded: read.events, head: read.head) } catch { throw .invalidEvent(error) }
            let session = BatchSession(model: CachedHotelModel(folded: folded), now: now, expectedCommands: expectedCommands)
            let result = body(desk(session, guests: staged))
            guard case .success = result, !session.events.isEmpty else { return result }
            do throws(EventStoreError) {
                try staged?.flush()
                _ = try store.append(session.events.map(\.storeEvent), condition: AppendCondition(failIfEventsMatch: .all, after: read.head))
            } catch .conflict {
                throw .tooManyConflicts(attempts: 1)
            } catch {
                throw .store(error)
            }
            return result
        }
    }

    /// The wall clock's local date.
    public var today: Day { Instant(secondsSince1970: wallClock.secondsSince1970()).localDay }

    /// Runs a command (`body`, with this desk): if its decision was overtaken by a later event's time
    /// (it waited for the lock while another writer recorded), it is run again with the clock read anew,
    /// and at last decided under the store's lock, where nothing can overtake it.
    public func command<T>(_ body: (any CommandRunner) throws(HotelError) -> T) throws(HotelError) -> T {
        for _ in 0..<3 {
            do throws(HotelError) { return try body(self) } catch .decidedTooEarly { continue } catch .damagedSnapshot {
                continue
            } catch {
                // An answer read from a damaged snapshot (a refusal, a suggestion) is found again on the log.
                guard let store = store.modelProvider, store.snapshotWasDamaged else { throw error }
                store.discardSnapshot()
            }
        }
        return try batch(expectedCommands: 1) { runner in Result { () throws(HotelError) in try body(runner) } }.get()
    }

    // MARK: Queries

    // A query given a room or a type the hotel does not have is refused, as a command is: an empty answer
    // would pass for "nothing free" or "no bookings".

    /// The registered rooms (of `type`, if given) with their types, in byte order of their names.
    /// - Throws: ``BookingError/unknownRoomType(_:suggestion:)`` if no room has the type.
    public func rooms(ofType type: RoomType? = nil) throws(HotelError) -> [(name: RoomName, type: RoomType)] {
        try answer { (model) throws(BookingError) in
            if let type { try model.requireType(type) }
            return model.rooms(ofType: type).compactMap { room in model.roomType(room).map { (room, $0) } }
        }
    }

    /// The rooms (of `type`, if given) free for the whole `stay` now, in byte order of their names.
    /// - Throws: ``BookingError/unknownRoomType(_:suggestion:)`` if no room has the type.
    public func freeRooms(for stay: Stay, ofType type: RoomType? = nil) throws(HotelError) -> [RoomName] {
        let now = now
        return try answer { (model) throws(BookingError) in
            if let type { try model.requireType(type) }
            return model.freeRooms(for: stay, at: now, ofType: type)
        }
    }

    /// For each room type, in byte order: how many of its rooms are free for the whole `stay` now, of how many.
    public func availability(for stay: Stay) throws(HotelError) -> [(type: RoomType, free: Int, total: Int)] {
        let now = now
        return try answer { model in
            var totals: [RoomType: Int] = [:]
            for room in model.roomNames() { totals[model.roomType(room) ?? .standard, default: 0] += 1 }
            var free: [RoomType: Int] = [:]
            for room in model.freeRooms(for: stay, at: now, ofType: nil) { free[model.roomType(room) ?? .standard, default: 0] += 1 }
            return totals.keys.sorted().map { ($0, free[$0] ?? 0, totals[$0]!) }
        }
    }

    /// Occupied, free and out-of-service room-nights over `stay`'s nights, by night, type or room (of `type`, if
    /// given), judged now.
    /// - Throws: ``BookingError/unknownRoomType(_:suggestion:)`` if no room has the type.
    public func occupancy(nights stay: Stay, by grouping: Occupancy.Grouping, ofType type: RoomType? = nil) throws(HotelError) -> Occupancy {
        let now = now
        return try answer { (model) throws(BookingError) in
            if let type { try model.requireType(type) }
            return Occupancy(model, nights: stay, by: grouping, ofType: type, at: now)
        }
    }

    /// The night audit of `day` (see ``NightAudit``), judged now.
    public func audit(on day: Day) throws(HotelError) -> NightAudit {
        let now = now
        return try answer { NightAudit($0, on: day, at: now) }
    }

    /// The stays of the desk's list `list` on `day` (see ``DayList``), judged now.
    public func stays(_ list: DayList, on day: Day) throws(HotelError) -> [Booking] {
        let now = now
        return try answer { $0.stays(list, on: day, at: now) }
    }

    /// The bookings that `filter` includes, by arrival, then room, then id.
    /// - Throws: ``BookingError/unknownRoom(_:suggestion:)`` if the filter's room is not registered.
    public func bookings(matching filter: BookingFilter) throws(HotelError) -> [Booking] {
        try answer { (model) throws(BookingError) in
            if let room = filter.room { try model.requireRoom(room) }
            return model.bookings(matching: filter)
        }
    }

    /// The blocks that `filter` includes, ended or not, by first night, then room, then id.
    public func blocks(matching filter: BlockFilter) throws(HotelError) -> [Block] {
        try answer { $0.blocks(matching: filter) }
    }

    /// Calls `body` with each booking `filter` includes, in the order of ``bookings(matching:)``, without
    /// holding them all when the store's model can stream them.
    public func forEachBooking(matching filter: BookingFilter, _ body: (Booking) -> Void) throws(HotelError) {
        // A client's, a room's or some days' bookings are few: found, checked, then handed over.
        if filter.client != nil || filter.room != nil || filter.dayBounds != (nil, nil) {
            return try bookings(matching: filter).forEach(body)
        }
        // The whole list is handed over as it is read: every page is checked first (the list reads most of
        // them anyway), so that nothing is handed over from a damaged one.
        var model = try model(query: .all)
        if !model.checkWhole(), let store = store.modelProvider {
            store.discardSnapshot()
            model = try self.model(query: .all)
        }
        // A snapshot cut short while it is read (truncated in place) reads zeros from then on: each booking is
        // handed over only if the model was sound when it was read, and the list goes on from the log.
        var last: Booking?
        var interrupted = false
        model.forEachBooking(matching: filter) { booking in
            guard !interrupted else { return }
            guard model.isIntact else { return interrupted = true }
            body(booking)
            last = booking
        }
        // (Zeros read after the last booking handed over end the list early, as if it had no more.)
        if !model.isIntact { interrupted = true }
        guard interrupted, let store = store.modelProvider else { return }
        store.discardSnapshot()
        try self.model(query: .all).forEachBooking(matching: filter) { booking in
            if let last, !Booking.listOrder(last, booking) { return }
            body(booking)
        }
    }

    /// Runs a query on the hotel at the head; if the snapshot it read from turns out damaged, the snapshot
    /// is deleted and the query answered (or refused) again from the log.
    func answer<T>(_ body: (any HotelReadModel) throws(BookingError) -> T) throws(HotelError) -> T {
        let model = try model(query: .all)
        var result = Result { () throws(BookingError) in try body(model) }
        if !model.isIntact, let store = store.modelProvider {
            store.discardSnapshot()
            let again = try self.model(query: .all)
            result = Result { () throws(BookingError) in try body(again) }
        }
        do { return try result.get() } catch { throw .rejected(error) }
    }

    /// The hotel at the store's head: the store's own model if it has one, else every event folded into a
    /// ``HotelProjection``. (`query` says what the caller needs; a booking's events can carry other tags
    /// than the ones it asks for, such as a change's previous room, so the whole log is folded.)
    public func model(query: Query = .all) throws(HotelError) -> any HotelReadModel {
        if let pinned { return pinned }
        if let store = store.modelProvider { return try store.currentModel().model }
        let result: ReadResult
        do { result = try store.read(.all) } catch { throw .store(error) }
        do { return try HotelProjection(recorded: result.events, head: result.head) } catch { throw .invalidEvent(error) }
    }

    // MARK: Running decisions

    /// Reads the decision's state, decides, and appends with the decision's query as the condition after
    /// the state's head; on a conflict, reads and decides again.
    ///
    /// - Returns: The recorded events.
    @discardableResult
    public func execute(_ decision: some Decision) throws(HotelError) -> [DomainEvent] {
        try decideAndAppend(decision).events
    }

    /// ``execute(_:)``, also returning the state the recorded events were decided on.
    private func decideAndAppend(_ decision: some Decision) throws(HotelError) -> (events: [DomainEvent], state: any HotelReadModel) {
        precondition(pinned == nil, "a desk as of a past point records nothing")
        let query = decision.query
        for _ in 0..<maximumAttempts {
            let recorded: Bool
            let events: [DomainEvent]
            let state: any HotelReadModel
            if let store = store.modelProvider {
                let (model, hint) = try store.currentModel()
                let decided: Result<[DomainEvent], HotelError> = Result { () throws(HotelError) in try decide(decision, on: model) }
                // Decided on a damaged snapshot (accepted or refused): the whole command is run again on the log.
                guard model.isIntact else {
                    store.discardSnapshot()
                    throw .damagedSnapshot
                }
                (events, state) = (try decided.get(), model)
                let condition = AppendCondition(failIfEventsMatch: query, after: model.head)
                // Nothing to record (a repeated request, a change to what already is): nothing to append.
                if events.isEmpty { return (events, state) }
                recorded = try appended { () throws(EventStoreError) in
                    // A decision no clock enters is stamped with the desk's time, never before the log's last.
                    try store.append(events.map(\.storeEvent), condition: condition, hint: hint, decidedAt: decision.decidedAt ?? now)
                }
            } else {
                let model = try self.model(query: query)
                (events, state) = (try decide(decision, on: model), model)
                let condition = AppendCondition(failIfEventsMatch: query, after: model.head)
                if events.isEmpty { return (events, state) }
                recorded = try appended { () throws(EventStoreError) in try store.append(events.map(\.storeEvent), condition: condition) }
            }
            if recorded { return (events, state) }
        }
        throw .tooManyConflicts(attempts: maximumAttempts)
    }

    /// Runs an append: true if it was recorded, false on a conflict.
    private func appended(_ append: () throws(EventStoreError) -> Position) throws(HotelError) -> Bool {
        do {
            _ = try append()
            return true
        } catch .conflict {
            return false
        } catch .recordedLater {
            // The decision's clock reading is older than the log: the command must read the clock again.
            throw .decidedTooEarly
        } catch {
            throw .store(error)
        }
    }

    private func decide(_ decision: some Decision, on model: any HotelReadModel) throws(HotelError) -> [DomainEvent] {
        do { return try decision.decide(on: model) } catch { throw .rejected(error) }
    }
}
