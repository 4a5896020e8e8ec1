/// Records an arrival, a departure or a no-show on the front desk's `today`, in the statuses and on the
/// days the ``Lifecycle`` allows:
///
/// - Check-in: an active booking, from its arrival day up to (not including) its departure day.
/// - Check-out: a checked-in booking, any day; before the departure day it is an early departure (see
///   ``DomainEvent/apply(to:)``).
/// - No-show: an active booking not checked in, on or after its arrival day; its room becomes free.
///
/// A check-in is refused while another guest checked in to the room past the departure is still there
/// for a night of the stay (see ``HotelReadModel/overstaying(room:stay:at:except:)``), and while the room
/// is dirty unless let through (``dirtyOK``): its boundary covers the booking's room too (its events are
/// what change its housekeeping status).
public struct RecordMilestone: Decision {
    public var kind: StayMilestone.Kind
    public var booking: BookingID
    public var today: Day
    public var now: Instant
    /// For a check-in, the booking's room when the command started (the boundary covers it).
    public var currentRoom: RoomName?
    /// For a no-show, a fee as typed (`--fee`), posted to the folio.
    public var fee: String?
    /// For a check-out, whether a balance still to pay is let through (`--allow-balance`).
    public var allowsBalance: Bool
    /// For a check-in, whether a dirty room is let through (`--dirty-ok`); the event then says so.
    public var dirtyOK: Bool
    public var decidedAt: Instant? { now }

    public init(_ kind: StayMilestone.Kind, booking: BookingID, today: Day, now: Instant, currentRoom: RoomName? = nil, fee: String? = nil, allowsBalance: Bool = false, dirtyOK: Bool = false) {
        self.kind = kind
        self.booking = booking
        self.today = today
        self.now = now
        self.currentRoom = currentRoom
        self.fee = fee
        self.allowsBalance = allowsBalance
        self.dirtyOK = dirtyOK
    }

    /// Every event of the booking (or of a block of that id, to refuse it as one); for a check-in, of its
    /// room too.
    public var query: Query {
        var items = QueryItem.events(of: booking)
        if fee != nil { items.append(QueryItem(types: [], tags: [.setting(.currency)])) }
        // A guest who stayed on: the nights past the departure are priced at the rates.
        if kind == .checkedOut { items += QueryItem.pricing }
        if kind == .checkedIn, let currentRoom { items.append(QueryItem(types: [], tags: [.room(currentRoom)])) }
        return Query(items)
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        let transition = Transition(kind)
        try booked.require(transition, at: now)
        try booked.require(transition, on: today)
        if kind == .checkedIn {
            // Decide only on what the boundary covers: the room it was drawn around.
            guard let currentRoom, booked.room == currentRoom else { throw .movedSinceRead(booking, boundary: currentRoom ?? booked.room, now: booked.room) }
            if let guest = state.overstaying(room: booked.room, stay: booked.stay, at: now, except: booking) {
                throw .taken(booked.room, booked.stay, by: .booking(guest))
            }
        }
        var recorded = StayMilestone(kind, booking: booking, client: booked.client!, room: booked.room, day: today)
        if kind == .checkedIn, !state.housekeeping.status(of: booked.room).isReady {
            guard dirtyOK else { throw .roomNotReady(booked.room, state.housekeeping.status(of: booked.room)) }
            recorded.roomWasDirty = true
        }
        if kind == .checkedOut, let folio = state.folio(booking), today > booked.stay.departure {
            recorded.price = state.tariff.price(ofStayOn: folio, type: state.roomType(booked.room) ?? .standard, from: booked.stay.arrival, to: today)
        }
        let milestone = DomainEvent.stayMilestone(recorded)
        if kind == .checkedOut, !allowsBalance, let folio = state.folio(booking) {
            // The balance as the check-out leaves it: the nights not stayed are no longer charged, the nights
            // stayed on are.
            var after = HotelProjection()
            after.put(.booking(booked))
            after.apply(milestone)
            var folios = FolioBook()
            folios.put(BookingKey(booking), folio)
            milestone.apply(to: &folios)
            if let left = after.booking(booking), let billed = folios.folio(booking) {
                let balance = billed.balance(of: left, at: now)
                if balance > .zero { throw .balanceDue(booking, balance, invoiced: folio.openInvoice?.number) }
            }
        }
        let fee = kind == .noShow ? try state.fee(fee, of: booking, on: today, what: "no-show", with: .noShow) : []
        return [milestone] + fee
    }
}
