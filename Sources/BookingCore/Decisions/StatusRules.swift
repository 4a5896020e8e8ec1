extension HotelReadModel {
    /// The booking or hold `id`, which must not be a block.
    func existingBooking(_ id: BookingID) throws(BookingError) -> Booking {
        guard let booking = booking(id) else { throw .unknownBooking(id) }
        guard booking.kind == .booking else { throw .isABlock(id) }
        return booking
    }
}

extension Booking {
    /// Checks that the booking's status at `now` is one of `allowed`, for `command`; an expired hold and a
    /// cancelled booking get their own errors.
    func require(_ allowed: Set<Status>, for command: String, describedAs text: String, at now: Instant) throws(BookingError) {
        let current = status(at: now)
        if allowed.contains(current) { return }
        if current == .expired, let expiresAt { throw .holdExpired(id, at: expiresAt) }
        if current == .cancelled, allowed.contains(.active) || allowed.contains(.held) { throw .alreadyCancelled(id) }
        throw .wrongStatus(id, status: current.rawValue, command: command, allowed: text)
    }
}
