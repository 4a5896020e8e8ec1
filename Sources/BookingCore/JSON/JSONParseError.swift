/// Why a line of bytes is not a JSON value, and where (a byte offset from the start of the input).
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The byte offset of the problem within the parsed input.
    public var offset: Int
    /// What is wrong, lowercase, without the position.
    public var reason: String

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }

    public var description: String { "\(reason) at byte \(offset)" }
}
