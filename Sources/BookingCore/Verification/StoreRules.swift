/// The rules a sound log keeps, checked one event at a time on replay (`hotel verify`): what the decisions
/// guarantee when they record an event, judged on the hotel as the log stood before it and at the time it
/// was recorded.
///
/// How an event changes the hotel is not here: that is ``DomainEvent/apply(to:)``. This says only whether
/// the change was allowed.
enum StoreRules {
    /// What is wrong with one event, and whether it must not be folded in at all (it would replace a room
    /// or a booking that is already there, or it names one that is not).
    struct Finding {
        var problems: [String] = []
        var skip = false
    }

    /// Where rooms and records were first recorded, for messages.
    struct Lines {
        var room: (RoomName) -> Int?
        var record: (UInt32) -> Int
    }

    static func check(_ event: DomainEvent, in hotel: HotelProjection, at now: Instant, lines: Lines) -> Finding {
        var finding = Finding()
        func problem(_ text: String) { finding.problems.append(text) }

        /// A new booking, hold or block: a new id, a registered room, free nights.
        func checkNew(_ noun: String, _ id: BookingID, _ room: RoomName, _ stay: Stay) {
            if let earlier = hotel.index(of: BookingKey(id)) {
                problem("\(noun) id \(id) is used again (first on line \(lines.record(earlier)))")
                finding.skip = true
                return
            }
            if !hotel.hasRoom(room) { problem("\(noun) \(id) is of room '\(room)', which is not registered") }
            checkLength(noun, id, stay)
            checkFree(noun, id, room, stay, except: nil)
        }

        /// A stay no command would record: longer than ``Stay/maximumNights``.
        func checkLength(_ noun: String, _ id: BookingID, _ stay: Stay) {
            if stay.nights > Stay.maximumNights { problem("\(noun) \(id) for \(stay) has \(stay.nights) nights, more than the \(Stay.maximumNights) a stay may have") }
        }

        func checkFree(_ noun: String, _ id: BookingID, _ room: RoomName, _ stay: Stay, except: BookingID?) {
            // The recorded nights only: what a guest past the departure holds depends on the desk's day,
            // which a booking's event does not record.
            if let holder = hotel.firstOnCalendar(room: room, stay: stay, at: now, except: except) {
                let what: String
                switch holder {
                case .booking(let booking): what = "\(booking.status(at: now).rawValue) booking"
                case .block: what = "block"
                }
                problem("\(noun) \(id) of room '\(room)' for \(stay) overlaps \(what) \(holder.id) for \(holder.stay)")
            }
        }

        /// An event about an existing booking (or block): it must exist, be of the kind and in a status
        /// `transition` takes (``Lifecycle``), and name its room.
        func existing(_ verb: String, _ id: BookingID, _ transition: Transition, room: RoomName?) -> CalendarEntry? {
            let rule = Lifecycle.of(transition), kind = rule.kind, allowed = rule.statuses
            let noun = kind.rawValue
            guard let index = hotel.index(of: BookingKey(id)) else {
                problem("\(verb) \(noun) \(id), which does not exist")
                finding.skip = true
                return nil
            }
            let entry = hotel.entry(at: index)
            guard entry.kind == kind else {
                problem("\(verb) \(noun) \(id), which is a \(entry.kind.rawValue)")
                return entry
            }
            let status = entry.lifecycleStatus(at: now)
            if !allowed.contains(status) {
                switch status {
                case .expired: problem("\(verb) \(noun) \(id), which expired at \(entry.booking!.expiresAt!)")
                case .held where allowed.contains(.checkedIn) || allowed == [.active]: problem("\(verb) \(noun) \(id), which was never confirmed")
                case .cancelled: problem("\(verb) \(noun) \(id), which is already \(kind.text(of: .cancelled))")
                default: problem("\(verb) \(noun) \(id), which is \(status.rawValue)")
                }
            }
            if let room, room != entry.room {
                problem("\(verb) \(noun) \(id) with room '\(room)', but it is of room '\(entry.room)' (line \(lines.record(index)))")
            }
            return entry
        }

        /// An amount: recorded only in the currency set, with its minor digits.
        func checkAmount(_ what: String, _ amount: Amount) {
            guard let currency = hotel.tariff.currency else { return problem("records \(what) of \(amount) with no currency set") }
            if amount.minorDigits != currency.minorDigits {
                problem("records \(what) of \(amount), not written with the \(currency.minorDigits) minor digits of \(currency.code)")
            }
        }

        /// A posting's booking: it must exist and be a booking.
        func posted(_ verb: String, _ id: BookingID) -> CalendarEntry? {
            guard let index = hotel.index(of: BookingKey(id)) else {
                problem("\(verb) booking \(id), which does not exist")
                return nil
            }
            let entry = hotel.entry(at: index)
            guard entry.kind == .booking else {
                problem("\(verb) booking \(id), which is a \(entry.kind.rawValue)")
                return nil
            }
            return entry
        }

        /// A posting or change on a folio an open invoice closes (``Lifecycle/closedByInvoice(_:)``).
        func checkOpen(_ verb: String, _ id: BookingID, _ transition: Transition) {
            guard Lifecycle.closedByInvoice(transition), let invoice = hotel.folio(id)?.openInvoice else { return }
            problem("\(verb) booking \(id), whose folio invoice \(invoice.number) closed")
        }

        switch event {
        case .roomAdded(let e):
            if let first = lines.room(e.room) {
                problem("room '\(e.room)' is added again (first on line \(first))")
                finding.skip = true
            }
        case .roomBooked(let e):
            checkNew("booking", e.booking, e.room, e.stay)
        case .roomHeld(let e):
            checkNew("hold", e.booking, e.room, e.stay)
            if e.expiresAt > now.adding(seconds: HoldDuration.maximumSeconds) {
                problem("hold \(e.booking) expires at \(e.expiresAt), more than \(HoldDuration.maximumSeconds / 86_400) days after it was recorded")
            }
            if let deposit = e.deposit {
                checkAmount("a deposit of hold \(e.booking)", deposit)
                if deposit.isZero { problem("asks a deposit of nothing for hold \(e.booking)") }
            }
        case .roomBlocked(let e):
            checkNew("block", e.block, e.room, e.stay)
        case .bookingCancelled(let e):
            // The room and client must be the booking's: the tags put the event in their boundaries.
            guard let index = hotel.index(of: BookingKey(e.booking)) else {
                problem("cancels booking \(e.booking), which does not exist")
                finding.skip = true
                break
            }
            let b = hotel.entry(at: index)
            if b.lifecycleStatus(at: now) == .cancelled {
                problem("cancels booking \(e.booking), which is already cancelled")
                finding.skip = true
                break
            }
            _ = existing("cancels", e.booking, .cancel, room: nil)
            if b.room != e.room || b.booking?.client != e.client {
                func name(_ client: ClientID?) -> String { client.map { "'\($0)'" } ?? "none" }
                problem("cancels booking \(e.booking) with room '\(e.room)' and client \(name(e.client)), but it was booked (line \(lines.record(index))) with room '\(b.room)' and client \(name(b.booking?.client))")
            }
        case .holdConfirmed(let e):
            _ = existing("confirms", e.booking, .confirm, room: e.room)
        case .holdReleased(let e):
            _ = existing("releases", e.booking, .release, room: e.room)
            if let paid = hotel.folio(e.booking)?.paidNet, paid > .zero { problem("releases hold \(e.booking), which has \(paid) paid toward it") }
        case .bookingChanged(let e):
            guard let b = existing("changes", e.booking, .change, room: e.previousRoom) else { break }
            checkOpen("changes", e.booking, .change)
            if b.stay != e.previousStay { problem("changes booking \(e.booking) from \(e.previousStay), but its stay is \(b.stay)") }
            if let booking = b.booking, !Lifecycle.changeAllowed(from: booking.status, (b.room, b.stay), to: e.room, e.stay) {
                problem("changes checked-in booking \(e.booking) by its arrival")
            }
            var nights = e.stay
            if let booking = b.booking, booking.status == .checkedIn {
                // A checked-in guest holds the room from the day of coming to it: a move says which day.
                if e.room != e.previousRoom, e.movedOn == nil { problem("moves checked-in booking \(e.booking) to room '\(e.room)' without the day of the move") }
                if let movedOn = e.movedOn {
                    if e.room == e.previousRoom { problem("moves booking \(e.booking) on \(movedOn) to the room it is in") }
                    if movedOn < booking.roomArrival || movedOn >= e.stay.departure {
                        problem("moves booking \(e.booking) on \(movedOn), outside its nights in room '\(b.room)' from \(booking.roomArrival) and its stay \(e.stay)")
                    }
                    if booking.earlierRooms >= Booking.maximumEarlierRooms { problem("moves booking \(e.booking) more than \(Booking.maximumEarlierRooms) times") }
                }
                nights = e.nightsInRoom
                if e.movedOn == nil, let inRoom = try? Stay(arrival: booking.roomArrival, departure: e.stay.departure) { nights = inRoom }
            } else if let movedOn = e.movedOn {
                problem("moves booking \(e.booking) on \(movedOn), but it is not checked in")
            }
            if !hotel.hasRoom(e.room) { problem("changes booking \(e.booking) to room '\(e.room)', which is not registered") }
            checkLength("booking", e.booking, e.stay)
            checkFree("booking", e.booking, e.room, nights, except: e.booking)
        case .stayMilestone(let e):
            switch e.kind {
            case .checkedIn:
                guard let b = existing("checks in", e.booking, .checkIn, room: e.room) else { break }
                if !Lifecycle.of(.checkIn).days.allow(e.day, for: b.stay) { problem("checks in booking \(e.booking) on \(e.day), outside its stay \(b.stay)") }
                let housekeeping = hotel.housekeeping
                if housekeeping.isRecorded || e.roomWasDirty, housekeeping.status(of: e.room).isReady == e.roomWasDirty {
                    problem(e.roomWasDirty ? "checks in booking \(e.booking) saying room '\(e.room)' was dirty, but it was \(housekeeping.status(of: e.room).rawValue)"
                                           : "checks in booking \(e.booking) to room '\(e.room)', which was dirty, without --dirty-ok")
                }
            case .checkedOut:
                guard let b = existing("checks out", e.booking, .checkOut, room: e.room), let booking = b.booking else { break }
                if !Lifecycle.of(.checkOut).days.allow(e.day, for: booking.roomStay) {
                    problem("checks out booking \(e.booking) on \(e.day), before it came to room '\(b.room)' on \(booking.roomArrival)")
                }
            case .noShow:
                guard let b = existing("records a no-show of", e.booking, .noShow, room: e.room) else { break }
                if !Lifecycle.of(.noShow).days.allow(e.day, for: b.stay) { problem("records a no-show of booking \(e.booking) on \(e.day), before its arrival \(b.stay.arrival)") }
            }
        case .roomUnblocked(let e):
            _ = existing("unblocks", e.block, .unblock, room: e.room)
        case .bookingCorrected(let e):
            guard let b = existing("corrects", e.booking, .undo, room: e.room), let booking = b.booking else { break }
            if b.booking?.client != e.client { problem("corrects booking \(e.booking) with client '\(e.client)', but its client is \(booking.client.map { "'\($0)'" } ?? "none")") }
            guard let (undid, to) = Lifecycle.undoing(booking, at: now) else { break }
            if e.undid != undid || e.status != to {
                problem("corrects booking \(e.booking) by undoing \(e.undid.rawValue) back to \(e.status.rawValue), but it is \(booking.status(at: now).rawValue)")
            }
            if undid == .checkIn, booking.earlierRooms > 0 { problem("undoes the check-in of booking \(e.booking), which has changed rooms since") }
            if to == .held, let invoice = hotel.folio(e.booking)?.openInvoice { problem("undoes booking \(e.booking) back to a hold while invoice \(invoice.number) is open") }
            let booked = undid == .checkOut ? (booking.bookedDeparture ?? booking.stay.departure) : booking.stay.departure
            if e.stay.arrival != booking.stay.arrival || e.stay.departure != booked {
                problem("corrects booking \(e.booking) back to \(e.stay), but its stay was \(booking.stay.arrival)..\(booked)")
            }
            if let nights = try? Stay(arrival: booking.roomArrival, departure: e.stay.departure) {
                checkFree("booking", e.booking, e.room, nights, except: e.booking)
            }
        case .settingChanged(let e):
            let tariff = hotel.tariff
            if e.key == .currency, tariff.hasAmounts, let current = tariff.settings[.currency], current != e.value {
                problem("changes the currency from \(current) to \(e.value) after amounts were recorded in \(current)")
            }
        case .rateSet(let e):
            checkAmount("a rate of \(e.rule.type)", e.rule.price)
        case .chargePosted(let e):
            checkAmount("a charge to booking \(e.booking)", e.amount)
            if e.amount.isZero { problem("charges nothing to booking \(e.booking)") }
            guard let b = posted("charges", e.booking) else { break }
            checkOpen("charges", e.booking, .charge)
            if e.kind == .extra, !Lifecycle.of(.charge).statuses.contains(b.lifecycleStatus(at: now)) {
                problem("charges an extra to booking \(e.booking), which is \(b.lifecycleStatus(at: now).rawValue)")
            }
        case .paymentRecorded(let e):
            checkAmount("a \(e.isRefund ? "refund" : "payment") of booking \(e.booking)", e.amount)
            if e.amount.isZero { problem("records a \(e.isRefund ? "refund" : "payment") of nothing for booking \(e.booking)") }
            guard let b = posted(e.isRefund ? "refunds" : "records a payment of", e.booking) else { break }
            checkOpen(e.isRefund ? "refunds" : "records a payment of", e.booking, e.isRefund ? .refund : .pay)
            let status = b.lifecycleStatus(at: now)
            if !e.isRefund, !Lifecycle.of(.pay).statuses.contains(status) {
                problem("records a payment of booking \(e.booking), which is \(status.rawValue)")
            }
            if e.isRefund, e.amount > (hotel.folio(e.booking)?.paidNet ?? .zero) {
                problem("refunds \(e.amount) of booking \(e.booking), more than was paid and not refunded (\((hotel.folio(e.booking)?.paidNet ?? .zero).scaled(to: e.amount.minorDigits)))")
            }
        case .guestProfileSet:
            break
        case .roomStatusSet(let e):
            if lines.room(e.room) == nil { problem("sets the status of room '\(e.room)', which was never added") }
        case .guestForgotten(let e):
            if let entry = hotel.guest(e.client) {
                if let at = entry.forgottenAt { problem("forgets client \(e.client), already forgotten at \(at)") }
            } else {
                problem("forgets client \(e.client), who has no profile")
            }
        case .invoiceIssued(let e):
            let noun = e.isCredit ? "credit note" : "invoice"
            checkAmount("\(noun) \(e.number)", e.total)
            let year = e.date.components.year
            if e.number.year != year { problem("\(noun) \(e.number) is numbered in \(e.number.year) but dated \(e.date)") }
            let expected = (hotel.tariff.lastInvoiceNumbers[e.number.year] ?? 0) + 1
            if e.number.sequence != expected {
                problem("\(noun) \(e.number) is out of sequence: the next number of \(e.number.year) was \(expected)")
            }
            if e.number.prefix != hotel.tariff.value(.invoicePrefix) {
                problem("\(noun) \(e.number) has the prefix \(e.number.prefix), but invoice-prefix was \(hotel.tariff.value(.invoicePrefix) ?? "none")")
            }
            guard let b = posted(e.isCredit ? "issues a credit note of" : "invoices", e.booking) else { break }
            let status = b.lifecycleStatus(at: now)
            if !Lifecycle.of(e.isCredit ? .credit : .invoice).statuses.contains(status) { problem("issues \(noun) \(e.number) of booking \(e.booking), which is \(status.rawValue)") }
            let folio = hotel.folio(e.booking)
            if let credited = e.credits {
                guard let open = folio?.openInvoice else { problem("credit note \(e.number) cancels invoice \(credited) of booking \(e.booking), which has no open invoice"); break }
                if open.number != credited || open.total != e.total {
                    problem("credit note \(e.number) cancels invoice \(credited) of \(e.total), but booking \(e.booking)'s open invoice is \(open.number) of \(open.total)")
                }
            } else if let content = e.content {
                if let open = folio?.openInvoice { problem("invoice \(e.number) of booking \(e.booking) is issued while invoice \(open.number) is open") }
                let postings = folio?.postings ?? []
                if content.postings != postings.count { problem("invoice \(e.number) covers \(content.postings) postings, but booking \(e.booking)'s folio has \(postings.count)") }
                let total = Invoice.total(nightPrices: content.nightPrices, postings: Array(postings.prefix(content.postings)))
                if total != e.total { problem("invoice \(e.number) totals \(e.total), but its nights and postings come to \(total.scaled(to: e.total.minorDigits))") }
                if let booking = b.booking {
                    if content.client != booking.client || content.room != booking.room || content.stay != booking.stay {
                        problem("invoice \(e.number) is of \(content.room) \(content.stay) for client \(content.client?.rawValue ?? "none"), but booking \(e.booking) is of \(booking.room) \(booking.stay) for client \(booking.client?.rawValue ?? "none")")
                    }
                    let charged = Folio.chargedNights(of: booking, at: now).compactMap { folio?.price(of: $0) }
                    if charged != content.nightPrices {
                        problem("invoice \(e.number) charges \(content.nightPrices.count) nights at \(content.nightPrices.map(\.description).joined(separator: " ")), but booking \(e.booking)'s folio charges \(charged.map(\.description).joined(separator: " "))")
                    }
                }
            }
        }
        if let price = event.stayPrice {
            // Once for the whole stay: the first night's price that breaks the rule.
            let amounts = price.nightly + [price.negotiated].compactMap { $0 }
            let before = finding.problems.count
            for amount in amounts where finding.problems.count == before { checkAmount("a night's price of booking \(event.subject!)", amount) }
        }
        return finding
    }
}
