/// Why a booking was cancelled or a room blocked: free text, as given with `--reason`.
///
/// One line of at most ``maximumLength`` characters, with no control characters.
public struct Reason: Sendable, Hashable, CustomStringConvertible {
    /// The longest reason accepted, in characters.
    public static let maximumLength = 200

    public let rawValue: String

    /// Validates a reason.
    ///
    /// - Throws: ``InvalidValue/text(option:_:reason:)`` saying what is wrong with it.
    public init(_ rawValue: String) throws(InvalidValue) {
        switch TextRules.input(rawValue, maximumLength: Self.maximumLength) {
        case .success(let normalized): self.rawValue = normalized
        case .failure(let problem):
            let reason = problem.reason
            throw .text(option: "reason", rawValue, reason: reason)
        }
    }

    /// Validates a value read from the log by the rules it was written under, keeping its bytes as written
    /// (not normalized: the log is never rewritten).
    init(logged rawValue: String) throws(InvalidValue) {
        if let reason = TextRules.problem(with: rawValue, maximumLength: Self.maximumLength) { throw .text(option: "reason", rawValue, reason: reason) }
        self.rawValue = rawValue
    }

    /// Equal when the UTF-8 bytes are (see ``TextKey``): never by canonical equivalence.
    public static func == (lhs: Self, rhs: Self) -> Bool { TextKey.same(lhs.rawValue, rhs.rawValue) }

    public func hash(into hasher: inout Hasher) { TextKey.hash(rawValue, into: &hasher) }

    public var description: String { rawValue }

    init(unchecked rawValue: String) { self.rawValue = rawValue }
}
