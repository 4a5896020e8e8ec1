import Synchronization
import Testing
@testable import BookingCore

/// A ``CommandRunner`` over a log held in memory that decides every decision twice: on the model of the
/// whole log (a ``HotelProjection`` of every event so far) and on a model folded from only the events its
/// ``Decision/query`` matches (its consistency boundary). The whole log's outcome is the one recorded; any
/// difference between the two is kept in ``mismatches``.
///
/// The commands are the library's own (``CommandRunner``'s `reserve`, `confirm`, `change`, ...), so each
/// decision is drawn exactly as the front desk draws it, from the state it reads first.
final class BoundaryCheckingDesk: CommandRunner {
    /// A decision whose two outcomes differed.
    struct Mismatch: CustomStringConvertible {
        var decision: String
        var onWhole: Result<[DomainEvent], BookingError>
        var onBoundary: Result<[DomainEvent], BookingError>

        var description: String { "\(decision)\n  on the whole log: \(onWhole)\n  on its boundary:  \(onBoundary)" }
    }

    /// Every event recorded so far, in order.
    private(set) var log: [DomainEvent] = []
    private(set) var mismatches: [Mismatch] = []
    /// How many decisions of each type were decided, and how many of them recorded events.
    private(set) var decided: [String: Int] = [:]
    private(set) var accepted: [String: Int] = [:]
    /// The desk's time in seconds since 1970; the test moves it forward.
    var time: Int

    let newBookingID = BookingIDGenerator.incrementing()

    init(time: Instant) { self.time = time.secondsSince1970 }

    var clock: WallClock { .fixed(secondsSince1970: time) }
    var today: Day { Instant(secondsSince1970: time).localDay }

    func run(_ decision: some Decision) throws(HotelError) -> (events: [DomainEvent], state: any HotelReadModel) {
        let whole = HotelProjection(log)
        let boundary = HotelProjection(log.filter { decision.query.matches($0.storeEvent) })
        let onWhole = Result { () throws(BookingError) in try decision.decide(on: whole) }
        let onBoundary = Result { () throws(BookingError) in try decision.decide(on: boundary) }
        let name = String(describing: type(of: decision))
        decided[name, default: 0] += 1
        if onWhole != onBoundary { mismatches.append(Mismatch(decision: "\(decision)", onWhole: onWhole, onBoundary: onBoundary)) }
        switch onWhole {
        case .success(let events):
            if !events.isEmpty { accepted[name, default: 0] += 1 }
            log += events
            return (events, whole)
        case .failure(let error):
            throw .rejected(error)
        }
    }

    func state(query: Query) throws(HotelError) -> any HotelReadModel { HotelProjection(log) }

    /// The guests' values, held in memory.
    let guests = MemoryGuestVault()

    func setGuest(_ client: ClientID, _ values: [GuestField: String]) throws(HotelError) {
        try recordGuestProfile(client, values, in: guests, attempts: 1)
    }

    func forgetGuest(_ client: ClientID, reason: Reason?) throws(HotelError) {
        try recordForgetting(client, reason: reason, in: guests)
    }
}

/// A ``GuestVault`` in memory, for tests of the decisions.
final class MemoryGuestVault: GuestVault {
    private let kept = Mutex<(records: [GuestRecord], leftovers: Bool)>(([], false))

    func records() throws(EventStoreError) -> [GuestRecord] { kept.withLock { $0.records } }
    func replace(with records: [GuestRecord]) throws(EventStoreError) { kept.withLock { $0.records = records } }
    func withLock<R>(_ body: () throws(HotelError) -> R) throws(HotelError) -> R { try body() }
    var mayHaveLeftovers: Bool { kept.withLock { $0.leftovers } }
    func markLeftovers(_ set: Bool) throws(EventStoreError) { kept.withLock { $0.leftovers = set } }
    var name: String { "memory" }
}
