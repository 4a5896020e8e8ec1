/// Posts to a stay's folio: an extra (`hotel charge`), a payment (`hotel pay`) or a refund (`hotel refund`),
/// in the statuses the ``Lifecycle`` allows (an extra to an active, checked-in or checked-out stay; a
/// payment to anything but an expired or released hold). A refund is at most what was paid and not yet
/// refunded. The amount is read in the currency set.
///
/// A payment that brings what was paid toward a hold to at least its deposit confirms the hold in the same
/// append: ``confirming`` decides that, on its boundary (the hold's room and what holds its nights, drawn
/// as ``ConfirmHold`` draws them), which the payment's query includes. The command gives it for a booking
/// that was a hold when read.
public struct PostToFolio: Decision {
    public var booking: BookingID
    /// `extra`, `payment` or `refund`.
    public var kind: Posting.Kind
    /// The amount as typed.
    public var amount: String
    public var day: Day
    public var what: FolioText?
    public var method: PaymentMethod
    public var reference: FolioText?
    public var now: Instant
    public var decidedAt: Instant? { now }
    /// The confirmation a payment reaching the hold's deposit records with it.
    public var confirming: ConfirmHold?
    /// For a payment, the client the hold it confirms is confirmed for (`pay --client`).
    public var client: ClientID?

    public init(booking: BookingID, kind: Posting.Kind, amount: String, day: Day, what: FolioText? = nil, method: PaymentMethod = .other, reference: FolioText? = nil, now: Instant, confirming: ConfirmHold? = nil, client: ClientID? = nil) {
        precondition(confirming == nil || (kind == .payment && confirming?.booking == booking && confirming?.client == client))
        precondition(client == nil || kind == .payment)
        self.client = client
        precondition(kind != .fee)
        self.booking = booking
        self.kind = kind
        self.amount = amount
        self.day = day
        self.what = what
        self.method = method
        self.reference = reference
        self.now = now
        self.confirming = confirming
    }

    /// The transition whose statuses it takes.
    var transition: Transition {
        switch kind {
        case .extra, .fee: .charge
        case .payment: .pay
        case .refund: .refund
        }
    }

    public var query: Query {
        Query(QueryItem.events(of: booking) + [QueryItem(types: [], tags: [.setting(.currency)])] + (confirming?.query.items ?? []))
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        try booked.require(transition, at: now)
        try state.requireOpenFolio(booking, for: transition)
        let amount = try state.tariff.positiveAmount(self.amount, option: "--amount")
        switch kind {
        case .extra, .fee:
            return [.chargePosted(ChargePosted(booking: booking, kind: .extra, day: day, amount: amount, what: what))]
        case .payment, .refund:
            if kind == .refund {
                let paid = state.folio(booking)?.paidNet ?? .zero
                guard amount <= paid else { throw .refundTooLarge(booking, paid: paid.scaled(to: amount.minorDigits)) }
            }
            let payment = DomainEvent.paymentRecorded(PaymentRecorded(booking: booking, isRefund: kind == .refund, day: day, amount: amount, method: method, reference: reference))
            let held = booked.status(at: now) == .held
            if let client, held, let holder = booked.client, holder != client { throw .holdClientMismatch(booking, holder: holder, given: client) }
            guard kind == .payment, held, let deposit = state.folio(booking)?.deposit,
                  (state.folio(booking)?.paidNet ?? .zero) + amount >= deposit
            else {
                if client != nil { throw .clientNotConfirming(booking) }
                return [payment]
            }
            guard let confirming else { throw .depositReachedSinceRead(booking) }
            return [payment] + (try confirming.decide(on: state))
        }
    }
}

extension Tariff {
    /// An amount more than zero, as typed for `option`, in the currency set.
    func positiveAmount(_ text: String, option: String) throws(BookingError) -> Amount {
        let amount = try amount(text)
        guard amount > .zero else { throw .invalidAmount(.text(option: option, text, reason: "must be more than zero")) }
        return amount
    }
}

extension HotelReadModel {
    /// A fee posted with a cancellation or a no-show on `day`, if one is given, described by `what` (the
    /// cancellation's reason, or what it is a fee of): a charge, refused on a folio an invoice closed.
    func fee(_ text: String?, of booking: BookingID, on day: Day, what: String, with command: Transition) throws(BookingError) -> [DomainEvent] {
        guard let text else { return [] }
        try requireOpenFolio(booking, for: .charge, as: command)
        let amount = try tariff.positiveAmount(text, option: "--fee")
        return [.chargePosted(ChargePosted(booking: booking, kind: .fee, day: day, amount: amount, what: FolioText(unchecked: what)))]
    }
}
