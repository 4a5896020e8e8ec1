import Foundation

/// Holds many processes at the starting line and releases them together.
///
/// A FIFO that the test keeps open for reading and writing: each child's shell blocks reading one line
/// from it, and ``release(_:)`` writes one line per child in a single write, so every blocked reader
/// wakes at once. A child that reaches the FIFO late still finds its line waiting.
public final class StartGate: @unchecked Sendable {
    public let path: String
    private let descriptor: Int32

    public init(in directory: String) {
        path = directory + "/start-gate"
        precondition(mkfifo(path, 0o600) == 0, "mkfifo failed")
        descriptor = open(path, O_RDWR)
        precondition(descriptor >= 0, "open of the FIFO failed")
    }

    /// Lets `count` waiting processes go.
    public func release(_ count: Int) {
        let lines = [UInt8](repeating: UInt8(ascii: "\n"), count: count)
        precondition(lines.withUnsafeBytes { write(descriptor, $0.baseAddress!, count) } == count)
    }

    deinit { close(descriptor) }
}

extension HotelProcess {
    /// Starts `hotel` with `arguments`, held at `gate` until it is released.
    public func start(_ arguments: [String], after gate: StartGate) throws -> Running {
        let quoted = arguments.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        return try start(shell: "read _ < '\(gate.path)'; exec '\(Self.binary.path)' \(quoted)")
    }
}
