/// A client's id, such as `42`, given by the caller and otherwise opaque.
///
/// Ids are non-empty, at most ``maximumLength`` characters, and have no control characters and no leading
/// or trailing white space.
public struct ClientID: TextValue {
    /// The longest id accepted, in characters.
    public static let maximumLength = 64

    /// The id as written.
    public let rawValue: String

    /// Validates a client id.
    ///
    /// - Throws: ``InvalidValue/clientID(_:reason:)`` saying what is wrong with it.
    public init(_ rawValue: String) throws(InvalidValue) { self.rawValue = try Self.input(rawValue) }

    /// Validates a value read from the log (see ``TextValue/logged(_:)``).
    init(logged rawValue: String) throws(InvalidValue) { self.rawValue = try Self.logged(rawValue) }

    public static func invalid(_ rawValue: String, reason: String) -> InvalidValue { .clientID(rawValue, reason: reason) }

    init(unchecked rawValue: String) { self.rawValue = rawValue }
}
