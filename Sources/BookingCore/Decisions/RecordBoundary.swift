extension Query {
    /// Every event of the booking, hold or block `id`. A command given an id tells a booking from a block
    /// (``BookingError/isABlock(_:)``, ``BookingError/notABlock(_:)``), so its boundary takes the events
    /// of both tags: a booking's are tagged `booking:<id>`, a block's `block:<id>`.
    public static func events(of id: BookingID) -> Query { Query(QueryItem.events(of: id)) }
}

extension QueryItem {
    /// The items of ``Query/events(of:)``, for a boundary that covers more.
    static func events(of id: BookingID) -> [QueryItem] {
        [QueryItem(types: [], tags: [.booking(id)]), QueryItem(types: [], tags: [.block(id)])]
    }
}

extension QueryItem {
    /// What pricing a stay reads: the currency and every rate.
    static var pricing: [QueryItem] {
        [QueryItem(types: [], tags: [.setting(.currency)]), QueryItem(types: [RateSet.type], tags: [])]
    }
}
