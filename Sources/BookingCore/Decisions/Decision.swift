/// A command's rule: which past events it depends on, and what new events it records given them.
///
/// Decisions are pure: the same history always gives the same events or the same error. The handler
/// reads ``query`` from the store, calls ``decide(given:)`` and appends the result on the condition that
/// no event matching ``query`` appeared in between (the command's dynamic consistency boundary).
public protocol Decision: Sendable {
    /// The events the decision depends on.
    var query: Query { get }

    /// The new events, given the events matching ``query`` in log order.
    ///
    /// - Throws: ``BookingError`` when a business rule rejects the command; nothing is then recorded.
    func decide(given history: [DomainEvent]) throws(BookingError) -> [DomainEvent]
}
