/// One `hotel rates set`: the price of a night in a room of a type, on every night, or on the nights of
/// `nights`, or only on `days` among them. Rules are kept in the order recorded; a later one wins on the
/// nights it covers.
public struct RateRule: Sendable, Equatable {
    public var type: RoomType
    public var price: Amount
    /// The nights covered (nil: every night).
    public var nights: Stay?
    /// The weekdays covered (empty: every day).
    public var days: [Weekday]

    public init(type: RoomType, price: Amount, nights: Stay? = nil, days: [Weekday] = []) {
        self.type = type
        self.price = price
        self.nights = nights
        self.days = days
    }

    /// Whether it prices any night at all (`--days` naming none of the weekdays of its nights does not).
    public var coversAnyNight: Bool {
        guard let nights, !days.isEmpty, nights.nights < 7 else { return true }
        return (0..<nights.nights).contains { covers(nights.arrival.adding(days: $0)) }
    }

    /// Whether the rule prices `night`.
    public func covers(_ night: Day) -> Bool {
        if let nights, !(nights.arrival <= night && night < nights.departure) { return false }
        return days.isEmpty || days.contains(Weekday(of: night))
    }
}

extension RateRule {
    /// Which nights it covers, in words: "" for every night, " on 2024-05-01..2024-05-10, sat,sun".
    var scope: String {
        var words: [String] = []
        if let nights { words.append(nights.description) }
        if !days.isEmpty { words.append(days.map(\.name).joined(separator: ",")) }
        return words.isEmpty ? "" : " on " + words.joined(separator: ", ")
    }
}
