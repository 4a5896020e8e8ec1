/// A stay's price, fixed when it is booked, held or changed: the price of each of its nights, from its
/// arrival, and the negotiated price per night it was given instead of the rates (`--price`), if any.
///
/// In an event's data: `"prices":"120.00 120.00 150.00"` (one a night, in night order) and, when
/// negotiated, `"negotiatedPrice":"95.00"`. An event without `prices` (every event written before money,
/// and every stay of a type with no rates) has no price.
public struct StayPrice: Sendable, Equatable {
    /// One a night of the stay, in order.
    public var nightly: [Amount]
    public var negotiated: Amount?

    public init(nightly: [Amount], negotiated: Amount? = nil) {
        self.nightly = nightly
        self.negotiated = negotiated
    }

    /// The sum of the nights' prices.
    public var total: Amount { nightly.reduce(.zero, +) }

    func add(to data: inout JSONObject) {
        data["prices"] = .string(nightly.map(\.logged).joined(separator: " "))
        if let negotiated { data["negotiatedPrice"] = .string(negotiated.logged) }
    }

    /// The price in `fields` of a stay of `nights` nights (any number for nil); nil if it has none.
    init?(_ fields: some EventFields, nights: Int?) throws(EventDataError) {
        guard let text = try fields.optionalString("prices") else { return nil }
        var nightly: [Amount] = []
        nightly.reserveCapacity(nights ?? 16)
        for part in text.split(separator: " ", omittingEmptySubsequences: false) {
            do { nightly.append(try Amount(logged: String(part))) } catch { throw fields.failure("\"prices\": \(error)") }
        }
        if let nights, nightly.count != nights { throw fields.failure("\"prices\" has \(nightly.count) prices for \(nights) nights") }
        self.nightly = nightly
        negotiated = try fields.optionalValue("negotiatedPrice", Amount.init(logged:))
    }
}

extension DomainEvent {
    /// The stay's price the event fixes, if it is one that fixes a price.
    var stayPrice: StayPrice? {
        switch self {
        case .roomBooked(let e): e.price
        case .roomHeld(let e): e.price
        case .bookingChanged(let e): e.price
        case .stayMilestone(let e): e.price
        default: nil
        }
    }
}
