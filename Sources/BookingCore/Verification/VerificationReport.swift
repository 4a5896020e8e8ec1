/// What `hotel verify` found in a log: every problem, with where it is, and the log's size when sound.
public struct VerificationReport: Sendable, Equatable {
    /// One finding: the line (1-based), the byte offset from the start of the file, and what is wrong.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var offset: Int
        public var message: String

        public init(line: Int, offset: Int, message: String) {
            self.line = line
            self.offset = offset
            self.message = message
        }

        public var description: String { "line \(line), byte \(offset): \(message)" }
    }

    /// What makes the store unsound; nothing should write to it until they are repaired.
    public var problems: [Finding] = []
    /// What is allowed but worth knowing, such as an unterminated last line left by a crash.
    public var warnings: [Finding] = []
    /// Complete lines read.
    public var events = 0
    public var rooms = 0
    public var bookings = 0
    public var cancelled = 0
    /// Rooms taken out of service (`hotel block`), ended or not.
    public var blocks = 0
    /// The last complete line's position.
    public var lastPosition = Position.origin
    /// The hash chain's value after the last complete line (``HashChain``): two copies of a log are the same
    /// if their heads are.
    public var headHash = HashChain.origin

    public init() {}

    /// Whether no problem was found.
    public var isSound: Bool { problems.isEmpty }
}
