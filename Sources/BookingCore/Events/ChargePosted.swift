/// An extra (breakfast, minibar, parking) or a fee (of a cancellation or a no-show) was charged to a stay's
/// folio. Tags: `booking:<id>`, `amounts`.
/// Data: `{"bookingId":"bk7q2mxa3d","kind":"extra","day":"2024-05-02","amount":"18.50","what":"breakfast"}`
/// (`"what"` when given).
public struct ChargePosted: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "ChargePosted"

    public var booking: BookingID
    /// `extra` or `fee`.
    public var kind: Posting.Kind
    public var day: Day
    public var amount: Amount
    public var what: FolioText?

    public init(booking: BookingID, kind: Posting.Kind, day: Day, amount: Amount, what: FolioText? = nil) {
        precondition(kind == .extra || kind == .fee)
        self.booking = booking
        self.kind = kind
        self.day = day
        self.amount = amount
        self.what = what
    }

    var tags: [Tag] { [.booking(booking), .amounts] }
    var data: JSONObject {
        var data: JSONObject = ["bookingId": .string(booking.rawValue), "kind": .string(kind.rawValue), "day": .string(day.description), "amount": .string(amount.logged)]
        if let what { data["what"] = .string(what.rawValue) }
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        guard let kind = try fields.optionalString("kind").flatMap(Posting.Kind.init(rawValue:)), kind == .extra || kind == .fee else {
            throw fields.failure("\"kind\" must be \"extra\" or \"fee\"")
        }
        self.kind = kind
        day = try fields.value("day", Day.init(_:))
        amount = try fields.value("amount", Amount.init(logged:))
        what = try fields.optionalValue("what", FolioText.init(logged:))
    }

    /// The folio's line.
    var posting: Posting { Posting(kind: kind, day: day, amount: amount, what: what?.rawValue) }
}

/// A payment toward a stay was received (`hotel pay`), or money paid was given back (`hotel refund`).
/// Tags: `booking:<id>`, `amounts`.
/// Data: `{"bookingId":"bk7q2mxa3d","day":"2024-05-02","amount":"100.00","method":"card"}`, with
/// `"reference"` when given.
public struct PaymentRecorded: Sendable, Equatable {
    /// The event types in the log: a payment, a refund.
    public static let type = "PaymentRecorded"
    public static let refundType = "PaymentRefunded"

    public var booking: BookingID
    /// Whether money was given back.
    public var isRefund: Bool
    public var day: Day
    public var amount: Amount
    public var method: PaymentMethod
    public var reference: FolioText?

    public init(booking: BookingID, isRefund: Bool = false, day: Day, amount: Amount, method: PaymentMethod, reference: FolioText? = nil) {
        self.booking = booking
        self.isRefund = isRefund
        self.day = day
        self.amount = amount
        self.method = method
        self.reference = reference
    }

    var tags: [Tag] { [.booking(booking), .amounts] }
    var data: JSONObject {
        var data: JSONObject = ["bookingId": .string(booking.rawValue), "day": .string(day.description), "amount": .string(amount.logged), "method": .string(method.rawValue)]
        if let reference { data["reference"] = .string(reference.rawValue) }
        return data
    }

    init(_ fields: some EventFields, isRefund: Bool) throws(EventDataError) {
        self.isRefund = isRefund
        booking = try fields.value("bookingId", BookingID.init(_:))
        day = try fields.value("day", Day.init(_:))
        amount = try fields.value("amount", Amount.init(logged:))
        guard let method = try fields.optionalString("method").flatMap(PaymentMethod.init(rawValue:)) else {
            throw fields.failure("\"method\" must be one of " + PaymentMethod.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self.method = method
        reference = try fields.optionalValue("reference", FolioText.init(logged:))
    }

    /// The folio's line.
    var posting: Posting { Posting(kind: isRefund ? .refund : .payment, day: day, amount: amount, method: method, reference: reference?.rawValue) }
}
