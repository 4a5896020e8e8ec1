/// A store that can hand over the whole hotel at its head faster than replaying a query's events, such as
/// the JSON-lines store with its cached snapshot.
///
/// ``FrontDesk`` decides on that model and appends with the decision's query as the condition, after the
/// model's head; ``AppendHint`` lets the store check the condition against only the events after it.
public protocol ModelProvidingStore: EventStore {
    /// The hotel at the store's head, and where that head ends in the store.
    func currentModel() throws(HotelError) -> (model: any HotelReadModel, hint: AppendHint)

    /// Deletes the store's snapshot (found damaged while answering), so that the next model is folded
    /// from the log and the snapshot written anew.
    func discardSnapshot()

    /// Whether the model last handed over has met a damaged page of the snapshot since.
    var snapshotWasDamaged: Bool { get }

    /// Appends like ``EventStore/append(_:condition:)``, knowing where the condition's `after` position ends,
    /// with the events stamped with the time they were decided at, `decidedAt` (or, if nil, the append's).
    ///
    /// - Throws: ``EventStoreError/recordedLater`` if the log already holds an event recorded after
    ///   `decidedAt` (a writer that decided later got the lock first): the decision must be taken again at a
    ///   later time, so that the log's times never run backwards.
    @discardableResult
    func append(_ events: [Event], condition: AppendCondition, hint: AppendHint, decidedAt: Instant?) throws(EventStoreError) -> Position

    /// The time the log's last event was recorded at, if it has one: the earliest "now" a command may
    /// decide at, so that a clock stepped back never undoes what the log already relied on (a hold that a
    /// later booking treated as expired stays expired).
    func latestRecordedAt() -> Instant?

    /// Runs `body` holding the write lock with a session on the model at the head, then appends the events
    /// the session recorded, encoded a piece at a time, with one sync. If any write or the sync fails, the
    /// log is cut back and nothing is recorded.
    /// `expectedCommands` sizes the session's buffer.
    func batch<R>(expectedCommands: Int, _ body: (BatchSession) -> R) throws(HotelError) -> R

    /// Where a point of the log's history falls (see ``FrontDesk/asOf(_:)``).
    func locate(_ point: HistoryPoint) throws(HotelError) -> PastPoint

    /// The hotel just after a point of its history, without changing the store or its cache.
    func model(at past: PastPoint) throws(HotelError) -> any HotelReadModel
}

/// Where a position ends in a store: for the JSON-lines store, the byte offset just after its line.
public struct AppendHint: Sendable, Equatable {
    public var position: Position
    public var offset: Int

    public init(position: Position, offset: Int) {
        self.position = position
        self.offset = offset
    }

    /// The start of a log: no event, no byte.
    public static let start = AppendHint(position: .origin, offset: 0)
}
