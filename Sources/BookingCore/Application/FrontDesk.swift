/// The application: runs commands (which record events and return at most an id) and queries (which read
/// projections and change nothing) against an ``EventStore``.
///
/// A command reads its decision's query, decides, and appends on the condition that nothing matching the
/// query was recorded since; on a conflict it reads and decides again, up to ``maximumAttempts`` times.
/// This is what keeps two processes booking the same room at once from both succeeding.
public struct FrontDesk: Sendable {
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

    /// Registers rooms: all of them, or none if any exists.
    public func addRooms(_ rooms: [RoomName]) throws(HotelError) {
        _ = try execute(AddRooms(rooms: rooms))
    }

    /// Books `room` for `client`'s `stay`.
    ///
    /// - Returns: The new booking's id.
    /// - Throws: ``HotelError/rejected(_:)`` with ``BookingError/unknownRoom(_:suggestion:)`` (with the
    ///   nearest registered name) or ``BookingError/roomNotFree(_:_:blockedBy:blockingStay:)``.
    public func book(client: ClientID, room: RoomName, stay: Stay) throws(HotelError) -> BookingID {
        var id = newBookingID.next()
        for _ in 0..<maximumAttempts {
            do throws(HotelError) {
                _ = try execute(BookRoom(booking: id, client: client, room: room, stay: stay))
                return id
            } catch .rejected(.bookingIDTaken) {
                id = newBookingID.next()
            } catch .rejected(.unknownRoom(let room, _)) {
                throw .rejected(.unknownRoom(room, suggestion: room.nearest(in: try self.rooms())))
            }
        }
        throw .tooManyConflicts(attempts: maximumAttempts)
    }

    /// Cancels an active booking.
    ///
    /// - Returns: The cancelled booking as it now stands.
    public func cancel(_ booking: BookingID) throws(HotelError) -> Booking {
        let events = try execute(CancelBooking(booking: booking))
        guard case .bookingCancelled? = events.first,
              var cancelled = try model(query: CancelBooking(booking: booking).query).booking(booking)
        else { throw .rejected(.unknownBooking(booking)) }
        cancelled.status = .cancelled
        return cancelled
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

    /// The hotel at the store's head: the store's own model if it has one, else the events of `query`
    /// folded into a ``HotelProjection``.
    public func model(query: Query = .all) throws(HotelError) -> any HotelReadModel {
        if let store = store as? any ModelProvidingStore { return try store.currentModel().model }
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
        let query = decision.query
        for _ in 0..<maximumAttempts {
            let recorded: Bool
            let events: [DomainEvent]
            if let store = store as? any ModelProvidingStore {
                let (model, hint) = try store.currentModel()
                events = try decide(decision, on: model)
                let condition = AppendCondition(failIfEventsMatch: query, after: model.head)
                recorded = try appended { () throws(EventStoreError) in try store.append(events.map(\.storeEvent), condition: condition, hint: hint) }
            } else {
                let model = try self.model(query: query)
                events = try decide(decision, on: model)
                let condition = AppendCondition(failIfEventsMatch: query, after: model.head)
                recorded = try appended { () throws(EventStoreError) in try store.append(events.map(\.storeEvent), condition: condition) }
            }
            if recorded { return events }
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
