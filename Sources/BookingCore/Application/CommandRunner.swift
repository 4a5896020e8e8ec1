/// Something that runs decisions: ``FrontDesk`` (read, decide, conditional append, retry) or a
/// ``BatchDesk`` (decide on a batch's state). The commands themselves are written once, here.
public protocol CommandRunner {
    /// Draws new booking ids.
    var newBookingID: BookingIDGenerator { get }

    /// Decides and records; returns the recorded events and a state that holds what the decision read (the
    /// one it was decided on, or in a batch the one just after).
    func run(_ decision: some Decision) throws(HotelError) -> (events: [DomainEvent], state: any HotelReadModel)

    /// The hotel's state, with at least the events matching `query`.
    func state(query: Query) throws(HotelError) -> any HotelReadModel
}

extension CommandRunner {
    /// How many ids `book` draws before giving up (ids are 40 random bits: a second draw is already rare).
    static var idAttempts: Int { 25 }

    /// Registers rooms: all of them, or none if any exists.
    public func addRooms(_ rooms: [RoomName]) throws(HotelError) {
        _ = try run(AddRooms(rooms: rooms))
    }

    /// Books `room` for `client`'s `stay`.
    ///
    /// - Returns: The new booking's id.
    /// - Throws: ``HotelError/rejected(_:)`` with ``BookingError/unknownRoom(_:suggestion:)`` (with the
    ///   nearest registered name) or ``BookingError/roomNotFree(_:_:blockedBy:blockingStay:)``.
    public func book(client: ClientID, room: RoomName, stay: Stay) throws(HotelError) -> BookingID {
        for _ in 0..<Self.idAttempts {
            let id = newBookingID.next()
            do throws(HotelError) {
                _ = try run(BookRoom(booking: id, client: client, room: room, stay: stay))
                return id
            } catch .rejected(.bookingIDTaken) {
                continue
            } catch .rejected(.unknownRoom(let room, _)) {
                let rooms = try state(query: Query([QueryItem(types: [RoomAdded.type], tags: [])])).roomNames()
                throw .rejected(.unknownRoom(room, suggestion: room.nearest(in: rooms)))
            }
        }
        throw .tooManyConflicts(attempts: Self.idAttempts)
    }

    /// Cancels an active booking.
    ///
    /// - Returns: The cancelled booking as it now stands.
    public func cancel(_ booking: BookingID) throws(HotelError) -> Booking {
        let (events, before) = try run(CancelBooking(booking: booking))
        guard case .bookingCancelled? = events.first, var cancelled = before.booking(booking) else {
            throw .rejected(.unknownBooking(booking))
        }
        cancelled.status = .cancelled
        return cancelled
    }
}

/// Runs commands inside ``FrontDesk/batch(_:)``: each sees the state the earlier ones left.
public struct BatchDesk: CommandRunner {
    let session: BatchSession
    public let newBookingID: BookingIDGenerator

    public func run(_ decision: some Decision) throws(HotelError) -> (events: [DomainEvent], state: any HotelReadModel) {
        // Not the state before: holding it while the session changes would copy the whole state each time.
        do { return (try session.run(decision), session.state) } catch { throw .rejected(error) }
    }

    public func state(query: Query) throws(HotelError) -> any HotelReadModel { session.state }
}
