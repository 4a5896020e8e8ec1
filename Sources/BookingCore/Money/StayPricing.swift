/// How a stay is priced when it is booked, held or changed: the one rule, which ``ReserveStay`` and
/// ``ChangeBooking`` both follow.
extension Tariff {
    /// The price of a new stay in a room of `type`: `negotiated` on every night if given (`--price`), else the
    /// rates of each night; none for a type with no rates at all (it books as before money existed).
    ///
    /// - Throws: ``BookingError/nightWithoutPrice(_:night:)`` for a night of a type with rates that no rate
    ///   covers.
    public func price(of type: RoomType, for stay: Stay, negotiated: Amount?) throws(BookingError) -> StayPrice? {
        if let negotiated { return StayPrice(nightly: Array(repeating: negotiated, count: stay.nights), negotiated: negotiated) }
        guard hasRates(type) else { return nil }
        return StayPrice(nightly: try prices(of: type, for: stay).map(\.price))
    }

    /// The price of a stay changed to `stay`, whose earlier price was `folio`'s: each night it keeps in a room
    /// of the same type (`keepsType(night)`) keeps its price; the others (new nights, nights moved to another
    /// type) are priced at the stay's negotiated price if it has one, else at these rates. A stay without a
    /// price gets one only if its new type has rates.
    public func price(ofChange stay: Stay, to type: RoomType, from folio: Folio?, keepsType: (Day) -> Bool) throws(BookingError) -> StayPrice? {
        guard let old = folio?.price else { return try price(of: type, for: stay, negotiated: nil) }
        var nightly: [Amount] = []
        nightly.reserveCapacity(stay.nights)
        for offset in 0..<stay.nights {
            let night = stay.arrival.adding(days: offset)
            if keepsType(night), let kept = folio?.price(of: night) {
                nightly.append(kept)
            } else if let negotiated = old.negotiated {
                nightly.append(negotiated)
            } else if let rate = price(of: type, on: night) {
                nightly.append(rate)
            } else {
                throw .nightWithoutPrice(type, night: night)
            }
        }
        return StayPrice(nightly: nightly, negotiated: old.negotiated)
    }
}
