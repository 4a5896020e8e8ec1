/// A command's rule: which past events it depends on, and what new events it records given them.
///
/// Decisions are pure: the same state always gives the same events or the same error. The state is a
/// ``HotelReadModel``: a ``HotelProjection`` folded from the events matching ``query``, or the file store's
/// cached model of the whole log (which answers the same for everything the query covers). The handler
/// appends the result on the condition that no event matching ``query`` appeared after the state's head:
/// the command's dynamic consistency boundary.
public protocol Decision: Sendable {
    /// The events the decision depends on.
    var query: Query { get }

    /// The new events, given the state of the hotel.
    ///
    /// - Throws: ``BookingError`` when a business rule rejects the command; nothing is then recorded.
    func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent]

    /// The time the decision is taken at (holds expire by it), which its events are stamped with; nil for a
    /// decision no clock enters (they are stamped with the time of the append).
    var decidedAt: Instant? { get }
}

extension Decision {
    public var decidedAt: Instant? { nil }
}

extension Decision {
    /// The new events, given the events matching ``query`` in log order (folded into a ``HotelProjection``).
    public func decide(given history: [DomainEvent]) throws(BookingError) -> [DomainEvent] {
        try decide(on: HotelProjection(history))
    }
}
