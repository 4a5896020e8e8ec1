/// The price of a night in a room of a type was set (`hotel rates set`): on every night, or on the nights
/// from `arrival` to before `departure`, or only on `days` among them. Tags: `rates:<type>`, `amounts`.
/// Data: `{"type":"double","price":"120.00"}`, with `"arrival"`, `"departure"` and `"days":"sat,sun"` when
/// given.
public struct RateSet: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "RateSet"

    public var rule: RateRule

    public init(_ rule: RateRule) { self.rule = rule }

    var tags: [Tag] { [.rates(rule.type), .amounts] }
    var data: JSONObject {
        var data: JSONObject = ["type": .string(rule.type.rawValue), "price": .string(rule.price.logged)]
        if let nights = rule.nights { data.add(nights) }
        if !rule.days.isEmpty { data["days"] = .string(rule.days.map(\.name).joined(separator: ",")) }
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        let type = try fields.value("type", RoomType.init(_:))
        let price = try fields.value("price", Amount.init(logged:))
        let nights: Stay? = try fields.optionalString("arrival") == nil ? nil : try fields.stay()
        var days: [Weekday] = []
        if let text = try fields.optionalString("days") {
            do { days = try Weekday.list(text) } catch { throw fields.failure("\"days\": \(error)") }
        }
        rule = RateRule(type: type, price: price, nights: nights, days: days)
    }
}
