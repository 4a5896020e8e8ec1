#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The append a file store's writer has under way, kept in the first bytes of the lock file
/// (`<store>.lock`, never renamed or deleted): the byte range of the log it is writing.
///
/// It is what lets every reader see only what is durable, and makes an append all or nothing even when
/// its writer is killed part-way (a batch of 150,000 commands is written in pieces):
/// - A writer, holding the store's lock and an exclusive `flock` on the log file itself, records
///   `start..<end` here before writing a byte, writes and `fsync`s the lines, then clears the record. (A
///   batch, whose length is known only once written, records `end` as open, and syncs the clearing.)
/// - A reader takes the log's length; if an append is recorded, the bytes from its `start` are not durable
///   while its writer is at work (the log's `flock` is held), and count only if they are whole (`end`
///   reached) once the writer is gone. So nobody sees an event before its `fsync` returned, and a
///   follower never prints a line that a failed `fsync` then cuts back.
/// - The next writer settles an append whose writer was killed: kept if whole (and synced), else cut back
///   to `start` (its bytes kept in `<store>.torn`).
struct AppendJournal: ~Copyable {
    /// The range of an append under way (or whose writer died).
    struct Pending: Equatable {
        var start: Int
        /// nil while the length is not known (a batch being written).
        var end: Int?

        /// Whether the log, `size` bytes long, holds the whole append.
        func isWhole(in size: Int) -> Bool { end.map { size >= $0 } ?? false }
    }

    private static let magic: [UInt8] = Array("hotel-append-v1\n".utf8)
    private static let recordSize = 40
    private static let openEnd = UInt64.max

    let lock: POSIXFile

    /// The journal in the lock file `lock`, which the caller holds.
    init(lock: consuming POSIXFile) { self.lock = lock }

    /// Records that `pending` is being written; synced when `sync` (so that a power loss cannot leave a
    /// stale record that would cut an acknowledged append).
    func begin(_ pending: Pending, sync: Bool = false) throws(EventStoreError) {
        var record = Self.magic
        record.append(littleEndian: UInt64(pending.start))
        record.append(littleEndian: pending.end.map(UInt64.init) ?? Self.openEnd)
        record.append(littleEndian: Self.check(UInt64(pending.start), pending.end.map(UInt64.init) ?? Self.openEnd))
        try lock.write(record, at: 0)
        if sync { try lock.sync() }
    }

    /// Records that no append is under way.
    func clear(sync: Bool = false) throws(EventStoreError) {
        try lock.write([UInt8](repeating: 0, count: Self.recordSize), at: 0)
        if sync { try lock.sync() }
    }

    /// The append recorded in the lock file, if any.
    func pending() throws(EventStoreError) -> Pending? {
        Self.decode(try lock.read(count: Self.recordSize, at: 0))
    }

    private static func check(_ start: UInt64, _ end: UInt64) -> UInt64 { (start &* 0x9E37_79B9_7F4A_7C15) ^ end ^ 0x6874_6C61_7070_656E }

    private static func decode(_ bytes: [UInt8]) -> Pending? {
        guard bytes.count == recordSize, bytes.starts(with: magic) else { return nil }
        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        let start = u64(16), end = u64(24)
        guard u64(32) == check(start, end), start < UInt64(Int.max) else { return nil }
        return Pending(start: Int(start), end: end == openEnd ? nil : Int(clamping: end))
    }

    // MARK: Readers

    /// How much of the open log `file` (at `path`, whose lock file is `<path>.lock`) a reader may read: its
    /// length, less any append that is not yet durable or was left unfinished by a killed writer.
    static func durableSize(of file: borrowing POSIXFile, path: String) throws(EventStoreError) -> Int {
        let size = try file.status().size
        // No lock file: no writer has ever appended through one (a log copied in, or written by import).
        guard let lock = try? POSIXFile.open(path + ".lock", O_RDONLY) else { return size }
        guard let pending = decode(try lock.read(count: recordSize, at: 0)) else { return size }
        // An append is under way, or its writer died. While a writer holds the log's flock, its bytes are
        // not durable yet; once it is gone, they count if whole.
        guard flock(file.descriptor, LOCK_SH | LOCK_NB) == 0 else { return min(size, pending.start) }
        defer { flock(file.descriptor, LOCK_UN) }
        let settledSize = try file.status().size
        guard let settled = decode(try lock.read(count: recordSize, at: 0)) else { return settledSize }
        return settled.isWhole(in: settledSize) ? settledSize : min(settledSize, settled.start)
    }
}
