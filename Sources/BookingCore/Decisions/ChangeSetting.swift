/// Gives a setting of the hotel a value (`hotel settings set KEY VALUE`). The currency is fixed once any
/// amount is recorded: its boundary then covers every event that records one (tag `amounts`).
public struct ChangeSetting: Decision {
    public var key: SettingKey
    /// The value, checked by ``SettingKey/validated(_:)``.
    public var value: String

    public init(key: SettingKey, value: String) {
        self.key = key
        self.value = value
    }

    public var query: Query {
        var items = [QueryItem(types: [], tags: [.setting(key)])]
        if key == .currency { items.append(QueryItem(types: [], tags: [.amounts])) }
        return Query(items)
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let tariff = state.tariff
        if key == .currency, tariff.hasAmounts, let current = tariff.settings[.currency], current != value {
            throw .currencyFixed(current: current)
        }
        // Already so: nothing to record.
        if tariff.settings[key] == value { return [] }
        return [.settingChanged(SettingChanged(key: key, value: value))]
    }
}
