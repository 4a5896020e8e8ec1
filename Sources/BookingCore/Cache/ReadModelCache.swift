/// The snapshot of every read model beside a log, brought up to the log's head: the cache machinery,
/// written once for every store and every read model (see ``SnapshotReadModel``, ``ReadModels``).
///
/// - The snapshot is used only if the log's chain value at its last position is the one it records, so it
///   is of this log's content (not of another log built alike, nor of one since replaced).
/// - A short tail (up to `threshold` bytes of log after the snapshot) is folded in memory onto the
///   snapshot's views; a longer one is folded into builders that start from the snapshot's sections, and
///   written as a new snapshot (atomically: see ``SnapshotFileWriter``).
/// - A snapshot that is missing, unreadable, of another layout or damaged, or a section of another version,
///   counts as no snapshot: the log is replayed, and the snapshot written anew.
/// - If a new snapshot cannot be written (a read-only directory, a full disk), the answer comes from memory.
struct ReadModelCache {
    /// The snapshot file's path.
    let path: String
    /// Bytes of log after the snapshot above which a new one is written; 0 keeps it always current.
    let threshold: Int
    /// Where building a new snapshot reports its progress.
    let progress: (any ProgressDisplay)?
    /// The unit progress is counted in: bytes of a file, or events of a table.
    var progressUnit: ProgressUnit = .bytes

    /// The read models at the log's head, and where that head ends.
    func load(_ log: some SnapshotLog) throws -> (ReadModels, AppendHint) {
        var snapshot = try log.snapshot(at: path)
        var views = ReadModels(snapshot: snapshot)
        if views == nil {
            snapshot = nil
            views = .empty
        }
        let start = AppendHint(position: snapshot?.coveredPosition ?? .origin, offset: snapshot?.coveredOffset ?? 0)
        let known = try log.bytes(after: start.offset)
        // No snapshot: the whole log is folded into builders (with room reserved for it), written if long.
        if snapshot == nil { return try rebuild(log, from: nil, start: .start, tailBytes: known, write: known.map(isLong)) }
        if let known, !isLong(known) { return try fold(log, onto: views!, from: start) }
        if known == nil {
            let folded = try fold(log, onto: views!, from: start)
            if !isLong(folded.1.offset - start.offset) { return folded }
        }
        return try rebuild(log, from: snapshot, start: start, tailBytes: known, write: true)
    }

    private func isLong(_ tail: Int) -> Bool { threshold == 0 ? tail > 0 : tail > threshold }

    /// The views with the events after `start` folded on.
    private func fold(_ log: some SnapshotLog, onto views: ReadModels, from start: AppendHint) throws -> (ReadModels, AppendHint) {
        var models = views
        var end = start
        try log.forEachEvent(after: start.position, from: start.offset) { event, position, line in
            models.fold(event, at: position, line: line)
            end = AppendHint(position: position, offset: line.upperBound)
        }
        return (models, end)
    }

    /// Folds the events after `start` into builders that begin as `snapshot` (or empty), writes them as a
    /// new snapshot if `write` (nil: if what was folded is long), and answers from it (or from the builders).
    private func rebuild(_ log: some SnapshotLog, from snapshot: MappedSnapshot?, start: AppendHint, tailBytes: Int?, write: Bool?) throws -> (ReadModels, AppendHint) {
        let expected = tailBytes ?? 1 << 20
        var builders = ReadModelBuilders(expectedBytes: expected)
        var from = AppendHint.start
        if let snapshot, let continuing = ReadModelBuilders(continuing: snapshot, tailBytes: expected) {
            builders = continuing
            from = start
        }
        var end = from
        // Progress is shown for building the cache, as before; a replay that writes none shows nothing.
        var meter = ProgressMeter("building the cache", total: tailBytes ?? 0, unit: progressUnit, display: write == false ? nil : progress)
        defer { meter.finish() }
        try log.forEachEvent(after: from.position, from: from.offset) { event, position, line in
            builders.fold(event, at: position, line: line)
            end = AppendHint(position: position, offset: line.upperBound)
            meter.advance(to: progressUnit == .bytes ? line.upperBound - from.offset : position.rawValue - from.position.rawValue)
        }
        if end.position == from.position, let snapshot, let views = ReadModels(snapshot: snapshot) { return (views, end) }
        if write ?? isLong(end.offset - from.offset), end.position > .origin, let chain = try log.chainValue(after: end.position, endingAt: end.offset) {
            do throws(EventStoreError) {
                var out = try SnapshotFileWriter(path: path)
                try builders.write(to: &out)
                try out.finish(position: end.position, offset: end.offset, chain: chain)
                if let written = MappedSnapshot(path: path), written.coveredPosition == end.position, written.coveredOffset == end.offset,
                   let views = ReadModels(snapshot: written) {
                    return (views, end)
                }
            } catch {
                // Not written: answer from memory.
            }
        }
        return (ReadModels(folded: builders), end)
    }
}
