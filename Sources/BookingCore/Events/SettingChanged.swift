/// A setting of the hotel was given a value (`hotel settings set`). Tags: `setting:<key>`.
/// Data: `{"key":"currency","value":"EUR"}`.
public struct SettingChanged: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "SettingChanged"

    public var key: SettingKey
    public var value: String

    public init(key: SettingKey, value: String) {
        self.key = key
        self.value = value
    }

    var tags: [Tag] { [.setting(key)] }
    var data: JSONObject { ["key": .string(key.rawValue), "value": .string(value)] }

    init(_ fields: some EventFields) throws(EventDataError) {
        guard let name = try fields.optionalString("key") else { throw fields.failure("\"key\" must be a string") }
        guard let key = SettingKey(rawValue: name) else { throw fields.failure("\"key\": unknown setting '\(InvalidValue.shown(name))'") }
        guard let value = try fields.optionalString("value") else { throw fields.failure("\"value\" must be a string") }
        do { _ = try key.validated(value) } catch { throw fields.failure("\"value\": \(error)") }
        self.key = key
        self.value = value
    }
}
