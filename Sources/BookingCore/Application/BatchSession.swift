/// Commands run back to back on one hold of the store's write lock, recorded with one sync.
///
/// Each decision sees the hotel as the earlier commands of the batch left it. Nothing is on disk (and so
/// nothing may be acknowledged) until ``FrontDesk/batch(expectedCommands:_:)`` returns.
public final class BatchSession {
    private(set) var model: CachedHotelModel
    /// The events decided so far, in order. They are encoded only when the batch is written, a piece at a
    /// time: an event is a few dozen bytes here and a few hundred as a line.
    private(set) var events: [DomainEvent] = []
    /// The position before the batch's first event.
    private let start: Position
    private let recordedAt: String
    /// The batch's time: every command is decided at it, and every event stamped with it.
    public let now: Instant

    init(model: CachedHotelModel, now: Instant, expectedCommands: Int) {
        self.model = model
        self.start = model.head
        self.now = now
        self.recordedAt = now.description
        events.reserveCapacity(expectedCommands)
    }

    /// The hotel as of the commands so far (read through the session, see ``BatchState``).
    public var state: any HotelReadModel { BatchState(self) }

    /// Decides `decision` on the current state and, if accepted, records its events in the batch.
    public func run(_ decision: some Decision) throws(BookingError) -> [DomainEvent] {
        let decided = try decision.decide(on: model)
        for event in decided {
            model.apply(event, at: model.head.next)
            events.append(event)
        }
        return decided
    }

    /// Forgets every event decided so far: the batch then records nothing (an all-or-nothing batch that met a
    /// refusal). The model keeps them, so no command may be decided on the session after this.
    func discard() {
        events.removeAll()
    }

    /// Encodes the batch's lines, in order, each chained to the one before from `chain` (the log's head hash),
    /// and hands them to `write` in pieces of about `pieceSize` bytes.
    func writeLines(pieceSize: Int = 1 << 20, after chain: HashChain.Value, _ write: ([UInt8]) throws(EventStoreError) -> Void) throws(EventStoreError) {
        var piece: [UInt8] = []
        piece.reserveCapacity(pieceSize + 1024)
        var position = start
        var chain = chain
        for event in events {
            position = position.next
            HashChain.encode(SequencedEvent(position: position, event: event.storeEvent, recordedAt: recordedAt), chain: &chain, into: &piece)
            if piece.count >= pieceSize {
                try write(piece)
                piece.removeAll(keepingCapacity: true)
            }
        }
        if !piece.isEmpty { try write(piece) }
    }
}
