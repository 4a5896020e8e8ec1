/// A client's id, such as `42`, given by the caller and otherwise opaque.
///
/// Ids are non-empty, at most ``maximumLength`` characters, and have no control characters and no leading
/// or trailing white space.
public struct ClientID: Sendable, Hashable, CustomStringConvertible {
    /// The longest id accepted, in characters.
    public static let maximumLength = 64

    /// The id as written.
    public let rawValue: String

    /// Validates a client id.
    ///
    /// - Throws: ``InvalidValue/clientID(_:reason:)`` saying what is wrong with it.
    public init(_ rawValue: String) throws(InvalidValue) {
        if let reason = TextRules.problem(with: rawValue, maximumLength: Self.maximumLength) {
            throw .clientID(rawValue, reason: reason)
        }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    init(unchecked rawValue: String) { self.rawValue = rawValue }
}
