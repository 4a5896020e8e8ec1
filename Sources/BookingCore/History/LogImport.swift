#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why `hotel import` refused a log. Nothing was written.
public enum ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input does not verify: every problem, as `verify` reports them.
    case notSound(VerificationReport)
    /// The input holds no event.
    case empty
    /// The store already holds events.
    case storeNotEmpty(path: String)
    /// The store could not be read or written.
    case store(EventStoreError)

    public var description: String {
        switch self {
        case .notSound(let report):
            let count = report.problems.count
            return "the input does not verify (\(count) problem\(count == 1 ? "" : "s")); nothing was imported"
        case .empty: return "the input holds no event; nothing was imported"
        case .storeNotEmpty(let path):
            return "'\(path)' already holds events; import only into a new or empty store (for example 'hotel --store new.jsonl import FILE')"
        case .store(let error): return error.description
        }
    }
}

extension JSONLinesEventStore {
    /// Appends a whole log to this store, which must hold no event, keeping every line as it stands
    /// (positions and recorded times included), after checking the whole input as `hotel verify` does.
    /// With `hotel log` this is backup, restore and moving a hotel between stores: a round trip gives a
    /// byte-identical log.
    ///
    /// - Returns: The number of events imported (and so the new head).
    /// - Throws: ``ImportError``: the input does not verify (an unfinished last line counts as a problem
    ///   here), is empty, or the store is not empty; then nothing is written.
    public func importLog(_ bytes: [UInt8]) throws(ImportError) -> Int {
        var report = StoreVerifier.verify(bytes, cache: nil, progress: progress)
        // An unfinished last line is only a warning in a store; an import must not carry it.
        if !report.warnings.isEmpty { report.problems += report.warnings.map { .init(line: $0.line, offset: $0.offset, message: "unterminated last line: the input was cut short") } }
        guard report.problems.isEmpty else { throw .notSound(report) }
        guard report.events > 0 else { throw .empty }
        do throws(EventStoreError) {
            return try withWriteLock(timeout: Self.defaultLockTimeout) { () throws(EventStoreError) -> Int in
                try withWriteAccess { (file, _) throws(EventStoreError) -> Int in
                    // The store must hold no event: nothing, or only a line that never finished (kept aside).
                    let size = try file.status().size
                    if size > 0 {
                        let held = try file.read(count: size, at: 0)
                        guard LogScanner.completeLength(of: held) == 0 else { throw .conflict }
                        try removeTornTail(held, from: file, keeping: 0)
                    }
                    // All or nothing, even if killed: the log is written aside, synced, and renamed into place.
                    try replaceLog(with: bytes)
                    return report.events
                }
            }
        } catch .conflict {
            throw .storeNotEmpty(path: path)
        } catch {
            throw .store(error)
        }
    }
}
