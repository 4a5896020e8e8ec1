#if PostgreSQL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The event store in a PostgreSQL database (see ``PostgresSchema`` for what it creates there): the same
/// events, lines and guarantees as the JSON-lines file, for a hotel that runs on several machines.
///
/// - An append is one call of `hotel_append`: the condition is checked and the events inserted under a
///   table lock, in one transaction; it is all or nothing, and positions are gap-free in commit order.
/// - Decisions are made on the same read model as the file store's: a snapshot kept in a local cache file
///   (`HOTEL_CACHE_DIR`, else `$XDG_CACHE_HOME/hotel`, else `~/.cache/hotel`, named by the store's id), plus
///   the events after it, read in one query. The snapshot is checked against the database before use (the
///   line of the position it covers must be the one it was made from) and ignored on any doubt.
public final class PostgresEventStore: HotelStore, @unchecked Sendable {
    public let location: PostgresLocation
    private let clock: WallClock
    private let wait: Double
    private let lockTimeout: Double
    private let progress: (any ProgressDisplay)?
    private let cacheDirectory: String
    private let cacheThreshold: Int
    /// The connection, opened at the first use (a command is one thread; the lock only guards the handle).
    private let connection = Mutex<PostgresConnection?>(nil)
    /// The store's id and its schema's version, once read.
    private let identity = Mutex<(id: String, version: Int)?>(nil)
    /// The read models last loaded (to tell whether they met a damaged snapshot page).
    private let lastModel = Mutex<ReadModels?>(nil)

    /// The default seconds to keep trying to connect to a server that is down or restarting.
    public static let defaultConnectTimeout = 10.0

    /// - Parameters:
    ///   - wait: How long to keep trying to connect, in seconds.
    ///   - cacheDirectory: Where the read-model snapshot is kept.
    ///   - cacheThreshold: Bytes of events after the snapshot above which a new one is written (0: always).
    ///   - lockTimeout: How long an append waits for other writers, in seconds; then it is a conflict.
    public init(location: PostgresLocation, clock: WallClock = .system, wait: Double = PostgresEventStore.defaultConnectTimeout,
                lockTimeout: Double = JSONLinesEventStore.defaultLockTimeout, cacheDirectory: String,
                cacheThreshold: Int = JSONLinesEventStore.defaultCacheThreshold, progress: (any ProgressDisplay)? = nil) {
        self.progress = progress
        self.location = location
        self.clock = clock
        self.wait = wait
        self.lockTimeout = lockTimeout
        self.cacheDirectory = cacheDirectory
        self.cacheThreshold = cacheThreshold
    }

    public var name: String { location.description }

    /// Runs `body` on the open connection, opening it first.
    func withConnection<R>(_ body: (PostgresConnection) throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        try connection.withLock { (open) throws(EventStoreError) -> R in
            if open == nil { open = try PostgresConnection(location, wait: wait) }
            return try body(open!)
        }
    }

    /// The store's id, checking the schema's version; nil if hotel's tables are not there.
    private func storeID() throws(EventStoreError) -> String? {
        try schema()?.id
    }

    /// The store's id and its schema's version; nil if hotel's tables are not there.
    private func schema() throws(EventStoreError) -> (id: String, version: Int)? {
        if let known = identity.withLock({ $0 }) { return known }
        let rows: [[String?]]
        do { rows = try withConnection { (c) throws(EventStoreError) in try c.execute(PostgresSchema.identify) } } catch .notFound { return nil }
        guard let row = rows.first, let version = row[0].flatMap({ Int($0) }), let id = row[1] else { return nil }
        guard version <= PostgresSchema.version else {
            throw .unsupportedFormat(store: name, reason: "was made by a newer hotel (schema version \(version); this hotel knows \(PostgresSchema.version)): upgrade hotel")
        }
        identity.withLock { $0 = (id, version) }
        return (id, version)
    }

    /// Creates hotel's tables unless they exist, or brings them up from an older version.
    func createTables() throws(EventStoreError) {
        if let known = try schema(), known.version == PostgresSchema.version { return }
        identity.withLock { $0 = nil }
        try withConnection { (c) throws(EventStoreError) in
            try c.execute("BEGIN", writing: true)
            do throws(EventStoreError) {
                for statement in PostgresSchema.create { try c.execute(statement, writing: true) }
                try c.execute("COMMIT", writing: true)
            } catch {
                _ = try? c.execute("ROLLBACK")
                throw error
            }
        }
        guard try schema()?.version == PostgresSchema.version else { throw .server(store: name, reason: "hotel's tables could not be created") }
    }

    public func hasStore() throws(EventStoreError) -> Bool { try storeID() != nil }

    // MARK: Reading

    public func read(_ query: Query, after: Position?) throws(EventStoreError) -> ReadResult {
        guard try storeID() != nil else { return ReadResult(events: [], head: .origin) }
        var events: [SequencedEvent] = []
        var head = Position.origin
        try forEachRecordedLine(after: .origin) { (line, position) throws(EventStoreError) in
            head = position
            guard position > (after ?? .origin) else { return }
            let recorded: SequencedEvent
            do throws(EventLine.Problem) { recorded = try EventLine.decode(line) } catch {
                throw .corrupt(path: name, line: position.rawValue, offset: error.offset, reason: error.reason)
            }
            if query.matches(recorded.event) { events.append(recorded) }
        }
        return ReadResult(events: events, head: head)
    }

    /// Calls `body` with each event's line (without `\n`) and position after `after`, in order, from one
    /// snapshot of the database.
    ///
    /// With `tag`, only the events carrying it up to `through`, read through the tag index.
    private func forEachRecordedLine(after: Position, tag: Tag? = nil, through: Position? = nil, _ body: (UnsafeBufferPointer<UInt8>, Position) throws(EventStoreError) -> Void) throws(EventStoreError) {
        let sql = tag == nil
            ? "SELECT position, line FROM hotel_events WHERE position > $1 ORDER BY position"
            : "SELECT e.position, e.line FROM hotel_event_tags t JOIN hotel_events e ON e.position = t.position WHERE t.tag = $2 AND t.position > $1 AND t.position <= $3 ORDER BY t.position"
        let parameters = [String(after.rawValue)] + (tag.map { [$0.rawValue, String((through ?? .origin).rawValue)] } ?? [])
        try withConnection { (c) throws(EventStoreError) in
            try c.forEachRow(sql, parameters) { (row) throws(EventStoreError) in
                let position = Position(row.integer(0))
                try row.withBytes(1) { (line) throws(EventStoreError) in try body(line, position) }
            }
        }
    }

    @discardableResult
    public func forEachLine(after: Position, matching query: Query?, _ body: (UnsafeBufferPointer<UInt8>, Position) -> Bool) throws(EventStoreError) -> Position {
        guard try storeID() != nil else { throw .notFound(path: name) }
        var last = after
        var stopped = false
        // A query of one item with tags reads only that tag's events (through the tag index).
        let tag = query.flatMap { $0.items.count == 1 ? $0.items[0].tags.first : nil }
        // The head first, then the tag's events up to it: every event up to the head has committed (positions
        // commit in order), so reading on from the head later misses none.
        let through = tag == nil ? nil : try head()
        var buffer: [UInt8] = []
        try forEachRecordedLine(after: after, tag: tag, through: through) { (line, position) throws(EventStoreError) in
            guard !stopped else { return }
            if tag == nil { last = position }
            if let query {
                guard let event = CanonicalLineDecoder.envelope(line) ?? (try? EventLine.decode(line).event) else {
                    throw .corrupt(path: name, line: position.rawValue, offset: 0, reason: "not an event line")
                }
                if !query.matches(event) { return }
            }
            buffer.removeAll(keepingCapacity: true)
            buffer.append(contentsOf: line)
            buffer.append(UInt8(ascii: "\n"))
            last = position
            if !buffer.withUnsafeBufferPointer({ body($0, position) }) { stopped = true }
        }
        if let through, !stopped { last = max(last, through) }
        return last
    }

    /// The last position recorded.
    private func head() throws(EventStoreError) -> Position {
        let rows = try withConnection { (c) throws(EventStoreError) in try c.execute("SELECT coalesce(max(position), 0) FROM hotel_events") }
        return Position(Int(rows.first?.first??.description ?? "0") ?? 0)
    }

    // MARK: Appending

    @discardableResult
    public func append(_ events: [Event], condition: AppendCondition?) throws(EventStoreError) -> Position {
        try append(events, condition: condition, recordedAt: clock.timestamp())
    }

    /// Appends `events` stamped `recordedAt`, if `condition` holds.
    private func append(_ events: [Event], condition: AppendCondition?, recordedAt: String) throws(EventStoreError) -> Position {
        try createTables()
        var types: [String] = [], tagLists: [String] = [], rests: [String] = []
        for event in events {
            var line: [UInt8] = []
            // Without its previousHash: the function chains the lines (HashChain), as it alone knows the last one.
            EventLine.encode(SequencedEvent(position: .origin, event: event, recordedAt: recordedAt), previousHash: nil, into: &line)
            // The line without `{"position":0` (the function puts the position in) and its closing `}\n` (it
            // adds `,"previousHash":"..."}`).
            rests.append(String(decoding: line[#"{"position":0"#.utf8.count..<(line.count - 2)], as: UTF8.self))
            types.append(event.type)
            tagLists.append(event.tags.map(\.rawValue).joined(separator: "\n"))
        }
        let conditionJSON = condition.map { condition in
            JSONWriter.string(.array(condition.query.items.map { item in
                .object(["types": .array(item.types.map(JSONValue.string)), "tags": .array(item.tags.map { .string($0.rawValue) })])
            }))
        }
        let after = condition?.after ?? .origin
        let rows = try withConnection { (c) throws(EventStoreError) in
            try c.execute(
                "SELECT hotel_append($1::json, $2, $3, $4::text[], $5::text[], $6::text[], $7)",
                [conditionJSON, String(after.rawValue), recordedAt, Self.arrayLiteral(types), Self.arrayLiteral(tagLists), Self.arrayLiteral(rests),
                 String(max(1, Int(lockTimeout * 1000)))],
                writing: true)
        }
        guard let text = rows.first?.first ?? nil, let position = Int(text) else { throw .server(store: name, reason: "hotel_append returned nothing") }
        if position < 0 { throw .conflict }
        return Position(position)
    }

    @discardableResult
    public func append(_ events: [Event], condition: AppendCondition, hint: AppendHint, decidedAt: Instant?) throws(EventStoreError) -> Position {
        try append(events, condition: condition, recordedAt: decidedAt?.description ?? clock.timestamp())
    }

    public func latestRecordedAt() -> Instant? {
        let rows = try? withConnection { (c) throws(EventStoreError) in
            try c.execute("SELECT recorded_at FROM hotel_events ORDER BY position DESC LIMIT 1")
        }
        return (rows?.first?.first ?? nil).flatMap { try? Instant($0) }
    }

    /// A PostgreSQL array literal of texts: `{"a","b\"c"}`.
    static func arrayLiteral(_ values: [String]) -> String { arrayLiteral(values.map(Optional.some)) }

    /// A text[] literal whose nil elements are NULL.
    static func arrayLiteral(_ values: [String?]) -> String {
        var out = "{"
        for (i, value) in values.enumerated() {
            if i > 0 { out += "," }
            guard let value else {
                out += "NULL"
                continue
            }
            out += "\""
            for character in value.unicodeScalars {
                if character == "\"" || character == "\\" { out += "\\" }
                out.unicodeScalars.append(character)
            }
            out += "\""
        }
        return out + "}"
    }

    // MARK: The read model

    public var modelProvider: (any ModelProvidingStore)? { self }

    /// The local snapshot's path for this store.
    private func cachePath(id: String) -> String { cacheDirectory + "/postgresql-" + id + ".cache" }

    public func currentModel() throws(HotelError) -> (model: any HotelReadModel, hint: AppendHint) {
        let (models, hint) = try loadModel()
        return (models.stays, hint)
    }

    public var snapshotWasDamaged: Bool { lastModel.withLock { $0.map { !$0.stays.isIntact } ?? false } }

    public func discardSnapshot() {
        lastModel.withLock { $0 = nil }
        if let id = try? storeID() { unlink(cachePath(id: id)) }
    }

    /// Every read model at the store's head: the local snapshot (checked against the store's hash chain,
    /// refreshed when the tail is long) with the events after it folded on.
    func loadModel() throws(HotelError) -> (ReadModels, AppendHint) {
        try HotelError.reading {
            guard let id = try storeID() else { return (.empty, .start) }
            mkdirs(cacheDirectory)
            var cache = ReadModelCache(path: cachePath(id: id), threshold: cacheThreshold, progress: progress)
            cache.progressUnit = .events
            let loaded = try cache.load(PostgresLog(store: self))
            lastModel.withLock { $0 = loaded.0 }
            return loaded
        }
    }

    /// The store's events as the cache machinery reads them: offsets count the lines' bytes.
    private struct PostgresLog: SnapshotLog {
        let store: PostgresEventStore

        func chainValue(after position: Position, endingAt offset: Int) throws(EventStoreError) -> HashChain.Value? {
            guard position > .origin else { return nil }
            let rows = try store.withConnection { (c) throws(EventStoreError) in
                try c.execute("SELECT line, encode(hotel_chain_value($1), 'hex') FROM hotel_events WHERE position = $1", [String(position.rawValue)])
            }
            guard let row = rows.first, let hex = row.count > 1 ? row[1] : nil else { return nil }
            return HashChain.Value(hex: Array(hex.utf8))
        }

        func bytes(after offset: Int) throws -> Int? { nil }

        func forEachEvent(after position: Position, from offset: Int, _ visit: (DomainEvent, Position, Range<Int>) -> Void) throws {
            var offset = offset
            var head = position
            var failure: Error?
            try store.forEachRecordedLine(after: position) { (line, _) throws(EventStoreError) in
                guard failure == nil else { return }
                do {
                    let (event, decoded) = try LogStream(path: store.name).decode(line, at: offset, after: head)
                    head = decoded
                    visit(event, decoded, offset..<(offset + line.count + 1))
                    offset += line.count + 1
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
        }
    }

    /// Creates `path` and its parents, as `mkdir -p`; failures are left for the snapshot's write to meet.
    private func mkdirs(_ path: String) {
        var prefix = ""
        for part in path.split(separator: "/") {
            prefix += (prefix.isEmpty && !path.hasPrefix("/") ? "" : "/") + part
            mkdir(prefix, 0o755)
        }
    }

    public func batch<R>(expectedCommands: Int, _ body: (BatchSession) -> R) throws(HotelError) -> R {
        // As on a file: the commands are decided back to back holding the writers' lock (here the table lock,
        // in one transaction), so nothing can come between them, and recorded with one commit.
        do throws(EventStoreError) {
            try createTables()
            try withConnection { (c) throws(EventStoreError) in
                try c.execute("BEGIN", writing: true)
                do throws(EventStoreError) {
                    try c.execute("SELECT set_config('lock_timeout', $1, true)", [String(max(1, Int(lockTimeout * 1000))) + "ms"], writing: true)
                    try c.execute("LOCK TABLE hotel_events IN EXCLUSIVE MODE", writing: true)
                } catch {
                    _ = try? c.execute("ROLLBACK")
                    throw error
                }
            }
        } catch .conflict {
            throw .tooManyConflicts(attempts: 1)
        } catch {
            throw .store(error)
        }
        func rollBack() { _ = try? withConnection { (c) throws(EventStoreError) in try c.execute("ROLLBACK") } }
        var loaded: (ReadModels, AppendHint)
        do {
            loaded = try loadModel()
            // A batch answers as it goes: every page of the snapshot is checked first.
            if !loaded.0.stays.checkWhole() {
                discardSnapshot()
                loaded = try loadModel()
            }
        } catch {
            rollBack()
            throw error
        }
        let session = BatchSession(model: loaded.0.stays, now: max(Instant(secondsSince1970: clock.secondsSince1970()), latestRecordedAt() ?? .earliest), expectedCommands: expectedCommands)
        let result = body(session)
        do throws(EventStoreError) {
            if !session.events.isEmpty {
                try append(session.events.map(\.storeEvent), condition: AppendCondition(failIfEventsMatch: .all, after: loaded.0.stays.head))
            }
            try withConnection { (c) throws(EventStoreError) in try c.execute("COMMIT", writing: true) }
        } catch {
            rollBack()
            throw .store(error == .conflict ? .unavailable(store: name, reason: "the table lock was lost", outcome: "nothing was recorded, try again") : error)
        }
        return result
    }

    // MARK: History

    public func locate(_ point: HistoryPoint) throws(HotelError) -> PastPoint {
        var resolver = HistoryPointResolver(point)
        do throws(EventStoreError) {
            guard try storeID() != nil else { throw .notFound(path: name) }
            var stop = false
            try forEachRecordedLine(after: .origin) { (line, position) throws(EventStoreError) in
                guard !stop else { return }
                var withNewline = Array(line)
                withNewline.append(UInt8(ascii: "\n"))
                let recordedAt = withNewline.withUnsafeBufferPointer { LogReader.recordedAt(of: $0) }
                if !resolver.see(position: position, recordedAt: recordedAt, end: AppendHint(position: position, offset: 0)) { stop = true }
            }
        } catch {
            throw .store(error)
        }
        do { return try resolver.result() } catch { throw .history(error) }
    }

    public func model(at past: PastPoint) throws(HotelError) -> any HotelReadModel {
        try HotelError.reading {
            var builder = HotelProjection()
            var failure: Error?
            try forEachRecordedLine(after: .origin) { (line, position) throws(EventStoreError) in
                guard failure == nil, position <= past.position else { return }
                do {
                    let (event, decoded) = try LogStream(path: name).decode(line, at: 0, after: builder.position)
                    builder.apply(event, position: decoded, offset: 0)
                } catch {
                    failure = error
                }
            }
            if let failure { throw failure }
            return CachedHotelModel(folded: builder)
        }
    }

    // MARK: Verify and import

    public func verify() throws(EventStoreError) -> VerificationReport {
        guard let id = try storeID() else { throw .notFound(path: name) }
        var bytes: [UInt8] = []
        try forEachRecordedLine(after: .origin) { (line, _) throws(EventStoreError) in
            bytes.append(contentsOf: line)
            bytes.append(UInt8(ascii: "\n"))
        }
        // The local snapshot is compared with the replay too, if it is of this store.
        return StoreVerifier.verify(bytes, cache: MappedSnapshot(path: cachePath(id: id)))
    }

    public func importLog(_ bytes: [UInt8]) throws(ImportError) -> Int {
        var report = StoreVerifier.verify(bytes)
        if !report.warnings.isEmpty { report.problems += report.warnings.map { .init(line: $0.line, offset: $0.offset, message: "unterminated last line: the input was cut short") } }
        guard report.problems.isEmpty else { throw .notSound(report) }
        guard report.events > 0 else { throw .empty }
        let end = LogScanner.completeLength(of: bytes)
        do throws(EventStoreError) {
            try createTables()
            try withConnection { (c) throws(EventStoreError) in
                try c.execute("BEGIN", writing: true)
                do throws(EventStoreError) {
                    try c.execute("LOCK TABLE hotel_events IN EXCLUSIVE MODE", writing: true)
                    let count = try c.execute("SELECT count(*) FROM hotel_events", writing: true)
                    guard count.first?.first??.description == "0" else { throw .conflict }
                    // The lines go in pieces of 5,000, each one INSERT of arrays: memory for one piece, not the log.
                    var piece: [[String]] = [[], [], [], [], []]
                    func flush() throws(EventStoreError) {
                        guard !piece[0].isEmpty else { return }
                        try c.execute("""
                            INSERT INTO hotel_events (position, type, tags, recorded_at, line)
                            SELECT p, t, CASE WHEN g = '' THEN '{}'::text[] ELSE string_to_array(g, E'\\n') END, r, l
                            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(p, t, g, r, l)
                            """, piece.map(Self.arrayLiteral), writing: true)
                        piece = [[], [], [], [], []]
                    }
                    var failure: EventStoreError?
                    bytes.withUnsafeBufferPointer { buffer in
                        LogScanner.forEachLine(in: buffer, upTo: end) { line, _, _ in
                            guard failure == nil, let recorded = try? EventLine.decode(line) else { return }
                            piece[0].append(String(recorded.position.rawValue))
                            piece[1].append(recorded.event.type)
                            piece[2].append(recorded.event.tags.map(\.rawValue).joined(separator: "\n"))
                            piece[3].append(recorded.recordedAt)
                            piece[4].append(String(decoding: line, as: UTF8.self))
                            if piece[0].count == 5000 {
                                do throws(EventStoreError) { try flush() } catch { failure = error }
                            }
                        }
                    }
                    if let failure { throw failure }
                    try flush()
                    try c.execute("INSERT INTO hotel_event_tags (tag, position) SELECT DISTINCT unnest(tags), position FROM hotel_events", writing: true)
                    try c.execute("COMMIT", writing: true)
                } catch {
                    _ = try? c.execute("ROLLBACK")
                    throw error
                }
            }
        } catch .conflict {
            throw .storeNotEmpty(path: name)
        } catch {
            throw .store(error)
        }
        return report.events
    }
}
#endif
