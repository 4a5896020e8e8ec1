/// A store the command line runs on: a ``ModelProvidingStore`` that can also hand over its log's lines as
/// they stand (`hotel log`, `hotel history`), check itself (`hotel verify`) and take a whole log (`hotel
/// import`). The JSON-lines file store and the PostgreSQL store are both one.
public protocol HotelStore: ModelProvidingStore {
    /// Where the store is, for messages: a path, or a URL without its password.
    var name: String { get }

    /// Whether the store exists: the log file, or hotel's tables in the database.
    func hasStore() throws(EventStoreError) -> Bool

    /// Returns if the store exists; otherwise throws why not, which every command but `rooms add` and
    /// `import` (the ones that create a store) reports as is.
    ///
    /// - Throws: ``EventStoreError/notFound(path:)``, or ``EventStoreError/noFolder(path:folder:)`` for a
    ///   file in a folder that does not exist.
    func requireStore() throws(EventStoreError)

    /// Calls `body` with each event's line after `after` (with its `\n`, byte for byte as `hotel` wrote it)
    /// and its position, in order, while it returns true; only lines matching `query`, if given.
    ///
    /// - Returns: The position of the last event read (matching or not): where to go on from.
    @discardableResult
    func forEachLine(after: Position, matching query: Query?, _ body: (_ line: UnsafeBufferPointer<UInt8>, _ position: Position) -> Bool) throws(EventStoreError) -> Position

    /// Calls `body` with the line and position of each event about `subject` (a booking, hold or block, or a
    /// client's profile), oldest first, up to `last` if given, while it returns true (`hotel history`, `hotel
    /// guests show --json`).
    func forEachLine(about subject: HistorySubject, through last: Position?, _ body: (_ line: UnsafeBufferPointer<UInt8>, _ position: Position) -> Bool) throws(EventStoreError)

    /// Checks the whole log without changing it: every problem, with its line and byte offset.
    func verify() throws(EventStoreError) -> VerificationReport

    /// Appends a whole JSON-lines log to the store, which must hold no event, after checking it as ``verify()``
    /// does; positions and recorded times are kept. Returns the number of events.
    func importLog(_ bytes: [UInt8]) throws(ImportError) -> Int
}

extension HotelStore {
    public func requireStore() throws(EventStoreError) {
        guard try hasStore() else { throw .notFound(path: name) }
    }

    public func forEachLine(about subject: HistorySubject, through last: Position?, _ body: (UnsafeBufferPointer<UInt8>, Position) -> Bool) throws(EventStoreError) {
        try forEachTaggedLine(about: subject, through: last, body)
    }

    /// Reads every event the subject's query selects, stopping after `last`.
    func forEachTaggedLine(about subject: HistorySubject, through last: Position?, _ body: (UnsafeBufferPointer<UInt8>, Position) -> Bool) throws(EventStoreError) {
        try forEachLine(after: .origin, matching: subject.query) { line, position in
            if let last, position > last { return false }
            return body(line, position)
        }
    }
}

extension JSONLinesEventStore: HotelStore {
    /// Reads the few lines the history index names (see ``BookingHistoryIndex``), each checked to be an
    /// event about `subject`; the whole log when the index cannot be trusted.
    public func forEachLine(about subject: HistorySubject, through last: Position?, _ body: (UnsafeBufferPointer<UInt8>, Position) -> Bool) throws(EventStoreError) {
        guard try !forEachIndexedLine(about: subject, through: last, body) else { return }
        try forEachTaggedLine(about: subject, through: last, body)
    }

    public var name: String { path }

    public func hasStore() throws(EventStoreError) -> Bool { exists }

    public func requireStore() throws(EventStoreError) {
        guard exists else { throw absence }
    }

    @discardableResult
    public func forEachLine(after: Position, matching query: Query?, _ body: (UnsafeBufferPointer<UInt8>, Position) -> Bool) throws(EventStoreError) -> Position {
        let reader = LogReader(path: path)
        return try reader.forEachLine(from: try reader.mark(after: after), matching: query) { line, mark in body(line, mark.position) }.position
    }
}

extension HotelStore {
    /// The lines of the events about any of `subjects`, in log order, each once, as `hotel log` prints them
    /// (without their `\n`): what `hotel guests show --json` hands over of a person's stays and profile.
    public func lines(about subjects: [HistorySubject]) throws(EventStoreError) -> [[UInt8]] {
        var found: [Position: [UInt8]] = [:]
        for subject in Set(subjects) {
            try forEachLine(about: subject, through: nil) { line, position in
                found[position] = Array(line.dropLast())
                return true
            }
        }
        return found.sorted { $0.key < $1.key }.map(\.value)
    }
}
