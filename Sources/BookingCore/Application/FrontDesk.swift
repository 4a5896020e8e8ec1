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
    /// How many times a command reads and decides before giving up on conflicts.
    public let maximumAttempts: Int

    public init(store: any EventStore, newBookingID: BookingIDGenerator = .random, maximumAttempts: Int = 25) {
        self.store = store
        self.newBookingID = newBookingID
        self.maximumAttempts = maximumAttempts
    }

    // MARK: Commands

    /// Runs a decision: reads, decides, appends on condition, retries on conflict (see ``execute(_:)``).
    public func run(_ decision: some Decision) throws(HotelError) -> (events: [DomainEvent], state: any HotelReadModel) {
        try decideAndAppend(decision)
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
    public func batch<R>(expectedCommands: Int = 0, _ body: (any CommandRunner) -> R) throws(HotelError) -> R {
        guard let store = store.modelProvider else { return body(self) }
        return try store.batch(expectedCommands: expectedCommands) { session in body(BatchDesk(session: session, newBookingID: newBookingID)) }
    }

    // MARK: Queries

    /// The registered rooms, in byte order of their names.
    public func rooms() throws(HotelError) -> [RoomName] {
        try model(query: Query([QueryItem(types: [RoomAdded.type], tags: [])])).roomNames()
    }

    /// The rooms free for the whole `stay`, in byte order of their names.
    public func freeRooms(for stay: Stay) throws(HotelError) -> [RoomName] {
        try model(query: .all).freeRooms(for: stay)
    }

    /// The bookings that `filter` includes, by arrival, then room, then id.
    public func bookings(matching filter: BookingFilter) throws(HotelError) -> [Booking] {
        try model(query: filter.query).bookings(matching: filter)
    }

    /// Calls `body` with each booking `filter` includes, in the order of ``bookings(matching:)``, without
    /// holding them all when the store's model can stream them.
    public func forEachBooking(matching filter: BookingFilter, _ body: (Booking) -> Void) throws(HotelError) {
        try model(query: filter.query).forEachBooking(matching: filter, body)
    }

    /// The hotel at the store's head: the store's own model if it has one, else the events of `query`
    /// folded into a ``HotelProjection``.
    public func model(query: Query = .all) throws(HotelError) -> any HotelReadModel {
        if let store = store.modelProvider { return try store.currentModel().model }
        let result: ReadResult
        do { result = try store.read(query) } catch { throw .store(error) }
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
        let query = decision.query
        for _ in 0..<maximumAttempts {
            let recorded: Bool
            let events: [DomainEvent]
            let state: any HotelReadModel
            if let store = store.modelProvider {
                let (model, hint) = try store.currentModel()
                (events, state) = (try decide(decision, on: model), model)
                let condition = AppendCondition(failIfEventsMatch: query, after: model.head)
                recorded = try appended { () throws(EventStoreError) in try store.append(events.map(\.storeEvent), condition: condition, hint: hint) }
            } else {
                let model = try self.model(query: query)
                (events, state) = (try decide(decision, on: model), model)
                let condition = AppendCondition(failIfEventsMatch: query, after: model.head)
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
        } catch {
            throw .store(error)
        }
    }

    private func decide(_ decision: some Decision, on model: any HotelReadModel) throws(HotelError) -> [DomainEvent] {
        do { return try decision.decide(on: model) } catch { throw .rejected(error) }
    }
}
