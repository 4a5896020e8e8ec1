extension DomainEvent {
    /// What the event does to the hotel: the one place each event type's meaning is written. Every read
    /// model (``HotelProjection``, the cached model's tail, the snapshot builder, the verifier's replay)
    /// folds events through this.
    ///
    /// - A checked-out stay is recorded as ending on the check-out day: before the departure, an early
    ///   departure; after it, a guest who stayed on (the nights slept count); on the arrival day, a stay of no
    ///   night (``Booking/leftOnArrivalDay``). Checked-out, cancelled, released and no-show stays hold no
    ///   nights from then on, so every night not stayed is free.
    /// - A checked-in guest moved to another room (``BookingChanged/movedOn``) leaves the nights slept in
    ///   the old room there, as a part of the stay listed on its own (``Booking/earlierRoom``).
    /// - A correction (``BookingCorrected``) puts the booking back in its status and stay before what it
    ///   undid.
    /// - Expiry is not recorded: a held stay stops holding its room when the clock passes `expiresAt`.
    /// - An event about a booking changes a booking, one about a block a block: in a log `verify` flags, where
    ///   an event names an id of the other kind, it changes nothing.
    func apply(to hotel: inout some StayCalendarEditing) {
        switch self {
        case .roomAdded(let e):
            hotel.addRoom(e.room, type: e.roomType)
        case .roomBooked(let e):
            hotel.put(Booking(id: e.booking, client: e.client, room: e.room, stay: e.stay, status: .active, idempotencyKey: e.idempotencyKey))
        case .roomHeld(let e):
            hotel.put(Booking(id: e.booking, client: e.client, room: e.room, stay: e.stay, status: .held, expiresAt: e.expiresAt, beganAsHold: true,
                idempotencyKey: e.idempotencyKey))
        case .holdConfirmed(let e):
            hotel.update(e.booking) { $0.status = .active; $0.client = e.client }
        case .holdReleased(let e):
            hotel.update(e.booking) { $0.status = .released }
        case .bookingCancelled(let e):
            hotel.update(e.booking) { $0.cancelledAsHold = $0.status == .held; $0.status = .cancelled; $0.reason = e.reason?.rawValue }
        case .bookingChanged(let e):
            // A checked-in guest moved: the nights slept in the room left stay there, as a part of the stay.
            if let movedOn = e.movedOn, let part = hotel.entry(e.booking)?.booking?.partLeft(on: movedOn) {
                hotel.put(part)
                hotel.update(e.booking) { $0.earlierRooms = part.earlierRoom }
            }
            hotel.update(e.booking) { booking in
                booking.room = e.room
                booking.stay = e.stay
                if let movedOn = e.movedOn { booking.roomSince = movedOn > e.stay.arrival ? movedOn : nil }
            }
        case .stayMilestone(let e):
            hotel.update(e.booking) { booking in
                switch e.kind {
                case .checkedIn: booking.status = .checkedIn
                case .noShow: booking.status = .noShow
                case .checkedOut:
                    booking.status = .checkedOut
                    if e.day <= booking.roomArrival { booking.leftOnArrivalDay = true }
                    if e.day > booking.stay.arrival, e.day != booking.stay.departure, let slept = try? Stay(arrival: booking.stay.arrival, departure: e.day) {
                        booking.bookedDeparture = booking.bookedDeparture ?? booking.stay.departure
                        booking.stay = slept
                    }
                }
            }
        case .roomBlocked(let e):
            hotel.put(Block(id: e.block, room: e.room, stay: e.stay, reason: e.reason?.rawValue))
        case .roomUnblocked(let e):
            hotel.update(block: e.block) { $0.hasEnded = true }
        case .bookingCorrected(let e):
            hotel.update(e.booking) { booking in
                booking.status = e.status
                booking.stay = e.stay
                booking.leftOnArrivalDay = false
                booking.bookedDeparture = nil
                booking.reason = nil
                booking.cancelledAsHold = false
            }
        case .settingChanged, .rateSet, .chargePosted, .paymentRecorded, .invoiceIssued, .guestProfileSet, .guestForgotten, .roomStatusSet:
            // Money: see apply(to: Tariff) and apply(to: FolioEditing); guests, apply(to: GuestRegister);
            // housekeeping, apply(to: Housekeeping).
            break
        }
    }

    /// What the event does to the hotel's money settings and rates (``Tariff``): the one place their meaning
    /// is written. Events about stays change nothing here.
    func apply(to tariff: inout Tariff) {
        switch self {
        case .settingChanged(let e): tariff.set(e.key, e.value)
        case .rateSet(let e): tariff.add(e.rule)
        case .roomBooked(let e) where e.price != nil: tariff.noteAmount()
        case .roomHeld(let e) where e.price != nil || e.deposit != nil: tariff.noteAmount()
        case .bookingChanged(let e) where e.price != nil: tariff.noteAmount()
        case .stayMilestone(let e) where e.price != nil: tariff.noteAmount()
        case .chargePosted, .paymentRecorded: tariff.noteAmount()
        case .invoiceIssued(let e):
            tariff.noteAmount()
            tariff.noteInvoice(e.number)
        default: break
        }
    }
}
