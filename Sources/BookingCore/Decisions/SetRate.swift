/// Sets the price of a night in a room of a type (`hotel rates set`): on every night, or on some nights,
/// or on some weekdays among them. Refused with no currency set; the price is read in the currency's form
/// (the currency is in the boundary, so a price is never read under one currency and recorded under another).
public struct SetRate: Decision {
    public var type: RoomType
    /// The price as typed: its form depends on the currency.
    public var price: String
    public var nights: Stay?
    public var days: [Weekday]

    public init(type: RoomType, price: String, nights: Stay? = nil, days: [Weekday] = []) {
        self.type = type
        self.price = price
        self.nights = nights
        self.days = days
    }

    public var query: Query {
        Query([QueryItem(types: [], tags: [.setting(.currency)]), QueryItem(types: [RoomAdded.type], tags: [])])
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        try state.requireType(type)
        let amount = try state.tariff.amount(price)
        return [.rateSet(RateSet(RateRule(type: type, price: amount, nights: nights, days: days)))]
    }
}
