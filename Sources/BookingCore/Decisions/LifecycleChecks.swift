extension HotelReadModel {
    /// The booking or hold `id`, which must not be a block.
    func existingBooking(_ id: BookingID) throws(BookingError) -> Booking {
        guard let booking = booking(id) else { throw .unknownBooking(id) }
        guard booking.kind == .booking else { throw .isABlock(id) }
        return booking
    }
}

extension Booking {
    /// Checks that the booking's status at `now` is one that `transition` takes (``Lifecycle``); an expired
    /// hold and a cancelled booking get their own errors.
    func require(_ transition: Transition, at now: Instant) throws(BookingError) {
        let allowed = Lifecycle.of(transition).statuses
        let current = status(at: now)
        if allowed.contains(current) { return }
        if current == .expired, let expiresAt { throw .holdExpired(id, at: expiresAt) }
        if current == .cancelled, kind == .booking, allowed.contains(.active) || allowed.contains(.held) { throw .alreadyCancelled(id) }
        throw .wrongStatus(id, status: current, transition: transition)
    }

    /// Checks that `transition` may be recorded on `today` for this stay (``Lifecycle``).
    func require(_ transition: Transition, on today: Day) throws(BookingError) {
        guard Lifecycle.of(transition).days.allow(today, for: stay) else { throw .wrongDay(id, transition: transition, today: today, stay: stay) }
    }
}
