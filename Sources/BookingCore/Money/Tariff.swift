/// The hotel's money settings and rates: what `hotel settings`, `hotel rates` and `hotel quote` read, and
/// what a decision reads to price a stay. Small (a few events' worth), folded from ``SettingChanged`` and
/// ``RateSet`` through ``DomainEvent/apply(to:)-(Tariff)`` and kept whole in the snapshot's `tariff` section.
public struct Tariff: Sendable, Equatable {
    /// Each setting's value as set (keys never set are absent).
    public private(set) var settings: [SettingKey: String] = [:]
    /// Every rate rule, in the order recorded.
    public private(set) var rules: [RateRule] = []
    /// Whether any event has recorded an amount (then the currency is fixed).
    public private(set) var hasAmounts = false
    /// The last number issued in each calendar year (invoices and credit notes share it).
    public private(set) var lastInvoiceNumbers: [Int: Int] = [:]

    public init() {}

    /// The value of `key`: as set, else its default.
    public func value(_ key: SettingKey) -> String? { settings[key] ?? key.defaultValue }

    /// The currency, once set.
    public var currency: Currency? { settings[.currency].flatMap { try? Currency($0) } }

    /// The price of `night` in a room of `type`: the last rule recorded that covers it; nil if none does.
    public func price(of type: RoomType, on night: Day) -> Amount? {
        rules.last { $0.type == type && $0.covers(night) }?.price
    }

    /// Whether `type` has any rate at all (a type without rates books without a price).
    public func hasRates(_ type: RoomType) -> Bool { rules.contains { $0.type == type } }

    // MARK: Folding (only through DomainEvent.apply(to:))

    mutating func set(_ key: SettingKey, _ value: String) { settings[key] = value }

    mutating func add(_ rule: RateRule) {
        rules.append(rule)
        hasAmounts = true
    }

    mutating func noteAmount() { hasAmounts = true }

    mutating func noteInvoice(_ number: InvoiceNumber) {
        lastInvoiceNumbers[number.year] = max(lastInvoiceNumbers[number.year] ?? 0, number.sequence)
    }

    /// The next number of `year`'s sequence, with the prefix set; nil once the year's numbers are used up.
    public func nextInvoiceNumber(year: Int) -> InvoiceNumber? {
        let next = (lastInvoiceNumbers[year] ?? 0) + 1
        guard next <= InvoiceNumber.maximumSequence else { return nil }
        return InvoiceNumber(prefix: value(.invoicePrefix) ?? "INV", year: year, sequence: next)
    }

    /// The events that make this tariff when folded into an empty one: what its snapshot section keeps.
    var events: [DomainEvent] {
        var events = SettingKey.allCases.compactMap { key in settings[key].map { DomainEvent.settingChanged(SettingChanged(key: key, value: $0)) } }
        events += rules.map { .rateSet(RateSet($0)) }
        return events
    }
}

extension Tariff {
    /// An amount as typed, in the currency set.
    ///
    /// - Throws: ``BookingError/noCurrency`` with none set; ``BookingError/invalidAmount(_:)`` if the text is
    ///   not of the currency's form.
    public func amount(_ text: String) throws(BookingError) -> Amount {
        guard let currency else { throw .noCurrency }
        do { return try Amount(text, currency: currency) } catch { throw .invalidAmount(error) }
    }

    /// The price of each night of `stay` in a room of `type`, at these rates: the one rule of what a stay
    /// costs (`quote`, and the price a booking fixes).
    ///
    /// - Throws: ``BookingError/nightWithoutPrice(_:night:)`` naming the first night no rate covers.
    public func prices(of type: RoomType, for stay: Stay) throws(BookingError) -> [(night: Day, price: Amount)] {
        var prices: [(night: Day, price: Amount)] = []
        for offset in 0..<stay.nights {
            let night = stay.arrival.adding(days: offset)
            guard let price = price(of: type, on: night) else { throw .nightWithoutPrice(type, night: night) }
            prices.append((night, price))
        }
        return prices
    }
}
