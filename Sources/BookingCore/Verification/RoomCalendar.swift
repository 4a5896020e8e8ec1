/// The active bookings of one room, kept sorted by arrival; in a sound log they never overlap.
///
/// - Complexity: finding an overlap is O(log n); adding or removing a booking is O(n) element moves.
struct RoomCalendar: Sendable {
    struct Entry: Sendable {
        var stay: Stay
        var booking: BookingID
    }

    private(set) var entries: [Entry] = []

    /// The index of the first entry whose departure is after `day`.
    private func firstEnding(after day: Day) -> Int {
        // Entries do not overlap, so departures are sorted like arrivals.
        var low = 0, high = entries.count
        while low < high {
            let mid = (low + high) / 2
            if entries[mid].stay.departure <= day { low = mid + 1 } else { high = mid }
        }
        return low
    }

    /// The earliest active booking that shares a night with `stay`, if any.
    func firstOverlap(with stay: Stay) -> Entry? {
        let i = firstEnding(after: stay.arrival)
        guard i < entries.count, entries[i].stay.arrival < stay.departure else { return nil }
        return entries[i]
    }

    /// Adds a booking that overlaps none.
    mutating func insert(_ stay: Stay, _ booking: BookingID) {
        entries.insert(Entry(stay: stay, booking: booking), at: firstEnding(after: stay.arrival))
    }

    /// Removes a booking.
    mutating func remove(_ stay: Stay, _ booking: BookingID) {
        var i = firstEnding(after: stay.arrival)
        while i < entries.count, entries[i].stay.arrival <= stay.arrival {
            if entries[i].booking == booking {
                entries.remove(at: i)
                return
            }
            i += 1
        }
    }
}
