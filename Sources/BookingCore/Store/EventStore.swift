/// The result of ``EventStore/read(_:after:)``: the matching events in log order and the store's head.
public struct ReadResult: Sendable, Equatable {
    /// The events that matched, in position order.
    public var events: [SequencedEvent]
    /// The position of the last event in the store when it was read (matching or not); `.origin` if empty.
    public var head: Position

    public init(events: [SequencedEvent], head: Position) {
        self.events = events
        self.head = head
    }
}

/// An append-only sequence of events with the DCB read and conditional-append contract.
///
/// Everything above this protocol (decisions, handlers, projections, the command line) is unaware of which
/// store it talks to; the same contract test suite runs against every implementation.
public protocol EventStore: Sendable {
    /// The events matching `query` recorded after position `after` (all of them if nil), and the head
    /// position at the time of reading, from the same reading: a reader that saw head `h` reads what came
    /// since with `after: h`, as the DCB specification's read options have it.
    ///
    /// - Throws: ``EventStoreError`` if the store cannot be read or is corrupt.
    func read(_ query: Query, after: Position?) throws(EventStoreError) -> ReadResult

    /// Appends `events` atomically (all or none), if `condition` holds.
    ///
    /// - Returns: The position of the last appended event.
    /// - Throws: ``EventStoreError/conflict`` if an event matching the condition's query was recorded after
    ///   its `after` position; other ``EventStoreError``s if the store cannot be written. Nothing is appended
    ///   when it throws.
    @discardableResult
    func append(_ events: [Event], condition: AppendCondition?) throws(EventStoreError) -> Position

    /// This store as a ``ModelProvidingStore``, if it is one. Asked instead of a cast (`as?`), which costs a
    /// command a scan of the binary's protocol conformances at start-up.
    var modelProvider: (any ModelProvidingStore)? { get }

    /// Where the store keeps its guests' personal data (never in the log); nil for a store that has none.
    var guestVault: (any GuestVault)? { get }
}

extension EventStore {
    public var modelProvider: (any ModelProvidingStore)? { nil }
    public var guestVault: (any GuestVault)? { nil }

    /// Every event matching `query`, and the head position at the time of reading.
    ///
    /// - Throws: ``EventStoreError`` if the store cannot be read or is corrupt.
    public func read(_ query: Query) throws(EventStoreError) -> ReadResult { try read(query, after: nil) }
}
