#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

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
/// - ``currentModel()`` keeps a disposable snapshot of the read model in `<path>.cache` (see
///   ``SnapshotFormat``), so that a command replays only the events after it. The snapshot is checked against
///   the log before use and ignored on any doubt; deleting it never changes an answer.
public final class JSONLinesEventStore: ModelProvidingStore {
    /// The log file's path.
    public let path: String
    /// The lock file's path: `<path>.lock`.
    public var lockPath: String { path + ".lock" }
    /// Where the bytes of an unfinished last line are kept when a writer removes them: `<path>.torn`.
    public var tornPath: String { path + ".torn" }
    /// The read-model snapshot's path: `<path>.cache`.
    public var cachePath: String { path + ".cache" }

    private let clock: WallClock
    private let lockTimeout: Double
    private let cacheThreshold: Int
    /// Where the progress of long work (building the cache, verifying) is shown, if anywhere.
    public let progress: (any ProgressDisplay)?
    /// The model last loaded, and the version of the log it is of: a command that reads the hotel twice (to
    /// know a booking's room before deciding, say) loads and checks it once, while the log is unchanged.
    private let lastModel = Mutex<(version: [FileVersion?], model: ReadModels, hint: AppendHint)?>(nil)

    /// The default time a writer waits for another process's lock before failing, in seconds.
    public static let defaultLockTimeout = 10.0
    /// The default number of log bytes after the snapshot (or in all, without one) above which
    /// ``currentModel()`` writes a new snapshot.
    public static let defaultCacheThreshold = 256 << 10

    /// Opens (lazily) the log at `path`; the file is created by the first append. A symlink at `path` is
    /// followed, so that the lock, the cache and the torn-line file are those of the log it names.
    ///
    /// - Parameters:
    ///   - clock: Stamps each appended event's `recordedAt`.
    ///   - lockTimeout: How long an append waits for the lock, in seconds.
    ///   - cacheThreshold: Bytes of log beyond the snapshot above which a new snapshot is written; 0 keeps
    ///     the snapshot always current (for tests).
    public init(
        path: String, clock: WallClock = .system, lockTimeout: Double = JSONLinesEventStore.defaultLockTimeout,
        cacheThreshold: Int = JSONLinesEventStore.defaultCacheThreshold, progress: (any ProgressDisplay)? = nil
    ) {
        self.path = LogPath.following(path)
        self.clock = clock
        self.lockTimeout = lockTimeout
        self.cacheThreshold = cacheThreshold
        self.progress = progress
    }

    /// Whether the log file exists.
    public var exists: Bool {
        access(path, F_OK) == 0
    }

    /// Why there is no log: ``EventStoreError/noFolder(path:folder:)`` if the folder it would be in does not
    /// exist, else ``EventStoreError/notFound(path:)``.
    var absence: EventStoreError {
        let folder = LogPath.folder(of: path)
        var info = stat()
        if stat(folder, &info) != 0, errno == ENOENT { return .noFolder(path: path, folder: folder) }
        return .notFound(path: path)
    }

    /// Runs `body` holding the writers' lock on `<path>.lock`, created if need be; waits up to `timeout`
    /// seconds (default: the store's). A log in a folder that does not exist is refused as missing
    /// (``absence``) before anything is made.
    func withWriteLock<R>(timeout: Double? = nil, _ body: () throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        if !exists {
            let missing = absence
            if case .noFolder = missing { throw missing }
        }
        return try FileLock.withLock(path: lockPath, timeout: timeout ?? lockTimeout, body)
    }

    /// Checks the whole log without changing it: every problem, with its line and byte offset.
    ///
    /// - Throws: ``EventStoreError/notFound(path:)`` if there is no log; I/O errors.
    public func verify() throws(EventStoreError) -> VerificationReport {
        guard let file = try POSIXFile.open(path, O_RDONLY) else { throw .notFound(path: path) }
        let size = try AppendJournal.durableSize(of: file, path: path)
        return try StoreVerifier.verify(file, path: path, size: size, cache: validCache(size: size), progress: progress)
    }

    public func read(_ query: Query, after: Position?) throws(EventStoreError) -> ReadResult {
        guard let file = try POSIXFile.open(path, O_RDONLY) else { return ReadResult(events: [], head: .origin) }
        let bytes = try file.read(count: try AppendJournal.durableSize(of: file, path: path), at: 0)
        var events: [SequencedEvent] = []
        let head = try LogScanner(path: path).scan(bytes) { event, _ in
            if event.position > (after ?? .origin), query.matches(event.event) { events.append(event) }
        }
        return ReadResult(events: events, head: head)
    }

    // MARK: The read model

    public var modelProvider: (any ModelProvidingStore)? { self }
    public var guestVault: (any GuestVault)? { GuestVaultFile(logPath: path, lockTimeout: lockTimeout) }

    public func currentModel() throws(HotelError) -> (model: any HotelReadModel, hint: AppendHint) {
        let (models, hint) = try loadModel()
        return (models.stays, hint)
    }

    public var snapshotWasDamaged: Bool { lastModel.withLock { $0.map { !$0.model.stays.isIntact } ?? false } }

    public func discardSnapshot() {
        lastModel.withLock { $0 = nil }
        unlink(cachePath)
    }

    /// Every read model at the log's head (the snapshot, checked, refreshed when the tail is long, with the
    /// tail folded onto it); the ones loaded before if the log has not changed since.
    func loadModel() throws(HotelError) -> (ReadModels, AppendHint) {
        let opened: POSIXFile?
        do { opened = try POSIXFile.open(path, O_RDONLY) } catch { throw .store(error) }
        guard let file = opened else { return (.empty, .start) }
        var logVersion: FileVersion
        do {
            logVersion = try file.version()
            // Only what is durable is read (an append under way, or cut short, is not).
            logVersion.size = try AppendJournal.durableSize(of: file, path: path)
        } catch { throw .store(error) }
        // The log's version and the cache file's: a cache deleted, damaged or replaced is read again.
        let version = [logVersion, try? POSIXFile.open(cachePath, O_RDONLY)?.version()]
        if let last = lastModel.withLock({ $0 }), last.version == version, last.model.stays.isIntact { return (last.model, last.hint) }
        let log = LogFile(file, path: path, size: logVersion.size)
        let loaded = try HotelError.reading { try ReadModelCache(path: cachePath, threshold: cacheThreshold, progress: progress).load(log) }
        // Remember it with the cache as it is now (a load may have written a new one).
        let after = [logVersion, try? POSIXFile.open(cachePath, O_RDONLY)?.version()]
        lastModel.withLock { $0 = (after, loaded.0, loaded.1) }
        return loaded
    }

    /// The snapshot beside the log, if it is of a prefix of this log (its chain value is the log's at its
    /// last position).
    func validCache(size: Int) throws(EventStoreError) -> MappedSnapshot? {
        guard let file = try POSIXFile.open(path, O_RDONLY) else { return nil }
        return try LogFile(file, path: path, size: size).snapshot(at: cachePath)
    }

    /// The stay calendar's section of ``validCache(size:)``.
    func validSnapshot(size: Int) throws(EventStoreError) -> Snapshot? { try validCache(size: size).flatMap(Snapshot.init) }

    /// Calls `body` with the lines of the events about `id` (a booking, hold or block), in log order, up to
    /// `last` if given, while it returns true: the few lines the history index names, each checked to
    /// be that event; the whole log read if the index cannot be trusted.
    func forEachIndexedLine(about subject: HistorySubject, through last: Position?, _ body: (UnsafeBufferPointer<UInt8>, Position) -> Bool) throws(EventStoreError) -> Bool {
        guard let (models, hint) = try? loadModel(), let starts = models.histories.lineStarts(of: subject),
              let file = try POSIXFile.open(path, O_RDONLY)
        else { return false }
        var lines: [([UInt8], Position)] = []
        for start in starts where start < hint.offset {
            guard let line = try file.line(startingAt: start, before: hint.offset) else { return false }
            let event = line.withUnsafeBufferPointer { try? EventLine.decode(UnsafeBufferPointer(rebasing: $0.dropLast())) }
            guard let event else { return false }
            // A hash shared by two subjects names both: keep only this one's events.
            guard subject.owns(event.event) else { continue }
            lines.append((line, event.position))
        }
        for (line, position) in lines {
            if let last, position > last { break }
            if !line.withUnsafeBufferPointer({ body($0, position) }) { break }
        }
        return true
    }

    // MARK: Appending

    public func batch<R>(expectedCommands: Int, _ body: (BatchSession) -> R) throws(HotelError) -> R {
        var result: R?
        var failure: HotelError?
        do throws(EventStoreError) {
            try withWriteLock { () throws(EventStoreError) in
                // Under the lock nobody else appends, so the model read now stays current.
                var loaded: (ReadModels, AppendHint)
                do throws(HotelError) {
                    loaded = try loadModel()
                    // A batch reads much of the snapshot and answers as it goes: check every page first.
                    if !loaded.0.stays.checkWhole() {
                        discardSnapshot()
                        loaded = try loadModel()
                    }
                } catch {
                    failure = error
                    return
                }
                // The session changes its model: let it hold the only copy, so that changing it copies nothing.
                lastModel.withLock { $0 = nil }
                // One time for the whole batch, not before the log's last event: its commands are decided
                // and stamped at it.
                let now = max(Instant(secondsSince1970: clock.secondsSince1970()), latestRecordedAt() ?? .earliest)
                let session = BatchSession(model: loaded.0.stays, now: now, expectedCommands: expectedCommands)
                result = body(session)
                if !session.events.isEmpty { try appendLocked(after: loaded.1) { (chain, write) throws(EventStoreError) in try session.writeLines(after: chain, write) } }
            }
        } catch {
            throw .store(error)
        }
        if let failure { throw failure }
        return result!
    }

    @discardableResult
    public func append(_ events: [Event], condition: AppendCondition?) throws(EventStoreError) -> Position {
        try withWriteLock { () throws(EventStoreError) -> Position in
            try appendLocked(events, condition: condition, hint: nil)
        }
    }

    @discardableResult
    public func append(_ events: [Event], condition: AppendCondition, hint: AppendHint, decidedAt: Instant?) throws(EventStoreError) -> Position {
        try withWriteLock { () throws(EventStoreError) -> Position in
            try appendLocked(events, condition: condition, hint: hint, decidedAt: decidedAt)
        }
    }

    public func latestRecordedAt() -> Instant? {
        guard let opened = try? POSIXFile.open(path, O_RDONLY), let file = Optional(opened),
              let size = try? AppendJournal.durableSize(of: file, path: path) else { return nil }
        return try? Self.recordedAt(ofLastLineIn: file, before: size)
    }

    /// The recorded time of the last complete line in the first `end` bytes of the log, if it has one that
    /// reads as a time.
    static func recordedAt(ofLastLineIn file: borrowing POSIXFile, before end: Int) throws(EventStoreError) -> Instant? {
        for window in [4096, 64 << 10, end] {
            let length = min(window, end)
            guard length > 0 else { return nil }
            let bytes = try file.read(count: length, at: end - length)
            let complete = LogScanner.completeLength(of: bytes)
            guard complete > 0 else { if length == end { return nil } else { continue } }
            let lineEnd = complete - 1
            guard let newline = bytes[..<lineEnd].lastIndex(of: UInt8(ascii: "\n")) ?? (length == end ? -1 : nil) else { continue }
            let line = Array(bytes[(newline + 1)..<lineEnd])
            return line.withUnsafeBufferPointer { buffer -> Instant? in
                if let fast = CanonicalLineDecoder.decodeWithTags(buffer) { return fast.recordedAt }
                return (try? EventLine.decode(buffer)).flatMap { try? Instant($0.recordedAt) }
            }
        }
        return nil
    }

    /// The append proper, run while holding the lock. With a hint that still holds, only the lines after it
    /// are read and checked.
    private func appendLocked(_ events: [Event], condition: AppendCondition?, hint: AppendHint?, decidedAt: Instant? = nil) throws(EventStoreError) -> Position {
        try withWriteAccess { (file, journal) throws(EventStoreError) -> Position in
            try appendLocked(events, condition: condition, hint: hint, decidedAt: decidedAt, to: file, journal: journal)
        }
    }

    private func appendLocked(
        _ events: [Event], condition: AppendCondition?, hint: AppendHint?, decidedAt: Instant?, to file: borrowing POSIXFile,
        journal: borrowing AppendJournal
    ) throws(EventStoreError) -> Position {
        let size = try file.status().size
        let from = try hint.flatMap { (hint) throws(EventStoreError) in try holds(hint, in: file, size: size) ? hint : nil }
            ?? AppendHint(position: .origin, offset: 0)
        let bytes = try file.read(count: size - from.offset, at: from.offset)
        let complete = from.offset + LogScanner.completeLength(of: bytes)
        var violated = false
        let head = try LogScanner(path: path).scan(bytes, after: from.position, baseOffset: from.offset) { event, _ in
            if let condition, !violated, condition.isViolated(by: event.event, at: event.position) { violated = true }
        }
        if violated { throw .conflict }
        if events.isEmpty { return head }

        if complete < size { try removeTornTail(Array(bytes[(complete - from.offset)...]), from: file, keeping: complete) }

        // The log's times never run backwards: stamped with the decision's time, which must not be before
        // the last event's (else decided again), or without one, the clock's or the last event's if later.
        let last = try Self.recordedAt(ofLastLineIn: file, before: complete)
        if let decidedAt, let last, last > decidedAt { throw .recordedLater }
        let recordedAt = (decidedAt ?? max(Instant(secondsSince1970: clock.secondsSince1970()), last ?? .earliest)).description
        var lines: [UInt8] = []
        var position = head
        var chain = try HashChain.value(of: file, length: complete, path: path)
        for event in events {
            position = position.next
            HashChain.encode(SequencedEvent(position: position, event: event, recordedAt: recordedAt), chain: &chain, into: &lines)
        }
        // Readers see none of it until it is durable (see AppendJournal).
        try journal.begin(.init(start: complete, end: complete + lines.count))
        do throws(EventStoreError) {
            try file.writeAll(lines)
            try file.sync()
        } catch {
            // Leave no partial line behind: cut back to what was there, and report the original failure.
            try? file.truncate(to: complete)
            try? file.sync()
            try? journal.clear()
            throw error
        }
        // Durable now: a failure to clear the record only delays readers until this writer is gone.
        try? journal.clear()
        return position
    }

    /// Runs `body` with the log open for appending (created if need be), holding an exclusive `flock` on the
    /// log file itself, which every name of the file shares (a hard link, a symlink, another spelling of
    /// the path), after settling an append whose writer was killed part-way: kept if whole, else cut back.
    /// The caller holds the lock file's lock.
    func withWriteAccess<R>(_ body: (borrowing POSIXFile, borrowing AppendJournal) throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        let created = !exists
        guard let file = try POSIXFile.open(path, O_RDWR | O_APPEND | O_CREAT) else {
            throw .io(path: path, operation: "open", errno: ENOENT)
        }
        if created { try POSIXFile.syncDirectory(of: path) }
        try FileLock.acquire(file.descriptor, path: lockPath, timeout: lockTimeout)
        defer { flock(file.descriptor, LOCK_UN) }
        guard let lock = try POSIXFile.open(lockPath, O_RDWR | O_CREAT) else { throw .io(path: lockPath, operation: "open", errno: ENOENT) }
        let journal = AppendJournal(lock: lock)
        if let stale = try journal.pending() {
            let size = try file.status().size
            if stale.isWhole(in: size) {
                try file.sync()
            } else if stale.start < size {
                try removeTornTail(try file.read(count: size - stale.start, at: stale.start), from: file, keeping: stale.start)
            }
            try journal.clear(sync: true)
        }
        return try body(file, journal)
    }

    /// Appends the lines `lines` hands to its writer, encoded for the positions after `head`, which must
    /// still be the log's head (the caller holds the lock), chained from the value it is given; then syncs
    /// once. A torn last line is moved aside first; a failed write or sync is cut back to `head`, leaving the
    /// log as it was.
    private func appendLocked(
        after head: AppendHint, lines: (_ chain: HashChain.Value, _ write: ([UInt8]) throws(EventStoreError) -> Void) throws(EventStoreError) -> Void
    ) throws(EventStoreError) {
        try withWriteAccess { (file, journal) throws(EventStoreError) in
            let size = try file.status().size
            guard try holds(head, in: file, size: size) else { throw .conflict }
            if head.offset < size {
                let rest = try file.read(count: size - head.offset, at: head.offset)
                guard LogScanner.completeLength(of: rest) == 0 else { throw .conflict }
                try removeTornTail(rest, from: file, keeping: head.offset)
            }
            // Written in pieces: a writer killed part-way leaves an open record, and the next one cuts its
            // lines back. The record is synced both ways, so a power loss cannot cut an acknowledged batch.
            let chain = try HashChain.value(of: file, length: head.offset, path: path)
            try journal.begin(.init(start: head.offset, end: nil), sync: true)
            do throws(EventStoreError) {
                try lines(chain) { (piece) throws(EventStoreError) in try file.writeAll(piece) }
                try file.sync()
            } catch {
                try? file.truncate(to: head.offset)
                try? file.sync()
                try? journal.clear(sync: true)
                throw error
            }
            try journal.clear(sync: true)
        }
    }

    /// Whether the line ending at `hint.offset` is the event at `hint.position`.
    private func holds(_ hint: AppendHint, in file: borrowing POSIXFile, size: Int) throws(EventStoreError) -> Bool {
        if hint.offset == 0 { return hint.position == .origin }
        guard hint.offset <= size, hint.position > .origin else { return false }
        // Most lines are a few hundred bytes: try a small window first.
        if let small = try holds(hint, in: file, window: min(hint.offset, 4096)) { return small }
        return try holds(hint, in: file, window: min(hint.offset, 64 << 10)) ?? false
    }

    /// Whether the last line of the `window` bytes before `hint.offset` is the event at `hint.position`;
    /// nil if the window holds no whole line.
    private func holds(_ hint: AppendHint, in file: borrowing POSIXFile, window: Int) throws(EventStoreError) -> Bool? {
        let bytes = try file.read(count: window, at: hint.offset - window)
        guard bytes.last == UInt8(ascii: "\n") else { return false }
        let lineStart = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? (window == hint.offset ? 0 : -1)
        guard lineStart >= 0 else { return nil }
        let line = Array(bytes[lineStart..<(bytes.count - 1)])
        let event = line.withUnsafeBufferPointer { try? EventLine.decode($0) }
        return event?.position == hint.position
    }

    /// Puts a new log with `bytes` in place of the log, atomically: written to `<path>.tmp<pid>`, synced,
    /// renamed over the log, and the directory synced. Killed at any moment, it leaves the old log (and a
    /// temporary that the next writer clears) or the new one. The caller holds the locks.
    func replaceLog(with bytes: [UInt8]) throws(EventStoreError) {
        StaleTemporaries.clear(besides: path)
        let temporary = StaleTemporaries.name(besides: path)
        do throws(EventStoreError) {
            guard let file = try POSIXFile.open(temporary, O_WRONLY | O_CREAT | O_TRUNC) else { throw .io(path: temporary, operation: "open", errno: ENOENT) }
            try file.writeAll(bytes)
            try file.sync()
            guard rename(temporary, path) == 0 else { throw .io(path: path, operation: "rename", errno: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        try POSIXFile.syncDirectory(of: path)
    }

    /// Keeps the unfinished last line's bytes in the side file, then cuts them from the log.
    func removeTornTail(_ tail: [UInt8], from file: borrowing POSIXFile, keeping length: Int) throws(EventStoreError) {
        guard let side = try POSIXFile.open(tornPath, O_WRONLY | O_APPEND | O_CREAT) else {
            throw .io(path: tornPath, operation: "open", errno: ENOENT)
        }
        try side.writeAll(tail + [UInt8(ascii: "\n")])
        try side.sync()
        try file.truncate(to: length)
        try file.sync()
    }
}
