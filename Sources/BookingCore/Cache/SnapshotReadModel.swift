/// A read model that folds events: the one thing every read model does, through ``DomainEvent/apply(to:)``
/// or its own reading of an event.
protocol EventFolding {
    /// Folds one event, recorded at `position`, whose line spans bytes `line` of the log (for a store
    /// without byte offsets, a running count of its lines' bytes).
    mutating func fold(_ event: DomainEvent, at position: Position, line: Range<Int>)
}

/// A read model kept in the snapshot as its own section, with its own layout and version: a plug-in of
/// the cache machinery (``ReadModelCache``), which knows nothing else of it.
///
/// A plug-in has two forms: the ``Builder``, folded in memory (from the log's start, or from the
/// section of a snapshot) and written as the section; and the ``View``, which answers from a section
/// (memory-mapped, checked as read) plus the events after it, or from a builder when no snapshot could be
/// written. Both must give the same answers as a replay of the log.
protocol SnapshotReadModel {
    associatedtype Builder: EventFolding
    associatedtype View: EventFolding

    /// An empty builder with room for about `expectedBytes` of log.
    static func builder(expectedBytes: Int) -> Builder
    /// A builder holding what `snapshot`'s section holds, with room for `tailBytes` more of log; nil if the
    /// snapshot has no sound section of this read model.
    static func builder(continuing snapshot: MappedSnapshot, tailBytes: Int) -> Builder?
    /// Writes the builder as this read model's section (it may reorder what it holds, as a sort in place).
    static func write(_ builder: inout Builder, to out: inout SnapshotFileWriter) throws(EventStoreError)
    /// A view of `snapshot`'s section (an empty log's view for nil); nil if the snapshot has no sound section
    /// of this read model's name and version, so that the snapshot is rebuilt, never misread.
    static func view(of snapshot: MappedSnapshot?) -> View?
    /// A view of a builder's contents (when no snapshot could be written).
    static func view(folded builder: Builder) -> View
}
