/// The name of a room, such as `Blue` or `101`.
///
/// Names are non-empty, at most ``maximumLength`` characters, have no control characters and no leading or
/// trailing white space, and compare exactly (case-sensitive), by their UTF-8 bytes. A name typed by a
/// person is normalized to NFC and may not hold bidirectional controls (``TextRules``).
public struct RoomName: TextValue, Comparable {
    /// The longest name accepted, in characters.
    public static let maximumLength = 64

    /// The name as written.
    public let rawValue: String

    /// Validates a room name.
    ///
    /// - Throws: ``InvalidValue/roomName(_:reason:)`` saying what is wrong with it.
    public init(_ rawValue: String) throws(InvalidValue) { self.rawValue = try Self.input(rawValue) }

    /// Validates a value read from the log (see ``TextValue/logged(_:)``).
    init(logged rawValue: String) throws(InvalidValue) { self.rawValue = try Self.logged(rawValue) }

    public static func invalid(_ rawValue: String, reason: String) -> InvalidValue { .roomName(rawValue, reason: reason) }

    /// Orders by the UTF-8 bytes of the name, as `LC_ALL=C sort` does.
    public static func < (lhs: RoomName, rhs: RoomName) -> Bool {
        lhs.rawValue.utf8.lexicographicallyPrecedes(rhs.rawValue.utf8)
    }

    /// The name in `candidates` closest to this one, if one is close enough to be a likely typo.
    public func nearest(in candidates: some Sequence<RoomName>) -> RoomName? {
        EditDistance.nearest(to: rawValue, in: candidates.map(\.rawValue)).map { RoomName(unchecked: $0) }
    }

    init(unchecked rawValue: String) { self.rawValue = rawValue }
}
