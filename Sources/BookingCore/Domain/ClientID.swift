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
        switch TextRules.input(rawValue, maximumLength: Self.maximumLength) {
        case .success(let normalized): self.rawValue = normalized
        case .failure(let problem):
            let reason = problem.reason
            throw .clientID(rawValue, reason: reason)
        }
    }

    /// Validates a value read from the log by the rules it was written under, keeping its bytes as written
    /// (not normalized: the log is never rewritten).
    init(logged rawValue: String) throws(InvalidValue) {
        if let reason = TextRules.problem(with: rawValue, maximumLength: Self.maximumLength) { throw .clientID(rawValue, reason: reason) }
        self.rawValue = rawValue
    }

    /// Equal when the UTF-8 bytes are (see ``TextKey``): never by canonical equivalence.
    public static func == (lhs: Self, rhs: Self) -> Bool { TextKey.same(lhs.rawValue, rhs.rawValue) }

    public func hash(into hasher: inout Hasher) { TextKey.hash(rawValue, into: &hasher) }

    public var description: String { rawValue }

    init(unchecked rawValue: String) { self.rawValue = rawValue }
}
