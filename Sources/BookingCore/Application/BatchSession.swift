/// Commands run back to back on one hold of the store's write lock, recorded with one write and one sync.
///
/// Each decision sees the hotel as the earlier commands of the batch left it. Nothing is on disk (and so
/// nothing may be acknowledged) until ``FrontDesk/batch(_:)`` returns.
public final class BatchSession {
    private(set) var model: CachedHotelModel
    private(set) var recorded: [DomainEvent] = []

    init(model: CachedHotelModel) { self.model = model }

    /// The hotel as of the commands so far.
    public var state: any HotelReadModel { model }

    /// Decides `decision` on the current state and, if accepted, records its events in the batch.
    public func run(_ decision: some Decision) throws(BookingError) -> [DomainEvent] {
        let events = try decision.decide(on: model)
        for event in events {
            model.apply(event, at: model.head.next)
            recorded.append(event)
        }
        return events
    }
}
