/// The housekeeping's commands and queries: rooms' statuses, and the list of what to make ready.
extension CommandRunner {
    /// Sets `rooms`' housekeeping status (each registered; nothing recorded for one already so).
    public func setRoomStatus(_ rooms: [RoomName], to status: HousekeepingStatus, reason: Reason? = nil) throws(HotelError) {
        do throws(HotelError) {
            _ = try run(SetRoomStatus(rooms: rooms, status: status, reason: reason))
        } catch .rejected(.unknownRoom(let room, _)) {
            throw try unknownRoom(room)
        }
    }
}

/// A line of `hotel housekeeping`: a room, its status, what the day holds for it, and the next stay to arrive.
public struct HousekeepingLine: Sendable, Equatable {
    /// What a room holds on the day.
    public enum Occupancy: String, Sendable, CaseIterable {
        /// No guest, and none arriving that day.
        case vacant
        /// A guest stays the night.
        case occupied
        /// A checked-in guest leaves that day (or is past the departure and still there).
        case dueOut = "due-out"
        /// No guest, and a stay arrives that day.
        case arrival
    }

    public var room: RoomName
    public var status: HousekeepingStatus
    public var occupancy: Occupancy
    /// The next stay (booking or hold) to arrive in the room, on the day or after.
    public var nextArrival: BookingID?
    /// Whether a stay arrives in the room that day.
    public var arrivesToday: Bool
}

extension HotelReadModel {
    /// Every registered room's line for `day` (whose statuses are as they stand now), rooms with an
    /// arrival that day that are not ready first, then by name; only rooms of `statuses` if any are given.
    /// A room's calendar is read from `day` on only as far as the next stay to arrive.
    public func housekeepingLines(on day: Day, statuses: Set<HousekeepingStatus>, at now: Instant) -> [HousekeepingLine] {
        var lines: [HousekeepingLine] = []
        for room in roomNames() {
            let status = housekeeping.status(of: room)
            guard statuses.isEmpty || statuses.contains(status) else { continue }
            let inHouse = checkedIn(room: room)
            // From the day on, the earliest stay on the room's calendar: one not checked in that arrived
            // before (it stays the night), then the next to arrive; checked-in stays and blocks are passed.
            var staying = false
            var next: Booking?
            var from = day
            while next == nil, from < Day.latest, let window = try? Stay(arrival: from, departure: Day.latest),
                  let entry = firstOnCalendar(room: room, stay: window, at: now, except: nil) {
                if case .booking(let booking) = entry, booking.status(at: now) != .checkedIn {
                    if booking.roomArrival >= day { next = booking; break }
                    staying = true
                }
                from = max(entry.stay.departure, from.adding(days: 1))
            }
            let occupancy: HousekeepingLine.Occupancy
            if inHouse.contains(where: { $0.stay.departure <= day }) {
                occupancy = .dueOut
            } else if staying || inHouse.contains(where: { $0.roomArrival <= day }) {
                occupancy = .occupied
            } else if next?.roomArrival == day {
                occupancy = .arrival
            } else {
                occupancy = .vacant
            }
            lines.append(HousekeepingLine(room: room, status: status, occupancy: occupancy, nextArrival: next?.id, arrivesToday: next?.roomArrival == day))
        }
        return lines.sorted { a, b in
            let (x, y) = (a.arrivesToday && !a.status.isReady, b.arrivesToday && !b.status.isReady)
            if x != y { return x }
            return a.room < b.room
        }
    }
}

extension FrontDesk {
    /// `hotel housekeeping`: every registered room's line for `day` (see
    /// ``HotelReadModel/housekeepingLines(on:statuses:at:)``).
    public func housekeeping(on day: Day, statuses: Set<HousekeepingStatus> = []) throws(HotelError) -> [HousekeepingLine] {
        let now = now
        return try answer { model in model.housekeepingLines(on: day, statuses: statuses, at: now) }
    }
}
