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
    /// price keeps none in a room of its type (`sameType`), and is priced at the rates when it moves to another
    /// type that has them.
    public func price(ofChange stay: Stay, to type: RoomType, sameType: Bool, from folio: Folio?, keepsType: (Day) -> Bool) throws(BookingError) -> StayPrice? {
        guard let old = folio?.price else { return sameType ? nil : try price(of: type, for: stay, negotiated: nil) }
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

    /// The price of a stay of `type` checked out on `day`, after its booked departure: the nights booked keep
    /// their price; each night stayed on is priced at the stay's negotiated price if it has one, else at these
    /// rates, else at the price of its last night booked (a guest who has left cannot be refused).
    public func price(ofStayOn folio: Folio, type: RoomType, from arrival: Day, to day: Day) -> StayPrice? {
        guard let old = folio.price, let last = old.nightly.last, day.ordinal > arrival.ordinal else { return nil }
        var nightly: [Amount] = []
        for offset in 0..<(day.ordinal - arrival.ordinal) {
            let night = arrival.adding(days: offset)
            nightly.append(folio.price(of: night) ?? old.negotiated ?? price(of: type, on: night) ?? last)
        }
        return StayPrice(nightly: nightly, negotiated: old.negotiated)
    }
}
