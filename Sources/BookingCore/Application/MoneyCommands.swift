/// The money's commands and queries: settings, rates and quotes.
extension CommandRunner {
    /// Gives setting `key` the value `value` (checked by ``SettingKey/validated(_:)``).
    public func changeSetting(_ key: SettingKey, to value: String) throws(HotelError) {
        _ = try run(ChangeSetting(key: key, value: value))
    }

    /// Sets the price of a night in a room of `type` on `nights` (every night for nil), only on `days` among
    /// them if any are given. `price` is read in the currency set.
    public func setRate(_ type: RoomType, price: String, nights: Stay? = nil, days: [Weekday] = []) throws(HotelError) {
        _ = try run(SetRate(type: type, price: price, nights: nights, days: days))
    }
}

/// A stay's price, night by night, as ``FrontDesk/quote(_:for:)`` gives it.
public struct Quote: Sendable, Equatable {
    public var type: RoomType
    public var nights: [Day]
    public var prices: [Amount]
    /// The sum of the prices.
    public var total: Amount { prices.reduce(Amount.zero, +) }
}

extension FrontDesk {
    /// Every setting with its value as set, else its default, else nil; in the order of ``SettingKey``.
    public func settings() throws(HotelError) -> [(key: SettingKey, value: String?)] {
        try answer { model in SettingKey.allCases.map { ($0, model.tariff.value($0)) } }
    }

    /// The price of each night of `stay` in a room of `type`, nil where no rate covers it.
    /// - Throws: ``BookingError/unknownRoomType(_:suggestion:)`` if no room has the type.
    public func rates(of type: RoomType, for stay: Stay) throws(HotelError) -> [(night: Day, price: Amount?)] {
        try answer { (model) throws(BookingError) in
            try model.requireType(type)
            return (0..<stay.nights).map { offset in
                let night = stay.arrival.adding(days: offset)
                return (night, model.tariff.price(of: type, on: night))
            }
        }
    }

    /// What a stay in `target` (a room, priced by its type, or a type) costs at today's rates.
    /// - Throws: ``BookingError/nightWithoutPrice(_:night:)`` naming the first night without a price; unknown
    ///   rooms and types with the nearest registered name.
    public func quote(_ target: StayRequest.Target, for stay: Stay) throws(HotelError) -> Quote {
        try answer { (model) throws(BookingError) in
            let type: RoomType
            switch target {
            case .room(let room):
                guard let found = model.roomType(room) else { throw model.unknownRoom(room) }
                type = found
            case .type(let wanted):
                try model.requireType(wanted)
                type = wanted
            }
            let prices = try model.tariff.prices(of: type, for: stay)
            return Quote(type: type, nights: prices.map(\.night), prices: prices.map(\.price))
        }
    }
}
