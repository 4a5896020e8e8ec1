/// The desk's lists of a day: who arrives, who leaves, who is in the house. The one place their rules are
/// written (`hotel arrivals`, `departures`, `in-house`, and the night audit).
public enum DayList: String, Sendable, CaseIterable {
    /// The stays arriving that day: held (unexpired), active, checked-in and checked-out ones.
    case arrivals
    /// The stays leaving that day, as `arrivals`; for today, also the guests still checked in past their
    /// departure (due out, and overdue).
    case departures
    /// For today, the guests checked in now (including those due out today and those past their
    /// departure); for another day, the stays that hold a room that night (held, active, checked-in and
    /// checked-out ones, and on a night gone by, a guest who had stayed on past the departure).
    case inHouse = "in-house"
}

extension HotelReadModel {
    /// The guests checked in now, in every registered room, in list order.
    public func guestsCheckedIn() -> [Booking] {
        roomNames().flatMap { checkedIn(room: $0) }.sorted(by: Booking.listOrder)
    }

    /// The stays of `list` on `day`, judged at `now` (whose local day is the desk's today), in list order.
    public func stays(_ list: DayList, on day: Day, at now: Instant) -> [Booking] {
        let today = now.localDay
        var filter = BookingFilter(statuses: BookingFilter.stayStatuses, now: now)
        var found: [Booking]
        switch list {
        case .arrivals:
            filter.arrival = day
            return bookings(matching: filter)
        case .departures:
            filter.departure = day
            found = bookings(matching: filter)
            if day == today { found += guestsCheckedIn().filter { $0.stay.departure < today } }
        case .inHouse:
            if day == today { return guestsCheckedIn() }
            filter.from = day
            filter.to = day.adding(days: 1)
            found = bookings(matching: filter)
            if day < today { found += guestsCheckedIn().filter { $0.stay.departure <= day } }
        }
        var seen = Set<BookingID>()
        return found.filter { seen.insert($0.id).inserted }.sorted(by: Booking.listOrder)
    }
}
