import BookingCore

// The words of the library's errors: what `hotel` says when a command is refused.

extension HotelError {
    /// The message `hotel` prints for the error: a business rule's refusal in the words below, anything
    /// else as the library describes it.
    var message: String {
        if case .rejected(let rejection) = self { return rejection.message }
        return description
    }
}

extension BookingError {
    /// The message `hotel` prints for the rejection.
    var message: String {
        switch self {
        case .roomAlreadyExists(let room):
            return "room '\(room)' already exists"
        case .unknownRoom(let room, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? "; 'hotel rooms' lists the rooms"
            return "unknown room '\(room)'\(hint)"
        case .unknownRoomType(let type, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? "; 'hotel availability' lists the types"
            return "no room of type '\(type)'\(hint)"
        case .similarRoomType(let type, let existing):
            return "room type '\(type)' is new and close to '\(existing)' (did you mean '\(existing)'?); give --new-type to add it as a new type"
        case .roomNotFree(let room, let stay, let blocking, let blockingStay):
            return "room '\(room)' is not free for \(stay): booking \(blocking) holds it for \(blockingStay); 'hotel free --from \(stay.arrival) --to \(stay.departure)' lists free rooms"
        case .roomOutOfService(let room, let stay, let block, let blockStay, let reason):
            let why = reason.map { " (\($0))" } ?? ""
            return "room '\(room)' is out of service for \(stay): block \(block) takes it out for \(blockStay)\(why); 'hotel free --from \(stay.arrival) --to \(stay.departure)' lists free rooms"
        case .guestStillThere(let room, let stay, let guest, let departure):
            return "room '\(room)' is not free for \(stay): the guest of booking \(guest) is still checked in (due out \(departure)); 'hotel checkout \(guest)' records the departure"
        case .noRoomOfTypeFree(let type, let stay):
            return "no room of type '\(type)' is free for \(stay); 'hotel availability --from \(stay.arrival) --to \(stay.departure)' shows every type"
        case .unknownBooking(let id, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? "; 'hotel bookings' lists the bookings"
            return "unknown booking '\(id)'\(hint)"
        case .alreadyCancelled(let id):
            return "booking '\(id)' is already cancelled"
        case .wrongStatus(let id, let status, .undo):
            return "booking '\(id)' is \(status.rawValue): it has no check-in, check-out, no-show or cancellation to undo"
        case .wrongStatus(let id, let status, let transition):
            let shown = Lifecycle.of(transition).kind.text(of: status)
            return "'\(id)' is \(shown); 'hotel \(transition.command)' takes only \(transition.takes)"
        case .holdExpired(let id, let at):
            return "hold '\(id)' expired at \(at); hold the room again"
        case .holdClientMismatch(let id, let holder, let given):
            return "hold '\(id)' was made for client '\(holder)', not '\(given)'; confirm it without --client to keep its client"
        case .bookingWithoutClient:
            return "a booking needs a client: give --client (only a hold may be made without one)"
        case .clientRequired(let id):
            return "hold '\(id)' was made without a client: give --client to confirm it"
        case .wrongDay(let id, let transition, let today, let stay):
            return "booking '\(id)' cannot be given '\(transition.command)' today (\(today)): \(transition.days(of: stay))"
        case .checkedInChangeNotAllowed(let id):
            return "booking '\(id)' is checked in: only its room (from today) and its departure can change (--room, --to)"
        case .tooManyMoves(let id, let moves):
            return "booking '\(id)' has slept in \(moves) earlier rooms while checked in, as many as a stay may; check it out and book the rest as a new stay"
        case .undoAfterMove(let id):
            return "booking '\(id)' has changed rooms since it checked in: its check-in cannot be undone"
        case .undoWithoutClient(let id):
            return "booking '\(id)' was a hold without a client: its cancellation cannot be undone; hold or book the room again"
        case .departureNotAfterToday(let id, let today):
            return "booking '\(id)' is checked in: its new departure must be after today (\(today))"
        case .isABlock(let id):
            return "'\(id)' is a block, not a booking; 'hotel unblock \(id)' ends it"
        case .notABlock(let id):
            return "'\(id)' is a booking, not a block; 'hotel blocks' lists the blocks"
        case .unknownBlock(let id, let suggestion):
            let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? "; 'hotel blocks' lists the blocks"
            return "unknown block '\(id)'\(hint)"
        case .invalidStay(let error):
            return error.description
        case .idempotencyKeyReused(let key, let existing):
            return "idempotency key '\(InvalidValue.shown(key.rawValue))' was used for booking \(existing) with other arguments"
        case .bookingIDTaken(let id):
            return "booking id '\(id)' is already used"
        case .noCurrency:
            return "no currency is set; 'hotel settings set currency CODE' sets one (an ISO 4217 code, such as EUR)"
        case .currencyFixed(let current):
            return "the currency is \(current) and amounts have been recorded in it: it cannot be changed"
        case .invalidAmount(let error):
            return error.description
        case .nightWithoutPrice(let type, let night):
            return "no rate of type '\(type)' for the night of \(night); 'hotel rates set --type \(type) --price AMOUNT' sets one"
        case .refundTooLarge(let id, let paid):
            return "booking '\(id)' has \(paid) paid and not refunded: a refund is at most that"
        case .balanceDue(let id, let balance, let invoiced?):
            return "booking '\(id)' has a balance of \(balance) to pay, on invoice \(invoiced); give --allow-balance to check out anyway, or 'hotel invoice \(id) --credit' opens the folio for a payment"
        case .clientNotConfirming(let id):
            return "this payment does not confirm a hold: --client names the client a hold is confirmed for by the payment that reaches its deposit ('\(id)')"
        case .balanceDue(let id, let balance, nil):
            return "booking '\(id)' has a balance of \(balance) to pay; 'hotel pay \(id) --amount \(balance)' records a payment, or give --allow-balance to check out anyway"
        case .folioClosed(let id, let invoice, let transition):
            return "booking '\(id)' is invoiced (\(invoice)): its folio is closed to '\(transition.command)'; 'hotel invoice \(id) --credit' issues a credit note that opens it again"
        case .noOpenInvoice(let id):
            return "booking '\(id)' has no open invoice to credit; 'hotel invoice \(id)' issues one"
        case .invoiceNumbersUsedUp(let year):
            return "every invoice number of \(year) (up to \(InvoiceNumber.maximumSequence)) has been issued"
        case .roomNotReady(let room, let status):
            return "room '\(room)' is \(status.rawValue): 'hotel clean \(room)' records it cleaned, or give --dirty-ok to check in anyway"
        case .guestsNotKept:
            return "this store keeps no guests' personal data (a store held in memory); the guests commands run on a file or PostgreSQL store"
        case .unknownGuest(let client):
            return "no profile of client '\(client)'; 'hotel guests set \(client) --name NAME' records one"
        case .guestForgotten(let client, let at):
            return "client '\(client)' was forgotten at \(at); 'hotel guests set \(client)' starts a new profile"
        case .importedProfileLacks(let index, let fields):
            return "profile \(index + 1) of the import has no \(fields.map(\.rawValue).joined(separator: ", ")), which the log records were set; nothing was imported"
        case .importedProfileNotKept(let index, _):
            return "profile \(index + 1) of the import is not one the store's log shows; nothing was imported"
        case .guestChangedSinceRead(let client):
            return "the profile of client '\(client)' changed while the command was deciding; try again"
        case .paidHold(let id, let paid):
            return "hold '\(id)' has \(paid) paid toward it; 'hotel refund \(id) --amount \(paid)' gives it back before it is released"
        case .depositReachedSinceRead(let id):
            return "booking \(id) changed while the command was deciding; try again"
        case .movedSinceRead(let id, let boundary, let now):
            return "booking \(id) moved from room '\(boundary)' to '\(now)' while the command was deciding; try again"
        }
    }
}

extension Transition {
    /// The command that records it.
    var command: String {
        switch self {
        case .confirm: "confirm"
        case .release: "release"
        case .cancel: "cancel"
        case .change: "change"
        case .checkIn: "checkin"
        case .checkOut: "checkout"
        case .noShow: "noshow"
        case .unblock: "unblock"
        case .undo: "undo"
        case .charge: "charge"
        case .pay: "pay"
        case .refund: "refund"
        case .invoice: "invoice"
        case .credit: "invoice --credit"
        }
    }

    /// What it takes (``Lifecycle/statuses``), in words.
    var takes: String {
        switch self {
        case .confirm, .release: "unexpired holds"
        case .cancel: "held or active bookings"
        case .change: "held, active or checked-in bookings"
        case .checkIn: "active bookings"
        case .checkOut: "checked-in bookings"
        case .noShow: "active bookings not checked in"
        case .unblock: "active blocks"
        case .undo: "checked-in, checked-out, no-show or cancelled bookings"
        case .charge: "active, checked-in or checked-out bookings"
        case .pay: "bookings and unexpired holds"
        case .refund: "bookings and holds"
        case .invoice, .credit: "active, checked-in, checked-out, cancelled or no-show bookings"
        }
    }

    /// The days it may be recorded on for `stay` (``Lifecycle/days``), in words.
    func days(of stay: Stay) -> String {
        switch Lifecycle.of(self).days {
        case .duringStay: "\(noun) is from the arrival day \(stay.arrival) up to the day before the departure \(stay.departure)"
        case .fromArrival: "a \(noun) can be recorded from the arrival day \(stay.arrival) on"
        case .any: "\(noun) can be recorded any day"
        }
    }

    /// Its name in a sentence.
    private var noun: String {
        switch self {
        case .checkIn: "check-in"
        case .checkOut: "check-out"
        case .noShow: "no-show"
        default: command
        }
    }
}
