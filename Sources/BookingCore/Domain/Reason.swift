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
        if let problem = TextRules.problem(with: rawValue, maximumLength: Self.maximumLength) {
            throw .text(option: "reason", rawValue, reason: problem)
        }
        self.rawValue = rawValue
    }

    public var description: String { rawValue }

    init(unchecked rawValue: String) { self.rawValue = rawValue }
}
