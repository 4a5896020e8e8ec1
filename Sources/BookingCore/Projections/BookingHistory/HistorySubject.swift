/// What the history index finds the lines of: a booking, hold or block (`hotel history`), or a client's
/// profile (its sets and its erasure, for `hotel guests show --json`).
public enum HistorySubject: Sendable, Hashable {
    /// The events about a booking, hold or block.
    case booking(BookingID)
    /// The events about a client's profile: `GuestProfileSet` and `GuestForgotten`.
    case guest(ClientID)

    /// The query that selects exactly its events (what reading the whole log keeps).
    public var query: Query {
        switch self {
        case .booking(let id): Query.events(of: id)
        case .guest(let client): Query([QueryItem(types: [GuestProfileSet.type, GuestForgotten.type], tags: [.client(client)])])
        }
    }

    /// Whether `event` is one of its events (an index's hash is shared, once in about 16 million, by another
    /// subject, whose lines are read and left out).
    func owns(_ event: Event) -> Bool { query.matches(event) }

    /// The hash the index files its lines under.
    var hash: UInt64 {
        switch self {
        case .booking(let id): return BookingKey(id).mixed
        case .guest(let client):
            // FNV-1a over the id's bytes, then a finalizer that spreads them over the top bits the index keeps.
            var z: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in client.rawValue.utf8 { z = (z ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
}

extension DomainEvent {
    /// What the history index files the event under; nil for events about no one (a room's registration, a
    /// setting, a rate).
    var historySubject: HistorySubject? {
        switch self {
        case .guestProfileSet(let e): return .guest(e.client)
        case .guestForgotten(let e): return .guest(e.client)
        default: return subject.map(HistorySubject.booking)
        }
    }
}
