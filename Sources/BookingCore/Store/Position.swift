/// An event's place in the log: unique, starting at 1 and counting up by one. `0` means "before any event".
public struct Position: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number.
    public let rawValue: Int

    /// The position before the first event: the head of an empty store.
    public static let origin = Position(0)

    /// Makes a position; `rawValue` must not be negative.
    public init(_ rawValue: Int) {
        precondition(rawValue >= 0, "positions are not negative")
        self.rawValue = rawValue
    }

    /// The next position.
    public var next: Position { Position(rawValue + 1) }

    public static func < (lhs: Position, rhs: Position) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { String(rawValue) }
}
