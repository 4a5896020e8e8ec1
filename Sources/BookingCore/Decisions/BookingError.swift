/// A command rejected by a business rule (exit status 1). Nothing was recorded.
///
/// Each case carries what was wrong as values (a status, a transition, the booking in the way); the command
/// line words them.
public enum BookingError: Error, Sendable, Equatable {
    /// The room is already registered.
    case roomAlreadyExists(RoomName)
    /// No room of that name is registered; `suggestion` is a registered name close to it.
    case unknownRoom(RoomName, suggestion: RoomName?)
    /// No room of that type is registered; `suggestion` is a registered type close to it.
    case unknownRoomType(RoomType, suggestion: RoomType?)
    /// A held, active or checked-in stay of the room overlaps the stay.
    case roomNotFree(RoomName, Stay, blockedBy: BookingID, blockingStay: Stay)
    /// The room is out of service (a block) for some of the nights.
    case roomOutOfService(RoomName, Stay, block: BookingID, blockStay: Stay, reason: String?)
    /// A guest checked in to the room past the departure is still there for some night of the stay: a
    /// checked-in stay holds its room until it is checked out.
    case guestStillThere(RoomName, Stay, guest: BookingID, departure: Day)
    /// The type is new and within two edits of `existing`, a registered type (`famliy` beside `family`):
    /// most likely a typo. ``AddRooms/allowsNewType`` adds it all the same.
    case similarRoomType(RoomType, existing: RoomType)
    /// Every room of the type is taken for some night of the stay.
    case noRoomOfTypeFree(RoomType, Stay)
    /// No booking has that id; `suggestion` is a known id one edit from it (``HotelReadModel/nearestID(to:)``).
    case unknownBooking(BookingID, suggestion: BookingID? = nil)
    /// The booking was cancelled before.
    case alreadyCancelled(BookingID)
    /// The transition does not take a booking (or block) in this status (see ``Lifecycle``).
    case wrongStatus(BookingID, status: Booking.Status, transition: Transition)
    /// The hold expired at that time.
    case holdExpired(BookingID, at: Instant)
    /// A hold made without a client needs one to be confirmed.
    case clientRequired(BookingID)
    /// The hold was made for `holder`: confirming it for another client, `given`, would replace its client.
    case holdClientMismatch(BookingID, holder: ClientID, given: ClientID)
    /// A booking (not a hold) must be made for a client.
    case bookingWithoutClient
    /// The transition (a check-in, a no-show) may not be recorded `today` for the booking's `stay` (see
    /// ``Lifecycle/Days``).
    case wrongDay(BookingID, transition: Transition, today: Day, stay: Stay)
    /// A checked-in booking may change only its departure.
    case checkedInChangeNotAllowed(BookingID)
    /// A checked-in booking has moved rooms as often as a stay may (``Booking/maximumEarlierRooms``).
    case tooManyMoves(BookingID, moves: Int)
    /// The check-in cannot be undone: the guest has changed rooms since, and slept in more than one.
    case undoAfterMove(BookingID)
    /// The cancelled stay was a hold without a client: undoing the cancellation would make a booking of no
    /// one.
    case undoWithoutClient(BookingID)
    /// A checked-in booking's new departure must be after the desk's today.
    case departureNotAfterToday(BookingID, today: Day)
    /// The id is a block's: blocks are ended with `hotel unblock`.
    case isABlock(BookingID)
    /// The id is a booking's, not a block's.
    case notABlock(BookingID)
    /// No block has that id; `suggestion` is a known id one edit from it.
    case unknownBlock(BookingID, suggestion: BookingID? = nil)
    /// The new dates of a change do not make a stay.
    case invalidStay(InvalidValue)
    /// The idempotency key was used before with other arguments, for booking `existing`.
    case idempotencyKeyReused(IdempotencyKey, existing: BookingID)
    /// The generated id is already used in the store; the handler draws another.
    case bookingIDTaken(BookingID)
    /// An amount was given, or a rate set, with no currency set.
    case noCurrency
    /// The currency cannot change: amounts have been recorded in it.
    case currencyFixed(current: String)
    /// An amount not of the currency's form (a usage error).
    case invalidAmount(InvalidValue)
    /// A night of a stay has no price: no rate of the type covers it.
    case nightWithoutPrice(RoomType, night: Day)
    /// A refund of more than was paid and not yet refunded (`paid`).
    case refundTooLarge(BookingID, paid: Amount)
    /// A check-out with a balance still to pay (after the nights not stayed are dropped), on the open
    /// invoice `invoiced` if there is one (its folio is closed to payments).
    case balanceDue(BookingID, Amount, invoiced: InvoiceNumber?)
    /// `pay --client` for a payment that confirms no hold: the client is named with the payment that does.
    case clientNotConfirming(BookingID)
    /// An open invoice closes the folio to `transition` (``Lifecycle/closedByInvoice(_:)``).
    case folioClosed(BookingID, invoice: InvoiceNumber, transition: Transition)
    /// A credit note asked for a booking with no open invoice.
    case noOpenInvoice(BookingID)
    /// Every number of the year's sequence has been issued.
    case invoiceNumbersUsedUp(year: Int)
    /// A check-in to a room that is not ready (dirty), without `--dirty-ok`.
    case roomNotReady(RoomName, HousekeepingStatus)
    /// The store keeps no guests' personal data (a store held in memory, which has no side store).
    case guestsNotKept
    /// No profile of this client was ever recorded.
    case unknownGuest(ClientID)
    /// The client's profile was forgotten (at `at`); `guests set` starts a new one.
    case guestForgotten(ClientID, at: Instant)
    /// Record `index` of a `guests import` is not a profile the log shows: `logged` is what the log says of
    /// its client (nil: no profile at all; forgotten; or another revision).
    case importedProfileNotKept(index: Int, logged: GuestEntry?)
    /// Record `index` of a `guests import` lacks `fields`, which the log's profile set of its revision
    /// records were given values.
    case importedProfileLacks(index: Int, fields: [GuestField])
    /// The profile changed between the command's read and its decision: it merges again.
    case guestChangedSinceRead(ClientID)
    /// A release of a hold with money paid toward it (`paid`, not refunded): it is refunded first.
    case paidHold(BookingID, paid: Amount)
    /// A payment reached a hold's deposit, but the boundary the command drew did not cover confirming it
    /// (the hold was not a hold when read): the command draws its boundary again.
    case depositReachedSinceRead(BookingID)
    /// The booking is no longer of the room the decision's consistency boundary was drawn around (it was
    /// moved since that room was read): the command draws its boundary again.
    case movedSinceRead(BookingID, boundary: RoomName, now: RoomName)

    /// The rejection for `holder` holding `room` for some night of `stay`: a booking in the way, or a block.
    static func taken(_ room: RoomName, _ stay: Stay, by holder: CalendarEntry) -> BookingError {
        switch holder {
        case .booking(let booking) where booking.status == .checkedIn && !booking.stay.hasNights(from: stay.arrival, to: stay.departure):
            .guestStillThere(room, stay, guest: booking.id, departure: booking.stay.departure)
        case .booking(let booking): .roomNotFree(room, stay, blockedBy: booking.id, blockingStay: booking.stay)
        case .block(let block): .roomOutOfService(room, stay, block: block.id, blockStay: block.stay, reason: block.reason)
        }
    }
}
