/// What a listing selects among the stay calendar's records, which hold bookings and blocks alike: a
/// ``BookingFilter`` selects bookings and holds, a ``BlockFilter`` blocks. Both read models list through it,
/// checking a record's indexes and days before an entry (with its strings) is made of it.
protocol RecordSelection {
    /// What it lists: ``Booking`` or ``Block``.
    associatedtype Selected: ListOrdered

    /// Only the records of this client.
    var client: ClientID? { get }
    /// Only the records of this room.
    var room: RoomName? { get }
    /// The nights a record must share with the selection's days: the earliest departure and the latest
    /// arrival it may have (nil: no bound).
    var dayBounds: (departureAfter: Int32?, arrivalBefore: Int32?) { get }

    /// A quick check on a record's kind and days, before an entry is made of it.
    func mayInclude(_ record: SnapshotRecord) -> Bool

    /// The entry as listed, if the selection includes it.
    func selected(_ entry: CalendarEntry) -> Selected?
}

extension RecordSelection {
    /// Whether the record's nights can meet ``dayBounds``.
    func daysMayInclude(_ record: SnapshotRecord) -> Bool {
        let (after, before) = dayBounds
        return (after.map { record.departure > $0 } ?? true) && (before.map { record.arrival < $0 } ?? true)
    }
}

extension Stay {
    /// Whether it has a night on or after `from` and a night before `to` (nil: no bound): a listing's days.
    func hasNights(from: Day?, to: Day?) -> Bool {
        (from.map { departure > $0 } ?? true) && (to.map { arrival < $0 } ?? true)
    }
}
