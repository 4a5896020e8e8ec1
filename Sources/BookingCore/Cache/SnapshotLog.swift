/// What the cache machinery needs of a log to keep a snapshot of it: the JSON-lines file, or the local
/// snapshot of a PostgreSQL store.
protocol SnapshotLog {
    /// The log's chain value after its event at `position`, whose line ends at `offset`; nil if the log has
    /// no such line there (the snapshot is of another log, or of one since replaced).
    func chainValue(after position: Position, endingAt offset: Int) throws(EventStoreError) -> HashChain.Value?
    /// How many bytes of log follow byte `offset`, if that is known before reading them.
    func bytes(after offset: Int) throws -> Int?
    /// Calls `visit` with each event after `position` (whose line ends at `offset`) to the log's head, in
    /// order, with its position and the bytes of its line.
    func forEachEvent(after position: Position, from offset: Int, _ visit: (DomainEvent, Position, Range<Int>) -> Void) throws
}

extension SnapshotLog {
    /// The snapshot at `path`, if it is of this log: the log's chain value at the snapshot's last position is
    /// the one the snapshot records (the one statement of that rule).
    func snapshot(at path: String) throws(EventStoreError) -> MappedSnapshot? {
        guard let mapped = MappedSnapshot(path: path),
              try chainValue(after: mapped.coveredPosition, endingAt: mapped.coveredOffset) == mapped.chainValue
        else { return nil }
        return mapped
    }
}
