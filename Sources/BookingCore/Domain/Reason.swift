/// Why a booking was cancelled or a room blocked: free text, as given with `--reason`.
///
/// One line of at most ``maximumLength`` characters, with no control characters.
public struct Reason: TextValue {
    /// The longest reason accepted, in characters.
    public static let maximumLength = 200

    public let rawValue: String

    /// Validates a reason.
    ///
    /// - Throws: ``InvalidValue/text(option:_:reason:)`` saying what is wrong with it.
    public init(_ rawValue: String) throws(InvalidValue) { self.rawValue = try Self.input(rawValue) }

    /// Validates a value read from the log (see ``TextValue/logged(_:)``).
    init(logged rawValue: String) throws(InvalidValue) { self.rawValue = try Self.logged(rawValue) }

    public static func invalid(_ rawValue: String, reason: String) -> InvalidValue { .text(option: "reason", rawValue, reason: reason) }

    init(unchecked rawValue: String) { self.rawValue = rawValue }
}
