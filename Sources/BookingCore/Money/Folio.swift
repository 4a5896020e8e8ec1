/// The money of one booking or hold: its price and what was posted to it. What it charges for the nights
/// depends on the stay's status (``lines(of:)``), so it is read with its ``Booking``.
public struct Folio: Sendable, Equatable {
    /// The stay's price, if it has one; its nights start at ``firstNight``.
    public var price: StayPrice?
    public var firstNight: Day
    /// In the order recorded.
    public var postings: [Posting]
    /// A hold's deposit: a payment bringing ``paidNet`` to it confirms the hold.
    public var deposit: Amount?
    /// The invoice issued and not cancelled by a credit note: while there is one, the folio is closed.
    public var openInvoice: InvoiceIssued? {
        get { openInvoiceBox?.value }
        set { openInvoiceBox = newValue.map(InvoiceBox.init) }
    }
    /// Out of line: an invoice is large, and a log holds a folio for each priced stay, most never invoiced.
    private var openInvoiceBox: InvoiceBox?

    public init(price: StayPrice?, firstNight: Day, postings: [Posting] = [], deposit: Amount? = nil, openInvoice: InvoiceIssued? = nil) {
        self.price = price
        self.firstNight = firstNight
        self.postings = postings
        self.deposit = deposit
        self.openInvoiceBox = openInvoice.map(InvoiceBox.init)
    }

    /// The open invoice with the postings it covers.
    public var invoice: Invoice? {
        guard let openInvoice, let content = openInvoice.content else { return nil }
        return Invoice(issued: openInvoice, postings: Array(postings.prefix(content.postings)))
    }

    /// The price of `night`, if the stay's price covers it.
    public func price(of night: Day) -> Amount? {
        guard let nightly = price?.nightly else { return nil }
        let index = night.ordinal - firstNight.ordinal
        return nightly.indices.contains(index) ? nightly[index] : nil
    }

    /// What was paid and not refunded.
    public var paidNet: Amount {
        postings.reduce(.zero) { sum, posting in
            switch posting.kind {
            case .payment: sum + posting.amount
            case .refund: sum - posting.amount
            default: sum
            }
        }
    }
}

/// A line of `hotel folio`.
public struct FolioLine: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case room, extra, fee, payment, refund
    }

    public var day: Day
    public var kind: Kind
    public var description: String
    /// Charges and refunds positive, payments negative.
    public var amount: Amount
}

extension Folio {
    /// The nights `booking` is charged for: every night of a held, active or checked-in stay; the nights
    /// stayed of a checked-out one (its stay ends on the check-out day, past the booked departure for a guest
    /// who stayed on: the check-out prices those nights); none of a cancelled, released, expired or no-show one.
    public static func chargedNights(of booking: Booking, at now: Instant) -> [Day] {
        switch booking.status(at: now) {
        case .held, .active, .checkedIn, .checkedOut:
            // A guest who left on the arrival day slept no night; one moved and gone on the day of the move
            // slept the nights before it (the stay was cut to the check-out day).
            if booking.leftOnArrivalDay, booking.roomArrival <= booking.stay.arrival { return [] }
            return (0..<booking.stay.nights).map { booking.stay.arrival.adding(days: $0) }
        case .cancelled, .released, .expired, .noShow:
            return []
        }
    }

    /// The folio's lines for `booking` at `now`: a `room` line a night charged (``chargedNights(of:at:)``)
    /// that has a price, in night order, described by its room (for a guest moved while checked in, the
    /// nights before the move by the rooms they were slept in, as `roomOf` finds them); then the postings in
    /// the order recorded.
    public func lines(of booking: Booking, at now: Instant, roomOf: (Day) -> RoomName? = { _ in nil }) -> [FolioLine] {
        var lines: [FolioLine] = []
        for night in Self.chargedNights(of: booking, at: now) {
            guard let price = price(of: night) else { continue }
            let room = night >= booking.roomArrival ? booking.room : roomOf(night)
            lines.append(FolioLine(day: night, kind: .room, description: room.map { "night in \($0)" } ?? "night", amount: price))
        }
        for posting in postings {
            let description: String
            switch posting.kind {
            case .extra, .fee: description = posting.what ?? posting.kind.rawValue
            case .payment, .refund: description = [posting.method?.rawValue, posting.reference].compactMap { $0 }.joined(separator: " ")
            }
            lines.append(FolioLine(day: posting.day, kind: FolioLine.Kind(rawValue: posting.kind.rawValue)!, description: description, amount: posting.signed))
        }
        return lines
    }

    /// Whether `hotel balances` lists a stay in `status` with `balance`: the one rule of it. What is owed by
    /// a stay that settles (checked in, checked out, cancelled, no-show), and every credit.
    public static func isOwed(balance: Amount, status: Booking.Status) -> Bool {
        balance < .zero || ([.checkedIn, .checkedOut, .cancelled, .noShow].contains(status) && !balance.isZero)
    }

    /// Whether ``isOwed(balance:status:)`` may take this folio of `booking` at some time: a stay that is not a
    /// hold is listed or not whatever the clock says (its status and nights do not change with it); a hold's
    /// (held, then expired) only if money was paid toward it (an expired hold's payments are a credit).
    public func mayBeOwed(_ booking: Booking) -> Bool {
        guard booking.status != .held else { return paidNet > .zero }
        let any = Instant(secondsSince1970: 0)
        return Self.isOwed(balance: balance(of: booking, at: any), status: booking.status(at: any))
    }

    /// What is owed (positive) or owing (negative) for `booking` at `now`.
    public func balance(of booking: Booking, at now: Instant) -> Amount {
        lines(of: booking, at: now).reduce(.zero) { $0 + $1.amount }
    }
}

/// An ``InvoiceIssued`` held by reference (``Folio/openInvoice``), compared by value.
private final class InvoiceBox: Sendable, Equatable {
    let value: InvoiceIssued
    init(_ value: InvoiceIssued) { self.value = value }
    static func == (lhs: InvoiceBox, rhs: InvoiceBox) -> Bool { lhs.value == rhs.value }
}
