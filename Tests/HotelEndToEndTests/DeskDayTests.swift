import Foundation
import HotelTestSupport
import Testing

/// The desk's day as issue 18 reported it: a check-out on the arrival day, a checked-in stay changed to end
/// in the past, and guests who stay past their departure. Each test is the report, run as a user would.
struct DeskDayTests {
    let sandbox = Sandbox()

    func hotel(at now: String) -> HotelProcess { sandbox.hotel(now: now) }

    @discardableResult
    func ok(_ arguments: [String], at now: String) throws -> String {
        let result = try hotel(at: now).run(arguments)
        try #require(result.status == 0 && result.stderr == "", "\(arguments): \(result)")
        return result.stdout
    }

    func refused(_ arguments: [String], at now: String) throws -> HotelProcess.Result {
        let before = sandbox.hotel.storeBytes()
        let result = try hotel(at: now).run(arguments)
        #expect(result.status == 1 && result.stdout == "", "\(arguments): \(result)")
        #expect(sandbox.hotel.storeBytes() == before, "a refused command changed the store")
        return result
    }

    /// Bug 1: a same-day check-out stays no night. Every view agrees the room is free from that day on,
    /// a booking made then is drawn by the calendar, and `verify` accepts the log.
    @Test func aCheckOutOnTheArrivalDayHoldsNoNight() throws {
        let now = "2024-05-10T15:00:00Z"
        try ok(["rooms", "add", "A", "B"], at: now)
        let id = try ok(["book", "--client", "7", "--room", "A", "--from", "today", "--nights", "4"], at: now).trimmingCharacters(in: .newlines)
        try ok(["checkin", id], at: now)
        try ok(["checkout", id], at: now)
        #expect(try ok(["occupancy", "--from", "today", "--nights", "4"], at: now)
            == "2024-05-10\t0\t2\t0\t0.0%\n2024-05-11\t0\t2\t0\t0.0%\n2024-05-12\t0\t2\t0\t0.0%\n2024-05-13\t0\t2\t0\t0.0%\ntotal\t0\t8\t0\t0.0%\n")
        #expect(try ok(["occupancy", "--from", "today", "--nights", "4", "--by", "room"], at: now) == "A\t0\t4\t0\t0.0%\nB\t0\t4\t0\t0.0%\ntotal\t0\t8\t0\t0.0%\n")
        #expect(try ok(["free", "--from", "today", "--nights", "4"], at: now) == "A\nB\n")
        #expect(try ok(["in-house"], at: now) == "")
        let next = try ok(["book", "--client", "8", "--room", "A", "--from", "today", "--nights", "2"], at: now).trimmingCharacters(in: .newlines)
        let chart = try ok(["calendar", "--from", "today", "--nights", "4", "--room", "A", "--color", "never"], at: now)
        // The new stay's bar starts with its client, 8, and runs two nights of '='.
        let row = try #require(chart.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("A ") })
        #expect(row.contains("8") && row.contains("="), "\(chart)")
        #expect(!row.contains("-"), "the checked-out stay is drawn over the new one: \(chart)")
        #expect(try ok(["bookings", "--room", "A", "--status", "active"], at: now).hasPrefix(next))
        #expect(try hotel(at: now).run(["verify"]).status == 0)
    }

    /// Bug 2: a checked-in stay's new departure must be after today.
    @Test func aCheckedInStayCannotBeChangedToEndInThePast() throws {
        try ok(["rooms", "add", "A"], at: "2024-05-05T10:00:00Z")
        let id = try ok(["book", "--client", "7", "--room", "A", "--from", "2024-05-05", "--to", "2024-05-12"], at: "2024-05-05T10:00:00Z")
            .trimmingCharacters(in: .newlines)
        try ok(["checkin", id], at: "2024-05-05T15:00:00Z")
        let past = try refused(["change", id, "--to", "2024-05-06"], at: "2024-05-08T10:00:00Z")
        #expect(past.stderr == "hotel: error: booking '\(id)' is checked in: its new departure must be after today (2024-05-08)\n")
        let today = try refused(["change", id, "--to", "2024-05-08"], at: "2024-05-08T10:00:00Z")
        #expect(today.stderr == "hotel: error: booking '\(id)' is checked in: its new departure must be after today (2024-05-08)\n")
        try ok(["change", id, "--to", "2024-05-09"], at: "2024-05-08T10:00:00Z")
        #expect(try ok(["in-house"], at: "2024-05-08T10:00:00Z").hasPrefix(id))
    }

    /// Bug 3: a guest not checked out by the departure day still holds the room: listed in-house and among
    /// today's departures, the room not free, a booking or check-in onto it refused naming the guest; a late
    /// check-out records the nights slept.
    @Test func aGuestWhoStaysPastTheDepartureHoldsTheRoomUntilCheckedOut() throws {
        let first = "2024-05-01T10:00:00Z"
        try ok(["rooms", "add", "A", "B", "C"], at: first)
        let guest = try ok(["book", "--client", "7", "--room", "A", "--from", "2024-05-01", "--to", "2024-05-03"], at: first).trimmingCharacters(in: .newlines)
        let other = try ok(["book", "--client", "6", "--room", "B", "--from", "2024-05-01", "--to", "2024-05-03"], at: first).trimmingCharacters(in: .newlines)
        // Booked before the guest stayed on: arrives on the 4th.
        let next = try ok(["book", "--client", "8", "--room", "A", "--from", "2024-05-04", "--to", "2024-05-06"], at: first).trimmingCharacters(in: .newlines)
        for id in [guest, other] { try ok(["checkin", id], at: "2024-05-01T15:00:00Z") }
        let now = "2024-05-04T12:00:00Z"  // Both were due out on the 3rd; both are still there.
        #expect(try ok(["in-house"], at: now) == "\(guest)\t7\tA\t2024-05-01\t2024-05-03\tchecked-in\n\(other)\t6\tB\t2024-05-01\t2024-05-03\tchecked-in\n")
        #expect(try ok(["departures"], at: now) == "\(guest)\t7\tA\t2024-05-01\t2024-05-03\tchecked-in\n\(other)\t6\tB\t2024-05-01\t2024-05-03\tchecked-in\n")
        #expect(try ok(["free", "--from", "2024-05-04", "--to", "2024-05-05"], at: now) == "C\n")
        let book = try refused(["book", "--client", "9", "--room", "B", "--from", "2024-05-04", "--to", "2024-05-05"], at: now)
        #expect(book.stderr == "hotel: error: room 'B' is not free for 2024-05-04..2024-05-05: the guest of booking \(other) is still checked in (due out 2024-05-03); 'hotel checkout \(other)' records the departure\n")
        let checkin = try refused(["checkin", next], at: now)
        #expect(checkin.stderr == "hotel: error: room 'A' is not free for 2024-05-04..2024-05-06: the guest of booking \(guest) is still checked in (due out 2024-05-03); 'hotel checkout \(guest)' records the departure\n")
        // Tomorrow is not held: the guests may leave tonight.
        #expect(try ok(["free", "--from", "2024-05-05", "--to", "2024-05-06"], at: now) == "B\nC\n")
        let later = "2024-05-05T09:00:00Z"
        try ok(["checkout", guest], at: later)
        // The nights slept, 1st to 4th, count as occupied; B's guest, still there, occupies it up to tonight.
        #expect(try ok(["occupancy", "--from", "2024-05-01", "--to", "2024-05-05", "--by", "room"], at: later)
            == "A\t4\t0\t0\t100.0%\nB\t4\t0\t0\t100.0%\nC\t0\t4\t0\t0.0%\ntotal\t8\t4\t0\t66.7%\n")
        #expect(try ok(["bookings", "--room", "A", "--status", "checked-out"], at: later) == "\(guest)\t7\tA\t2024-05-01\t2024-05-05\tchecked-out\n")
        // The room the guest left is dirty until cleaned (issue 21).
        try ok(["clean", "A"], at: later)
        try ok(["checkin", next], at: later)
        #expect(try hotel(at: later).run(["verify"]).status == 0)
    }
}
