/// Selects events by type and tags, as in the DCB specification.
///
/// An event matches an item when its type is one of the item's types (any type if the item lists none)
/// and it carries all of the item's tags. It matches the query when it matches any item. A query with no
/// items matches nothing; ``all`` matches everything.
public struct Query: Sendable, Equatable {
    /// The alternatives.
    public var items: [QueryItem]

    public init(_ items: [QueryItem]) { self.items = items }

    /// Every event.
    public static let all = Query([QueryItem(types: [], tags: [])])

    /// Whether `event` matches any item.
    public func matches(_ event: Event) -> Bool {
        items.contains { $0.matches(event) }
    }
}

/// One alternative of a ``Query``.
public struct QueryItem: Sendable, Equatable {
    /// The accepted types; empty means any.
    public var types: [String]
    /// The tags an event must all carry.
    public var tags: [Tag]

    public init(types: [String], tags: [Tag]) {
        self.types = types
        self.tags = tags
    }

    /// Whether `event` has one of the types (if any are listed) and all of the tags.
    public func matches(_ event: Event) -> Bool {
        (types.isEmpty || types.contains(event.type)) && tags.allSatisfy(event.tags.contains)
    }
}

/// The condition an append must meet: no event matching ``query`` recorded after ``after``.
///
/// With `after` set to the head a command saw when it read, the append fails if anything it based its
/// decision on has changed since. With `after` nil, any matching event fails it (a uniqueness guard).
public struct AppendCondition: Sendable, Equatable {
    /// The events that must not have appeared.
    public var query: Query
    /// The last position the writer saw, or nil for "none may exist at all".
    public var after: Position?

    public init(failIfEventsMatch query: Query, after: Position?) {
        self.query = query
        self.after = after
    }

    /// Whether `event` at `position` violates the condition.
    public func isViolated(by event: Event, at position: Position) -> Bool {
        position > (after ?? .origin) && query.matches(event)
    }
}
