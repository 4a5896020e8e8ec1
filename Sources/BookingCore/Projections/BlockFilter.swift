/// Which blocks a listing includes (`hotel blocks`): those with a night in the days given. An empty filter
/// lists every block, ended or not.
public struct BlockFilter: Sendable, Equatable {
    /// Only blocks with a night on or after this day.
    public var from: Day?
    /// Only blocks with a night before this day.
    public var to: Day?

    public init(from: Day? = nil, to: Day? = nil) {
        self.from = from
        self.to = to
    }

    /// Whether `block` meets every set criterion.
    public func includes(_ block: Block) -> Bool { block.stay.hasNights(from: from, to: to) }
}

extension BlockFilter: RecordSelection {
    var client: ClientID? { nil }

    var room: RoomName? { nil }

    var dayBounds: (departureAfter: Int32?, arrivalBefore: Int32?) { (from.map { Int32($0.ordinal) }, to.map { Int32($0.ordinal) }) }

    func mayInclude(_ record: SnapshotRecord) -> Bool { record.isBlock && daysMayInclude(record) }

    func selected(_ entry: CalendarEntry) -> Block? { entry.block.flatMap { includes($0) ? $0 : nil } }
}
