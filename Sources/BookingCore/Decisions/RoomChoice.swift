/// Which free room of a type `hotel book --type` and `hotel hold --type` take: the one that keeps the
/// calendar tightest.
///
/// For a stay arriving today, a room ready for the guest (clean or inspected) before a dirty one. Then, for
/// each free room, look at the night just before the stay and the night just after it:
/// 1. fewest single empty nights left (a free night between the stay and another stay, which is hard to
///    sell), then
/// 2. most sides that touch another stay (the stay fills a gap exactly, or extends a run), then
/// 3. the room's name in byte order.
///
/// (The boundary of a choice covers each candidate room's events, among them those that change its
/// housekeeping status.)
public enum RoomChoice {
    /// The best of `rooms` free for `stay` at `now`, or nil if none is free.
    public static func best(among rooms: [RoomName], for stay: Stay, in state: some HotelReadModel, at now: Instant) -> RoomName? {
        var best: (score: (Int, Int, Int), room: RoomName)?
        let arrivesToday = stay.arrival == now.localDay
        for room in rooms where state.firstHolding(room: room, stay: stay, at: now, except: nil) == nil {
            func taken(_ night: Day) -> Bool {
                // A night outside the calendar (beside a stay at either end of it) holds nothing.
                guard let one = try? Stay(arrival: night, departure: night.adding(days: 1)) else { return false }
                return state.firstHolding(room: room, stay: one, at: now, except: nil) != nil
            }
            var singles = 0, touching = 0
            if taken(stay.arrival.adding(days: -1)) { touching += 1 } else if taken(stay.arrival.adding(days: -2)) { singles += 1 }
            if taken(stay.departure) { touching += 1 } else if taken(stay.departure.adding(days: 1)) { singles += 1 }
            let score = (arrivesToday && !state.housekeeping.status(of: room).isReady ? 1 : 0, singles, -touching)
            if best == nil || score < best!.score || (score == best!.score && room < best!.room) { best = (score, room) }
        }
        return best?.room
    }

    /// The nights ``best(among:for:in:at:)`` looks at for `stay`: its own and two on either side, within
    /// the calendar.
    public static func nightsLookedAt(around stay: Stay) -> Stay {
        try! Stay(arrival: max(stay.arrival.adding(days: -2), Day.earliest), departure: min(stay.departure.adding(days: 2), Day.latest))
    }
}
