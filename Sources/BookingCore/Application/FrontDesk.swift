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
        let history = try read(Query([QueryItem(types: [RoomBooked.type], tags: [.booking(booking)])]))
        guard case .roomBooked(let e)? = history.last, !events.isEmpty else { throw .rejected(.unknownBooking(booking)) }
        return Booking(id: booking, client: e.client, room: e.room, stay: e.stay, status: .cancelled)
    }

    // MARK: Queries

    /// The registered rooms, in byte order of their names.
    public func rooms() throws(HotelError) -> [RoomName] {
        HotelProjection(try read(Query([QueryItem(types: [RoomAdded.type], tags: [])]))).sortedRooms
    }

    /// The rooms free for the whole `stay`, in byte order of their names.
    public func freeRooms(for stay: Stay) throws(HotelError) -> [RoomName] {
        try projection().freeRooms(for: stay)
    }

    /// The bookings that `filter` includes, by arrival, then room, then id.
    public func bookings(matching filter: BookingFilter) throws(HotelError) -> [Booking] {
        HotelProjection(try read(filter.query)).bookings(matching: filter)
    }

    /// The whole hotel, replayed from the log.
    public func projection() throws(HotelError) -> HotelProjection {
        HotelProjection(try read(.all))
    }

    // MARK: Running decisions

    /// Reads, decides and appends with the decision's query as the append condition, retrying on conflict.
    ///
    /// - Returns: The recorded events.
    @discardableResult
    public func execute(_ decision: some Decision) throws(HotelError) -> [DomainEvent] {
        let query = decision.query
        for _ in 0..<maximumAttempts {
            let result: ReadResult
            do { result = try store.read(query) } catch { throw .store(error) }
            let history = try decode(result.events)
            let events: [DomainEvent]
            do { events = try decision.decide(given: history) } catch { throw .rejected(error) }
            do throws(EventStoreError) {
                try store.append(events.map(\.storeEvent), condition: AppendCondition(failIfEventsMatch: query, after: result.head))
                return events
            } catch .conflict {
                continue
            } catch {
                throw .store(error)
            }
        }
        throw .tooManyConflicts(attempts: maximumAttempts)
    }

    private func read(_ query: Query) throws(HotelError) -> [DomainEvent] {
        let result: ReadResult
        do { result = try store.read(query) } catch { throw .store(error) }
        return try decode(result.events)
    }

    private func decode(_ events: [SequencedEvent]) throws(HotelError) -> [DomainEvent] {
        var decoded: [DomainEvent] = []
        decoded.reserveCapacity(events.count)
        for event in events {
            do { decoded.append(try DomainEvent(event)) } catch { throw .invalidEvent(error) }
        }
        return decoded
    }
}
