/// A guest's profile was recorded or updated (`hotel guests set`): which fields changed, and the revision of
/// the side file's record that holds the values. The values themselves never enter the log (they may have to
/// be forgotten; the log cannot forget). Tags: `client:<id>`.
/// Data: `{"client":"42","revision":"9f2c41d07ab3e655","fields":"name email"}`.
public struct GuestProfileSet: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "GuestProfileSet"

    public var client: ClientID
    /// The side file's record of this profile: 16 hexadecimal digits, new at every change.
    public var revision: GuestRevision
    /// The fields given, in ``GuestField`` order.
    public var fields: [GuestField]

    public init(client: ClientID, revision: GuestRevision, fields: [GuestField]) {
        self.client = client
        self.revision = revision
        self.fields = fields.sorted()
    }

    var tags: [Tag] { [.client(client)] }
    var data: JSONObject {
        ["client": .string(client.rawValue), "revision": .string(revision.description), "fields": .string(fields.map(\.rawValue).joined(separator: " "))]
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        client = try fields.value("client", ClientID.init(_:))
        revision = try fields.value("revision", GuestRevision.init(_:))
        guard let text = try fields.optionalString("fields") else { throw fields.failure("\"fields\" must be a string") }
        var parsed: [GuestField] = []
        for word in text.split(separator: " ") {
            guard let field = GuestField(rawValue: String(word)) else { throw fields.failure("\"fields\": unknown field '\(word)'") }
            parsed.append(field)
        }
        self.fields = parsed
    }
}

/// A guest's personal data was erased (`hotel guests forget`): the profile's values are gone from the side
/// file; the client's stays, folios and history stay, under the client id. Tags: `client:<id>`.
/// Data: `{"client":"42","at":"2026-12-03T10:00:00Z"}` (when it was decided), with `"reason"` if given.
public struct GuestForgotten: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "GuestForgotten"

    public var client: ClientID
    public var at: Instant
    public var reason: Reason?

    public init(client: ClientID, at: Instant, reason: Reason? = nil) {
        self.client = client
        self.at = at
        self.reason = reason
    }

    var tags: [Tag] { [.client(client)] }
    var data: JSONObject {
        var data: JSONObject = ["client": .string(client.rawValue), "at": .string(at.description)]
        if let reason { data["reason"] = .string(reason.rawValue) }
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        client = try fields.value("client", ClientID.init(_:))
        at = try fields.value("at", Instant.init(_:))
        reason = try fields.optionalValue("reason", Reason.init(logged:))
    }
}

/// Which record of the side file holds a profile's values: 64 random bits, written as 16 lowercase
/// hexadecimal digits.
public struct GuestRevision: Sendable, Hashable, CustomStringConvertible {
    public var bits: UInt64

    public init(bits: UInt64) { self.bits = bits }

    /// A new one, from the system's random source.
    public static func random() -> GuestRevision {
        var generator = SystemRandomNumberGenerator()
        return GuestRevision(bits: generator.next())
    }

    public var description: String {
        let hex = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    public init(_ text: String) throws(InvalidValue) {
        guard text.utf8.count == 16, text.utf8.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }), let bits = UInt64(text, radix: 16) else {
            throw .text(option: "revision", text, reason: "expected 16 lowercase hexadecimal digits")
        }
        self.bits = bits
    }
}

extension GuestRevision: FieldValue {
    init(logged text: String) throws(InvalidValue) { try self.init(text) }
    init?(plainASCII bytes: UnsafeBufferPointer<UInt8>) { try? self.init(String(decoding: bytes, as: UTF8.self)) }
}
