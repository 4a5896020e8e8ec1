/// Commands run back to back on one hold of the store's write lock, recorded with one write and one sync.
///
/// Each decision sees the hotel as the earlier commands of the batch left it. Nothing is on disk (and so
/// nothing may be acknowledged) until ``FrontDesk/batch(_:)`` returns.
public final class BatchSession {
    private(set) var model: CachedHotelModel
    /// The recorded events' lines, encoded as they are decided.
    private(set) var lines: [UInt8] = []
    private(set) var count = 0
    private let recordedAt: String

    init(model: CachedHotelModel, recordedAt: String, expectedCommands: Int) {
        self.model = model
        self.recordedAt = recordedAt
        // Room for the lines up front: growing by doubling would hold two copies at each step.
        lines.reserveCapacity(expectedCommands * 256)
    }

    /// The hotel as of the commands so far.
    public var state: any HotelReadModel { model }

    /// Decides `decision` on the current state and, if accepted, records its events in the batch.
    public func run(_ decision: some Decision) throws(BookingError) -> [DomainEvent] {
        let events = try decision.decide(on: model)
        for event in events {
            let position = model.head.next
            model.apply(event, at: position)
            EventLine.encode(SequencedEvent(position: position, event: event.storeEvent, recordedAt: recordedAt), into: &lines)
            count += 1
        }
        return events
    }
}
