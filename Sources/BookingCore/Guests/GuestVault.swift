#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One record of the side file: the values of a client's profile at one revision (the log's
/// ``GuestProfileSet`` names the revision it recorded).
public struct GuestRecord: Sendable, Equatable {
    public var client: ClientID
    public var revision: GuestRevision
    public var profile: GuestProfile

    public init(client: ClientID, revision: GuestRevision, profile: GuestProfile) {
        self.client = client
        self.revision = revision
        self.profile = profile
    }
}

/// Where a store keeps its guests' personal data, beside the log and never in it: for a file store, a file
/// beside the log (``GuestVaultFile``).
///
/// A record is shown only when the log's last ``GuestProfileSet`` of its client names its revision and no
/// ``GuestForgotten`` came after: a record the log does not know (left by a process killed between writing
/// it and appending its event) or of a forgotten guest (left by one killed between appending the forget and
/// erasing) is never shown, and the next command that writes removes it (``GuestKeeping``).
public protocol GuestVault: Sendable {
    /// Every record, in the order kept.
    /// - Throws: ``EventStoreError/damagedGuestFile(path:line:reason:)`` if it is damaged.
    func records() throws(EventStoreError) -> [GuestRecord]
    /// The records of `clients` (at any revision), read without parsing the others' values: what a desk's
    /// list needs to print a few names among a hundred thousand.
    func records(of clients: Set<ClientID>) throws(EventStoreError) -> [GuestRecord]
    /// Every record but, perhaps, some whose line as kept `mayMatch` rejects: `mayMatch` is a cheap,
    /// conservative test (it never rejects a record that matches), which a vault may leave unused.
    func records(prefilteredBy mayMatch: (ArraySlice<UInt8>) -> Bool) throws(EventStoreError) -> [GuestRecord]
    /// The record of client `client` at `revision`, if it is kept.
    func record(of client: ClientID, at revision: GuestRevision) throws(EventStoreError) -> GuestRecord?
    /// Replaces every record, all or nothing, durably.
    func replace(with records: [GuestRecord]) throws(EventStoreError)
    /// Adds `records`, all or nothing, durably.
    func add(_ records: [GuestRecord]) throws(EventStoreError)
    /// Removes `records` (each a client at a revision), all or nothing, durably: no byte of their values is
    /// left where the vault keeps them.
    func remove(_ records: [GuestRecord]) throws(EventStoreError)
    /// Runs `body` holding the vault's lock: its writers run one at a time.
    func withLock<R>(_ body: () throws(HotelError) -> R) throws(HotelError) -> R
    /// Whether a write may have been left unfinished (a marker set before it and cleared after it).
    var mayHaveLeftovers: Bool { get }
    /// Sets or clears that marker, durably.
    func markLeftovers(_ set: Bool) throws(EventStoreError)
    /// Where the data lives, for messages.
    var name: String { get }
}

extension GuestVault {
    /// Among every record.
    public func records(of clients: Set<ClientID>) throws(EventStoreError) -> [GuestRecord] {
        clients.isEmpty ? [] : try records().filter { clients.contains($0.client) }
    }

    /// Every record.
    public func records(prefilteredBy mayMatch: (ArraySlice<UInt8>) -> Bool) throws(EventStoreError) -> [GuestRecord] { try records() }

    /// Looked for among every record.
    public func record(of client: ClientID, at revision: GuestRevision) throws(EventStoreError) -> GuestRecord? {
        try records().first { $0.client == client && $0.revision == revision }
    }

    /// Rewrites the whole, with `records` added.
    public func add(_ records: [GuestRecord]) throws(EventStoreError) { try replace(with: try self.records() + records) }

    /// Rewrites the whole, without `records`.
    public func remove(_ records: [GuestRecord]) throws(EventStoreError) {
        let gone = Set(records.map { "\($0.client.rawValue)\u{0}\($0.revision)" })
        try replace(with: try self.records().filter { !gone.contains("\($0.client.rawValue)\u{0}\($0.revision)") })
    }
}

/// A file store's guests: `<log>.guests`, mode 0600, one JSON object a line and a last line with the
/// SHA-256 of the lines before it; rewritten whole (write, fsync, rename, fsync of the folder), so that a
/// reader sees the old file or the new one and an erased value is in neither once the rename is done.
///
/// ```
/// {"client":"42","revision":"9f2c41d07ab3e655","name":"Ana Müller","email":"ana@example.com"}
/// {"sha256":"<64 hexadecimal digits>"}
/// ```
public struct GuestVaultFile: GuestVault {
    public let path: String
    public var name: String { path }
    private var lockPath: String { path + ".lock" }
    private var markerPath: String { path + ".pending" }

    /// The log the side file is beside.
    let logPath: String
    /// How long a guests command waits for another one, in seconds (the store's `HOTEL_LOCK_TIMEOUT`).
    public let lockTimeout: Double

    public init(logPath: String, lockTimeout: Double = 10) {
        self.logPath = logPath
        path = logPath + ".guests"
        self.lockTimeout = lockTimeout
    }

    /// Refuses a side file that is a symbolic link or has other hard links: its rewrite (a rename over the
    /// name) would leave the values in the file the other name points to, so that a forget would not erase
    /// them. So is a log with another hard link, once it has guests or is `writing` them: each of its names
    /// would keep a side file of its own. (A store without guests may have as many names as it likes.)
    private func requireOneName(writing: Bool = false) throws(EventStoreError) {
        var info = stat()
        let exists = lstat(path, &info) == 0
        var log = stat()
        if writing || exists, stat(logPath, &log) == 0, log.st_mode & S_IFMT == S_IFREG, log.st_nlink > 1 { throw .linkedGuestStore(path: logPath) }
        guard exists else { return }
        if info.st_mode & S_IFMT == S_IFLNK || (info.st_mode & S_IFMT == S_IFREG && info.st_nlink > 1) { throw .linkedGuestFile(path: path) }
    }

    /// The file's permission bits if they are not 0600 (a copy restored without its mode, say); nil if they
    /// are, or there is no file.
    public var modeOtherThan0600: UInt32? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o7777 != 0o600 else { return nil }
        return UInt32(info.st_mode & 0o7777)
    }

    /// The temporaries a killed writer left beside the side file or its marker (each a copy of values):
    /// what `hotel verify` reports, and what the next guests write, or tidying after any write, removes.
    public var leftoverTemporaries: [String] {
        [path, markerPath].flatMap { StaleTemporaries.stale(besides: $0) }
    }

    /// Removes those temporaries.
    public func clearTemporaries() {
        StaleTemporaries.clear(besides: path)
        StaleTemporaries.clear(besides: markerPath)
    }

    public func records() throws(EventStoreError) -> [GuestRecord] { try records(prefilteredBy: { _ in true }) }

    /// Checks the whole file's checksum, then parses only the lines `mayMatch` lets through.
    public func records(prefilteredBy mayMatch: (ArraySlice<UInt8>) -> Bool) throws(EventStoreError) -> [GuestRecord] {
        guard let content = try content(checked: true) else { return [] }
        var records: [GuestRecord] = []
        var line = 0
        for raw in Self.lines(of: content) {
            line += 1
            guard mayMatch(raw) else { continue }
            records.append(try record(raw, line: line))
        }
        return records
    }

    /// Checks the whole file's checksum (an edited value is never shown), then parses only the lines of
    /// `clients` (a line starts with its client, as ``replace(with:)`` writes it).
    public func records(of clients: Set<ClientID>) throws(EventStoreError) -> [GuestRecord] {
        guard !clients.isEmpty, let content = try content(checked: true) else { return [] }
        let wanted = Set(clients.map { Array($0.rawValue.utf8) })
        let opening = Array(#"{"client":""#.utf8)
        var records: [GuestRecord] = []
        var line = 0
        for raw in Self.lines(of: content) {
            line += 1
            // The client's bytes, unless its JSON string has an escape (then the line is parsed to tell).
            if raw.starts(with: opening) {
                let rest = raw.dropFirst(opening.count)
                if let end = rest.firstIndex(where: { $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }), rest[end] == UInt8(ascii: "\""),
                   !wanted.contains(Array(rest[..<end])) { continue }
            }
            let record = try record(raw, line: line)
            if clients.contains(record.client) { records.append(record) }
        }
        return records
    }

    public func record(of client: ClientID, at revision: GuestRevision) throws(EventStoreError) -> GuestRecord? {
        try records(of: [client]).first { $0.revision == revision }
    }

    /// The file's lines of records, with their line ends, after checking the last line is a checksum (and,
    /// if `checked`, that it matches); nil if there is no file.
    private func content(checked: Bool) throws(EventStoreError) -> ArraySlice<UInt8>? {
        try requireOneName()
        guard let file = try POSIXFile.open(path, O_RDONLY) else { return nil }
        let bytes = try file.readToEnd()
        guard bytes.last == UInt8(ascii: "\n") else { throw damaged(nil, "it does not end with its checksum line") }
        let body = bytes.dropLast()
        let lastBreak = body.lastIndex(of: UInt8(ascii: "\n"))
        let content = lastBreak.map { bytes[..<($0 + 1)] } ?? bytes[0..<0]
        let checksumLine = lastBreak.map { body[($0 + 1)...] } ?? body[...]
        guard let object = try? JSONParser.parse(checksumLine).objectValue, let sum = object["sha256"]?.stringValue else {
            throw damaged(nil, "its last line is not its checksum")
        }
        if checked, SHA256.hash(content).hex != sum { throw damaged(nil, "its checksum does not match its content (it was damaged or edited)") }
        return content
    }

    /// The lines of `content`, without their line ends (found with `memchr`: a hundred thousand lines in
    /// about a millisecond).
    static func lines(of content: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        content.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let found = memchr(base + offset, 0x0A, buffer.count - offset)
                let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? buffer.count
                if end > offset { lines.append(content[(content.startIndex + offset)..<(content.startIndex + end)]) }
                offset = end + 1
            }
        }
        return lines
    }

    private func damaged(_ line: Int?, _ reason: String) -> EventStoreError { .damagedGuestFile(path: path, line: line, reason: reason) }

    /// One line as a record.
    private func record(_ raw: ArraySlice<UInt8>, line: Int) throws(EventStoreError) -> GuestRecord {
        guard let object = try? JSONParser.parse(raw).objectValue, let client = object["client"]?.stringValue.flatMap({ try? ClientID($0) }),
              let revision = object["revision"]?.stringValue.flatMap({ try? GuestRevision($0) })
        else { throw damaged(line, "a line without a client or revision") }
        var profile = GuestProfile()
        for field in GuestField.allCases { profile[field] = object[field.rawValue]?.stringValue }
        return GuestRecord(client: client, revision: revision, profile: profile)
    }

    public func replace(with records: [GuestRecord]) throws(EventStoreError) {
        var bytes: [UInt8] = []
        for record in records {
            var object: JSONObject = ["client": .string(record.client.rawValue), "revision": .string(record.revision.description)]
            for field in GuestField.allCases { if let value = record.profile[field] { object[field.rawValue] = .string(value) } }
            JSONWriter.write(.object(object), to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        JSONWriter.write(.object(["sha256": .string(SHA256.hash(bytes).hex)]), to: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        try requireOneName(writing: true)
        try Self.writeDurably(bytes, to: path)
    }

    /// Writes `bytes` as the file at `path`: a temporary beside it (mode 0600), synced, renamed over it, and
    /// the folder synced. Nothing is left behind if it fails.
    static func writeDurably(_ bytes: [UInt8], to path: String) throws(EventStoreError) {
        // A writer killed before its rename left its values in a temporary: never kept past the next write.
        StaleTemporaries.clear(besides: path)
        let temporary = StaleTemporaries.name(besides: path)
        unlink(temporary)
        guard let file = try POSIXFile.open(temporary, O_WRONLY | O_CREAT | O_EXCL, mode: 0o600) else { throw .io(path: temporary, operation: "open", errno: ENOENT) }
        do throws(EventStoreError) {
            try file.writeAll(bytes)
            try file.sync()
            guard rename(temporary, path) == 0 else { throw EventStoreError.io(path: path, operation: "rename", errno: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        try POSIXFile.syncDirectory(of: path)
    }

    public func withLock<R>(_ body: () throws(HotelError) -> R) throws(HotelError) -> R {
        var result: Result<R, HotelError>!
        do throws(EventStoreError) {
            try FileLock.withLock(path: lockPath, timeout: lockTimeout) { () throws(EventStoreError) in
                do throws(HotelError) { result = .success(try body()) } catch { result = .failure(error) }
            }
        } catch {
            throw .store(error)
        }
        return try result.get()
    }

    public var mayHaveLeftovers: Bool { access(markerPath, F_OK) == 0 }

    public func markLeftovers(_ set: Bool) throws(EventStoreError) {
        if set {
            try requireOneName(writing: true)
            try Self.writeDurably([], to: markerPath)
        } else {
            clearTemporaries()
            if unlink(markerPath) == 0 { try POSIXFile.syncDirectory(of: markerPath) }
        }
    }
}
