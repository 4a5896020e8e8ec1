/// Records a client's profile (`hotel guests set`): that the fields given changed, and which record of the
/// side file holds the values now (written there first). Refused if the profile changed since the command
/// read it (`expected` is the revision it merged the new values into): the command reads and merges again.
///
/// Its boundary is the client's guest events (the client's tag, of the two guest types): two processes
/// setting one profile at once both land, one after the other, neither half-applied.
public struct SetGuestProfile: Decision {
    public var client: ClientID
    public var revision: GuestRevision
    public var fields: [GuestField]
    /// The revision the values were merged into; nil for a new profile (or one forgotten).
    public var expected: GuestRevision?

    public init(client: ClientID, revision: GuestRevision, fields: [GuestField], expected: GuestRevision?) {
        self.client = client
        self.revision = revision
        self.fields = fields
        self.expected = expected
    }

    public var query: Query { .guest(client) }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        guard state.guest(client)?.revision == expected else { throw .guestChangedSinceRead(client) }
        return [.guestProfileSet(GuestProfileSet(client: client, revision: revision, fields: fields))]
    }
}

/// Erases a client's profile (`hotel guests forget`): recorded first, so that its values are never shown
/// again even if the process dies before the side file is rewritten without them.
public struct ForgetGuest: Decision {
    public var client: ClientID
    public var reason: Reason?
    public var now: Instant
    public var decidedAt: Instant? { now }

    public init(client: ClientID, reason: Reason? = nil, now: Instant) {
        self.client = client
        self.reason = reason
        self.now = now
    }

    public var query: Query { .guest(client) }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        guard let entry = state.guest(client) else { throw .unknownGuest(client) }
        if let at = entry.forgottenAt { throw .guestForgotten(client, at: at) }
        return [.guestForgotten(GuestForgotten(client: client, at: now, reason: reason))]
    }
}

extension Query {
    /// A client's guest events: its profiles set and forgotten.
    public static func guest(_ client: ClientID) -> Query {
        Query([QueryItem(types: [GuestProfileSet.type, GuestForgotten.type], tags: [.client(client)])])
    }
}
