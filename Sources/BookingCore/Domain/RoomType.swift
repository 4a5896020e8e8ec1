/// A kind of room sold as one product, such as `standard`, `double` or `suite`.
///
/// Types follow the rules of room names (non-empty, at most 64 characters, no control characters, no
/// leading or trailing white space) and compare exactly. A room added without a type is `standard`.
public struct RoomType: TextValue, Comparable {
    /// The longest type accepted, in characters.
    public static let maximumLength = 64
    /// The type of a room added without one, and of every room in a store written before types existed.
    public static let standard = RoomType(unchecked: "standard")

    /// The type as written.
    public let rawValue: String

    /// Validates a room type.
    ///
    /// - Throws: ``InvalidValue/roomType(_:reason:)`` saying what is wrong with it.
    public init(_ rawValue: String) throws(InvalidValue) { self.rawValue = try Self.input(rawValue) }

    /// Validates a value read from the log (see ``TextValue/logged(_:)``).
    init(logged rawValue: String) throws(InvalidValue) { self.rawValue = try Self.logged(rawValue) }

    public static func invalid(_ rawValue: String, reason: String) -> InvalidValue { .roomType(rawValue, reason: reason) }

    init(unchecked rawValue: String) { self.rawValue = rawValue }

    /// Orders by the UTF-8 bytes, as `LC_ALL=C sort` does.
    public static func < (lhs: RoomType, rhs: RoomType) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }
}
