/// How ready a room is for its next guest: `clean` (a new room is), `dirty` (a check-out leaves it so),
/// or `inspected` (clean, and checked by a supervisor).
public enum HousekeepingStatus: String, Sendable, CaseIterable, Comparable {
    case clean
    case dirty
    case inspected

    /// Whether a guest may be put in the room: clean or inspected.
    public var isReady: Bool { self != .dirty }

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
