/// Undoes a booking's last check-in (back to active), check-out (back to checked in, with the stay as
/// booked), no-show or cancellation (back to active), as a ``BookingCorrected`` event: what ``Lifecycle/undoing(_:)``
/// says. Refused, naming the booking in the way, when the nights it would hold again have been taken since;
/// and for a check-in once the guest has changed rooms (the nights slept in each room stay there).
public struct UndoLastStep: ReadsRoomNights {
    public var booking: BookingID
    /// The booking's room when the command started (the boundary covers it).
    public var currentRoom: RoomName
    public var reason: Reason?
    public var now: Instant
    public var decidedAt: Instant? { now }
    /// The bookings holding the nights it reads when the command read the hotel (see ``ReadsRoomNights``).
    public var holders: [BookingID]

    public init(booking: BookingID, currentRoom: RoomName, reason: Reason? = nil, now: Instant, holders: [BookingID] = []) {
        self.booking = booking
        self.currentRoom = currentRoom
        self.reason = reason
        self.now = now
        self.holders = holders
    }

    /// Every event of the booking and of its room, and of the bookings holding the nights it would hold.
    public var query: Query {
        Query(QueryItem.events(of: booking) + [QueryItem(types: [], tags: [.room(currentRoom)])] + holderItems)
    }

    public func nightsRead(in state: some HotelReadModel) -> [(room: RoomName, nights: Stay)] {
        guard let booked = state.booking(booking), let restored = try? restored(booked), let nights = restored.booking.heldNights(today: now.localDay) else { return [] }
        return [(booked.room, nights)]
    }

    /// The booking as the correction leaves it, and what it undid.
    private func restored(_ booked: Booking) throws(BookingError) -> (booking: Booking, undid: BookingCorrected.Undone) {
        let status = booked.status(at: now)
        guard let (undid, to) = Lifecycle.undoing(booked, at: now) else { throw .wrongStatus(booking, status: status, transition: .undo) }
        // A hold is a hold again only while unexpired, as `confirm` takes it.
        if to == .held, let expiresAt = booked.expiresAt, now >= expiresAt { throw .holdExpired(booking, at: expiresAt) }
        if undid == .checkIn, booked.earlierRooms > 0 { throw .undoAfterMove(booking) }
        var restored = booked
        restored.status = to
        restored.leftOnArrivalDay = false
        restored.bookedDeparture = nil
        if undid == .checkOut, let departure = booked.bookedDeparture {
            do throws(InvalidValue) { restored.stay = try Stay(arrival: booked.stay.arrival, departure: departure) } catch { throw .invalidStay(error) }
        }
        return (restored, undid)
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        // Decide only on what the boundary covers: the room it was drawn around.
        guard booked.room == currentRoom else { throw .movedSinceRead(booking, boundary: currentRoom, now: booked.room) }
        let (restored, undid) = try restored(booked)
        // Undone, a cancellation or no-show takes its fee off the folio: not off one an invoice closed.
        if undid == .cancellation || undid == .noShow, state.folio(booking)?.postings.contains(where: { $0.kind == .fee }) == true {
            try state.requireOpenFolio(booking, for: .charge, as: .undo)
        }
        // Nor back to a hold while invoiced: a hold is not invoiced, and its invoice could never be credited.
        if restored.status == .held, let invoice = state.folio(booking)?.openInvoice {
            throw .folioClosed(booking, invoice: invoice.number, transition: .undo)
        }
        guard let client = booked.client else { throw .undoWithoutClient(booking) }
        if let nights = restored.heldNights(today: now.localDay),
           let holder = state.firstHolding(room: booked.room, stay: nights, at: now, except: booking) {
            throw .taken(booked.room, nights, by: holder)
        }
        return [.bookingCorrected(BookingCorrected(
            booking: booking, client: client, room: booked.room, undid: undid, status: restored.status, stay: restored.stay, reason: reason))]
    }
}
