/// A kind of room sold as one product, such as `standard`, `double` or `suite`.
///
/// Types follow the rules of room names (non-empty, at most 64 characters, no control characters, no
/// leading or trailing white space) and compare exactly. A room added without a type is `standard`.
public struct RoomType: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The longest type accepted, in characters.
    public static let maximumLength = 64
    /// The type of a room added without one, and of every room in a store written before types existed.
    public static let standard = RoomType(unchecked: "standard")

    /// The type as written.
    public let rawValue: String

    /// Validates a room type.
    ///
    /// - Throws: ``InvalidValue/roomType(_:reason:)`` saying what is wrong with it.
    public init(_ rawValue: String) throws(InvalidValue) {
        switch TextRules.input(rawValue, maximumLength: Self.maximumLength) {
        case .success(let normalized): self.rawValue = normalized
        case .failure(let problem):
            let reason = problem.reason
            throw .roomType(rawValue, reason: reason)
        }
    }

    /// Validates a value read from the log by the rules it was written under, keeping its bytes as written
    /// (not normalized: the log is never rewritten).
    init(logged rawValue: String) throws(InvalidValue) {
        if let reason = TextRules.problem(with: rawValue, maximumLength: Self.maximumLength) { throw .roomType(rawValue, reason: reason) }
        self.rawValue = rawValue
    }

    /// Equal when the UTF-8 bytes are (see ``TextKey``): never by canonical equivalence.
    public static func == (lhs: Self, rhs: Self) -> Bool { TextKey.same(lhs.rawValue, rhs.rawValue) }

    public func hash(into hasher: inout Hasher) { TextKey.hash(rawValue, into: &hasher) }

    init(unchecked rawValue: String) { self.rawValue = rawValue }

    public var description: String { rawValue }

    /// Orders by the UTF-8 bytes, as `LC_ALL=C sort` does.
    public static func < (lhs: RoomType, rhs: RoomType) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}
