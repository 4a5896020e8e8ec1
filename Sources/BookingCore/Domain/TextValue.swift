/// A value that is one line of text: a room name or type, a client id, a reason, an idempotency key.
///
/// Text typed by a person is normalized to NFC and checked by ``TextRules`` (``input(_:)``); text read from
/// the log keeps its bytes as written and is checked by the rules it was written under (``logged(_:)``).
/// Values compare, hash and order by their UTF-8 bytes (``TextKey``), never by canonical equivalence, as the
/// snapshot's binary searches and the log's byte searches do.
public protocol TextValue: Sendable, Hashable, CustomStringConvertible {
    /// The longest text accepted, in characters.
    static var maximumLength: Int { get }
    /// The text as written.
    var rawValue: String { get }
    /// The error for `rawValue`, refused for `reason`.
    static func invalid(_ rawValue: String, reason: String) -> InvalidValue
}

extension TextValue {
    /// `rawValue` as a person's input: normalized to NFC, or refused saying what is wrong with it.
    static func input(_ rawValue: String) throws(InvalidValue) -> String {
        switch TextRules.input(rawValue, maximumLength: maximumLength) {
        case .success(let normalized): return normalized
        case .failure(let problem): throw invalid(rawValue, reason: problem.reason)
        }
    }

    /// `rawValue` as read from the log: its bytes as written (the log is never rewritten), or refused by the
    /// rules it was written under.
    static func logged(_ rawValue: String) throws(InvalidValue) -> String {
        if let reason = TextRules.problem(with: rawValue, maximumLength: maximumLength) { throw invalid(rawValue, reason: reason) }
        return rawValue
    }

    /// Equal when the UTF-8 bytes are (see ``TextKey``): never by canonical equivalence.
    public static func == (lhs: Self, rhs: Self) -> Bool { TextKey.same(lhs.rawValue, rhs.rawValue) }

    public func hash(into hasher: inout Hasher) { TextKey.hash(rawValue, into: &hasher) }

    public var description: String { rawValue }
}
