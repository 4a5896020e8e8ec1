import Synchronization

/// An event store held in memory: for tests, and the reference the file store is checked against.
public final class InMemoryEventStore: EventStore {
    private let events: Mutex<[SequencedEvent]>
    private let clock: WallClock

    /// Makes an empty store, or one holding `events` (given as already recorded).
    public init(clock: WallClock = .system, events: [SequencedEvent] = []) {
        self.clock = clock
        self.events = Mutex(events)
    }

    public func read(_ query: Query, after: Position?) throws(EventStoreError) -> ReadResult {
        events.withLock { all in
            ReadResult(events: all.filter { $0.position > (after ?? .origin) && query.matches($0.event) }, head: all.last?.position ?? .origin)
        }
    }

    @discardableResult
    public func append(_ new: [Event], condition: AppendCondition?) throws(EventStoreError) -> Position {
        let recordedAt = clock.timestamp()
        let result: Result<Position, EventStoreError> = events.withLock { all in
            if let condition, all.contains(where: { condition.isViolated(by: $0.event, at: $0.position) }) {
                return .failure(.conflict)
            }
            var head = all.last?.position ?? .origin
            for event in new {
                head = head.next
                all.append(SequencedEvent(position: head, event: event, recordedAt: recordedAt))
            }
            return .success(head)
        }
        return try result.get()
    }
}
