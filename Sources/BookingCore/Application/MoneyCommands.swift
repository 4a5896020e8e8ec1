/// The money's commands and queries: settings, rates and quotes.
extension CommandRunner {
    /// Gives setting `key` the value `value` (checked by ``SettingKey/validated(_:)``).
    public func changeSetting(_ key: SettingKey, to value: String) throws(HotelError) {
        _ = try run(ChangeSetting(key: key, value: value))
    }

    /// Sets the price of a night in a room of `type` on `nights` (every night for nil), only on `days` among
    /// them if any are given. `price` is read in the currency set.
    public func setRate(_ type: RoomType, price: String, nights: Stay? = nil, days: [Weekday] = []) throws(HotelError) {
        _ = try run(SetRate(type: type, price: price, nights: nights, days: days))
    }

    /// Posts an extra, a payment or a refund to booking `id`'s folio, dated `day` (an extra's `--on`; else
    /// today); returns the booking as the posting leaves it. A payment reaching a hold's deposit confirms
    /// the hold, for its client or `client` (as ``confirm(_:client:)``).
    public func post(_ kind: Posting.Kind, to id: BookingID, amount: String, on day: Day? = nil, what: FolioText? = nil, method: PaymentMethod = .other, reference: FolioText? = nil, client: ClientID? = nil) throws(HotelError) -> Booking {
        let now = now, today = today
        return try onID(id) { (id) throws(HotelError) in
            for _ in 0..<Self.idAttempts {
                var decision = PostToFolio(booking: id, kind: kind, amount: amount, day: day ?? today, what: what, method: method, reference: reference, now: now, client: client)
                let hotel = try state(query: .all)
                // A hold when read: the payment may confirm it, on the boundary a confirmation draws.
                if kind == .payment, let hold = hotel.booking(id), hold.status(at: now) == .held {
                    decision.confirming = ConfirmHold(booking: id, room: hold.room, client: client, now: now).holdersDrawn(from: hotel)
                }
                do throws(HotelError) {
                    return try changing(id, decision)
                } catch .rejected(.depositReachedSinceRead), .rejected(.movedSinceRead) {
                    continue
                }
            }
            throw .tooManyConflicts(attempts: Self.idAttempts)
        }
    }

    /// Issues booking `id`'s invoice (or, asked again while it is open, returns it as issued), or with
    /// `credit` the credit note cancelling it (``IssueInvoice``), dated today.
    public func invoice(_ id: BookingID, credit: Bool = false) throws(HotelError) -> Invoice {
        let now = now, today = today
        return try onID(id) { (id) throws(HotelError) in
            // The invoice a credit note cancels, as it stood before (a batch's state after has it no more).
            let before = credit ? try state(query: .all).folio(id)?.invoice : nil
            let (events, state) = try run(IssueInvoice(booking: id, credit: credit, today: today, now: now))
            guard case .invoiceIssued(let issued)? = events.first else {
                guard let open = state.folio(id)?.invoice else { throw .rejected(.noOpenInvoice(id)) }
                return open
            }
            if let credited = issued.credits {
                // Decided on the state before the note (the desk's), or on the one read before (a batch's).
                guard let invoice = [state.folio(id)?.invoice, before].compactMap({ $0 }).first(where: { $0.number == credited }) else {
                    throw .rejected(.noOpenInvoice(id))
                }
                return invoice.credited(by: issued)
            }
            var folio = state.folio(id) ?? Folio(price: nil, firstNight: issued.content!.stay.arrival)
            folio.openInvoice = issued
            return folio.invoice!
        }
    }
}

/// A booking's folio as `hotel folio` prints it.
public struct FolioStatement: Sendable, Equatable {
    public var booking: Booking
    public var lines: [FolioLine]
    /// The currency's minor digits (0 with none set).
    public var minorDigits: Int
    /// What is owed (positive) or owing (negative), in the currency's form.
    public var balance: Amount { lines.reduce(Amount.zero) { $0 + $1.amount }.scaled(to: minorDigits) }
}

/// A stay's price, night by night, as ``FrontDesk/quote(_:for:)`` gives it.
public struct Quote: Sendable, Equatable {
    public var type: RoomType
    public var nights: [Day]
    public var prices: [Amount]
    /// The sum of the prices.
    public var total: Amount { prices.reduce(Amount.zero, +) }
}

extension FrontDesk {
    /// The folio of booking `id` now (an empty one for a booking without a price or postings).
    public func folio(_ id: BookingID) throws(HotelError) -> FolioStatement {
        let now = now
        return try onID(id) { (id) throws(HotelError) in
            try answer { (model) throws(BookingError) in
                let booking = try model.existingBooking(id)
                let folio = model.folio(id) ?? Folio(price: nil, firstNight: booking.stay.arrival)
                // A guest moved while checked in slept the nights before the move in the earlier rooms.
                var earlier: [(nights: Stay, room: RoomName)] = []
                if booking.earlierRooms > 0 {
                    var filter = BookingFilter(client: booking.client, now: now)
                    filter.includesEarlierRooms = true
                    earlier = model.bookings(matching: filter).filter { $0.id == id && $0.earlierRoom > 0 }.map { ($0.stay, $0.room) }
                }
                let lines = folio.lines(of: booking, at: now) { night in earlier.first { $0.nights.arrival <= night && night < $0.nights.departure }?.room }
                return FolioStatement(booking: booking, lines: lines, minorDigits: model.tariff.currency?.minorDigits ?? 0)
            }
        }
    }

    /// What is owed and owing: every checked-in, checked-out, cancelled or no-show stay whose balance is not
    /// zero, and every stay in credit; by id.
    public func balances() throws(HotelError) -> [(booking: Booking, balance: Amount)] {
        let now = now
        return try answer { model in
            var owed: [(booking: Booking, balance: Amount)] = []
            model.forEachFolioThatMayBeOwed { id, folio in
                guard let booking = model.booking(id) else { return }
                let balance = folio.balance(of: booking, at: now)
                if Folio.isOwed(balance: balance, status: booking.status(at: now)) { owed.append((booking, balance)) }
            }
            return owed.sorted { $0.booking.id.rawValue.utf8.lexicographicallyPrecedes($1.booking.id.rawValue.utf8) }
        }
    }

    /// Room revenue over `stay`'s nights, by night, type or room (of `type`, if given): ``occupancy(nights:by:ofType:)``
    /// with each row's revenue, and the currency's minor digits (0 with none set).
    public func revenue(nights stay: Stay, by grouping: Occupancy.Grouping, ofType type: RoomType? = nil) throws(HotelError) -> (report: Occupancy, minorDigits: Int) {
        let now = now
        return try answer { (model) throws(BookingError) in
            if let type { try model.requireType(type) }
            return (Occupancy(model, nights: stay, by: grouping, ofType: type, at: now), model.tariff.currency?.minorDigits ?? 0)
        }
    }

    /// Every setting with its value as set, else its default, else nil; in the order of ``SettingKey``.
    public func settings() throws(HotelError) -> [(key: SettingKey, value: String?)] {
        try answer { model in SettingKey.allCases.map { ($0, model.tariff.value($0)) } }
    }

    /// The price of each night of `stay` in a room of `type`, nil where no rate covers it.
    /// - Throws: ``BookingError/unknownRoomType(_:suggestion:)`` if no room has the type.
    public func rates(of type: RoomType, for stay: Stay) throws(HotelError) -> [(night: Day, price: Amount?)] {
        try answer { (model) throws(BookingError) in
            try model.requireType(type)
            return (0..<stay.nights).map { offset in
                let night = stay.arrival.adding(days: offset)
                return (night, model.tariff.price(of: type, on: night))
            }
        }
    }

    /// What a stay in `target` (a room, priced by its type, or a type) costs at today's rates.
    /// - Throws: ``BookingError/nightWithoutPrice(_:night:)`` naming the first night without a price; unknown
    ///   rooms and types with the nearest registered name.
    public func quote(_ target: StayRequest.Target, for stay: Stay) throws(HotelError) -> Quote {
        try answer { (model) throws(BookingError) in
            let type: RoomType
            switch target {
            case .room(let room):
                guard let found = model.roomType(room) else { throw model.unknownRoom(room) }
                type = found
            case .type(let wanted):
                try model.requireType(wanted)
                type = wanted
            }
            let prices = try model.tariff.prices(of: type, for: stay)
            return Quote(type: type, nights: prices.map(\.night), prices: prices.map(\.price))
        }
    }
}
