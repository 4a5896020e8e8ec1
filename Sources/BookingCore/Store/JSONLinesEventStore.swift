#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The event store in one JSON-lines file: one event per line, the only record of the hotel.
///
/// - Appending takes an exclusive `flock` on the sidecar `<path>.lock`, checks the append condition
///   against the log as it is under the lock, writes all new lines with one write loop on an `O_APPEND`
///   descriptor, and `fsync`s before returning. A new log's directory is `fsync`ed too.
/// - Reading takes no lock and reads complete lines only: a last line without `\n` is an append that
///   never finished. The next writer, under the lock, moves those bytes to `<path>.torn` before appending.
/// - A bad complete line (invalid JSON, bad envelope, position out of sequence) is corruption: reads and
///   appends fail with its line number and byte offset, and nothing is written.
/// - A write or `fsync` that fails cuts the log back to its length before the append, so no partial line
///   is left for a later write to fuse with.
public final class JSONLinesEventStore: EventStore {
    /// The log file's path.
    public let path: String
    /// The lock file's path: `<path>.lock`.
    public var lockPath: String { path + ".lock" }
    /// Where the bytes of an unfinished last line are kept when a writer removes them: `<path>.torn`.
    public var tornPath: String { path + ".torn" }

    private let clock: WallClock
    private let lockTimeout: Double

    /// The default time a writer waits for another process's lock before failing, in seconds.
    public static let defaultLockTimeout = 10.0

    /// Opens (lazily) the log at `path`; the file is created by the first append.
    ///
    /// - Parameters:
    ///   - clock: Stamps each appended event's `recordedAt`.
    ///   - lockTimeout: How long an append waits for the lock, in seconds.
    public init(path: String, clock: WallClock = .system, lockTimeout: Double = JSONLinesEventStore.defaultLockTimeout) {
        self.path = path
        self.clock = clock
        self.lockTimeout = lockTimeout
    }

    /// Whether the log file exists.
    public var exists: Bool {
        access(path, F_OK) == 0
    }

    /// Checks the whole log without changing it: every problem, with its line and byte offset.
    ///
    /// - Throws: ``EventStoreError/notFound(path:)`` if there is no log; I/O errors.
    public func verify() throws(EventStoreError) -> VerificationReport {
        guard let file = try POSIXFile.open(path, O_RDONLY) else { throw .notFound(path: path) }
        return StoreVerifier.verify(try file.readToEnd())
    }

    public func read(_ query: Query) throws(EventStoreError) -> ReadResult {
        guard let file = try POSIXFile.open(path, O_RDONLY) else { return ReadResult(events: [], head: .origin) }
        let bytes = try file.readToEnd()
        var events: [SequencedEvent] = []
        let head = try LogScanner(path: path).scan(bytes) { event in
            if query.matches(event.event) { events.append(event) }
        }
        return ReadResult(events: events, head: head)
    }

    @discardableResult
    public func append(_ events: [Event], condition: AppendCondition?) throws(EventStoreError) -> Position {
        try FileLock.withLock(path: lockPath, timeout: lockTimeout) { () throws(EventStoreError) -> Position in
            try appendLocked(events, condition: condition)
        }
    }

    /// The append proper, run while holding the lock.
    private func appendLocked(_ events: [Event], condition: AppendCondition?) throws(EventStoreError) -> Position {
        let created = !exists
        guard let file = try POSIXFile.open(path, O_RDWR | O_APPEND | O_CREAT) else {
            throw .io(path: path, operation: "open", errno: ENOENT)
        }
        if created { try POSIXFile.syncDirectory(of: path) }

        let bytes = try file.readToEnd()
        let complete = LogScanner.completeLength(of: bytes)
        var violated = false
        let head = try LogScanner(path: path).scan(bytes) { event in
            if let condition, !violated, condition.isViolated(by: event.event, at: event.position) { violated = true }
        }
        if violated { throw .conflict }
        if events.isEmpty { return head }

        if complete < bytes.count { try removeTornTail(Array(bytes[complete...]), from: file, keeping: complete) }

        let recordedAt = clock.timestamp()
        var lines: [UInt8] = []
        var position = head
        for event in events {
            position = position.next
            EventLine.encode(SequencedEvent(position: position, event: event, recordedAt: recordedAt), into: &lines)
        }
        do {
            try file.writeAll(lines)
            try file.sync()
        } catch {
            // Leave no partial line behind: cut back to what was there, and report the original failure.
            try? file.truncate(to: complete)
            try? file.sync()
            throw error
        }
        return position
    }

    /// Keeps the unfinished last line's bytes in the side file, then cuts them from the log.
    private func removeTornTail(_ tail: [UInt8], from file: borrowing POSIXFile, keeping length: Int) throws(EventStoreError) {
        guard let side = try POSIXFile.open(tornPath, O_WRONLY | O_APPEND | O_CREAT) else {
            throw .io(path: tornPath, operation: "open", errno: ENOENT)
        }
        try side.writeAll(tail + [UInt8(ascii: "\n")])
        try side.sync()
        try file.truncate(to: length)
        try file.sync()
    }
}
