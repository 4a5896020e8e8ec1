/// A tag on an event, such as `room:Blue`, `booking:bk7q2mxa3d` or `client:42`.
///
/// Tags say which entities an event concerns; queries and append conditions select events by them.
public struct Tag: Sendable, Hashable, CustomStringConvertible {
    /// The tag as written in the log.
    public let rawValue: String

    /// Makes a tag from its text, which must be non-empty and free of control characters.
    public init?(_ rawValue: String) {
        guard !rawValue.isEmpty, !rawValue.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return nil }
        self.rawValue = rawValue
    }

    /// `room:<name>`.
    public static func room(_ name: RoomName) -> Tag { Tag(unchecked: "room:" + name.rawValue) }
    /// `booking:<id>`.
    public static func booking(_ id: BookingID) -> Tag { Tag(unchecked: "booking:" + id.rawValue) }
    /// `client:<id>`.
    public static func client(_ id: ClientID) -> Tag { Tag(unchecked: "client:" + id.rawValue) }

    /// `block:<id>`.
    public static func block(_ id: BookingID) -> Tag { Tag(unchecked: "block:" + id.rawValue) }

    /// `setting:<key>`.
    public static func setting(_ key: SettingKey) -> Tag { Tag(unchecked: "setting:" + key.rawValue) }
    /// `rates:<type>`.
    public static func rates(_ type: RoomType) -> Tag { Tag(unchecked: "rates:" + type.rawValue) }
    /// `invoices:<year>`: on every invoice and credit note numbered in that year.
    public static func invoices(year: Int) -> Tag { Tag(unchecked: "invoices:" + String(year)) }
    /// `amounts`: on every event that records an amount of money (the currency is fixed once one is).
    public static let amounts = Tag(unchecked: "amounts")

    /// The tags of an event about a booking: `booking:<id>`, `room:<name>`, and `client:<id>` if it has one.
    static func of(booking: BookingID, room: RoomName, client: ClientID?) -> [Tag] {
        var tags: [Tag] = [.booking(booking), .room(room)]
        if let client { tags.append(.client(client)) }
        return tags
    }

    init(unchecked rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// Equal when the UTF-8 bytes are, as the log's byte searches see them (see ``TextKey``).
    public static func == (lhs: Tag, rhs: Tag) -> Bool { TextKey.same(lhs.rawValue, rhs.rawValue) }

    public func hash(into hasher: inout Hasher) { TextKey.hash(rawValue, into: &hasher) }
}
