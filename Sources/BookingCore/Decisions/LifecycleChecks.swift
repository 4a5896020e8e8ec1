extension HotelReadModel {
    /// The booking or hold `id`, which must not be a block.
    func existingBooking(_ id: BookingID) throws(BookingError) -> Booking {
        switch entry(id) {
        case .booking(let booking)?: return booking
        case .block?: throw .isABlock(id)
        case nil: throw .unknownBooking(id)
        }
    }

    /// The block `id`, which must not be a booking.
    func existingBlock(_ id: BookingID) throws(BookingError) -> Block {
        switch entry(id) {
        case .block(let block)?: return block
        case .booking?: throw .notABlock(id)
        case nil: throw .unknownBlock(id)
        }
    }

    /// Checks that booking `id`'s folio is open for `transition`: one an open invoice closes
    /// (``Lifecycle/closedByInvoice(_:)``) is refused until a credit note cancels the invoice. `command` is
    /// the transition the refusal names (a cancellation's fee is a charge, refused as the cancellation).
    func requireOpenFolio(_ id: BookingID, for transition: Transition, as command: Transition? = nil) throws(BookingError) {
        guard Lifecycle.closedByInvoice(transition), let invoice = folio(id)?.openInvoice else { return }
        throw .folioClosed(id, invoice: invoice.number, transition: command ?? transition)
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
        if current == .cancelled, allowed.contains(.active) || allowed.contains(.held) { throw .alreadyCancelled(id) }
        throw .wrongStatus(id, status: current, transition: transition)
    }

    /// Checks that `transition` may be recorded on `today` for this stay (``Lifecycle``), in its present
    /// room: a guest moved while checked in is there from the day of the move.
    func require(_ transition: Transition, on today: Day) throws(BookingError) {
        let stay = roomStay
        guard Lifecycle.of(transition).days.allow(today, for: stay) else { throw .wrongDay(id, transition: transition, today: today, stay: stay) }
    }
}

extension Block {
    /// Checks that the block's status (``Block/lifecycleStatus``) is one that `transition` takes
    /// (``Lifecycle``).
    func require(_ transition: Transition) throws(BookingError) {
        guard Lifecycle.of(transition).statuses.contains(lifecycleStatus) else { throw .wrongStatus(id, status: lifecycleStatus, transition: transition) }
    }
}
