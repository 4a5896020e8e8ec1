import Foundation
import HotelTestSupport
import Testing

/// Issue 18, moving an in-house guest: `change ID --room R` on a checked-in stay moves it from today on, as
/// one event and one id; the nights already slept stay in the old room in every view.
struct InHouseMoveTests {
    let sandbox = Sandbox()

    func hotel(at now: String) -> HotelProcess { sandbox.hotel(now: now) }

    @discardableResult
    func ok(_ arguments: [String], at now: String) throws -> String {
        let result = try hotel(at: now).run(arguments)
        try #require(result.status == 0 && result.stderr == "", "\(arguments): \(result)")
        return result.stdout
    }

    func id(_ arguments: [String], at now: String) throws -> String { try ok(arguments, at: now).trimmingCharacters(in: .newlines) }

    func refused(_ arguments: [String], at now: String) throws -> HotelProcess.Result {
        let before = sandbox.hotel.storeBytes()
        let result = try hotel(at: now).run(arguments)
        #expect(result.status == 1 && result.stdout == "", "\(arguments): \(result)")
        #expect(sandbox.hotel.storeBytes() == before, "a refused command changed the store")
        return result
    }

    /// The row of `room` in a calendar drawn without colour.
    func row(_ room: String, of chart: String) throws -> String {
        try #require(chart.split(separator: "\n").map(String.init).first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(room + " ") }, "\(chart)")
    }

    @Test func aGuestMovedMidStayKeepsTheNightsSleptInTheOldRoom() throws {
        let first = "2024-05-01T10:00:00Z", move = "2024-05-03T10:00:00Z"
        try ok(["rooms", "add", "A", "B", "C"], at: first)
        let guest = try id(["book", "--client", "7", "--room", "A", "--from", "2024-05-01", "--to", "2024-05-05"], at: first)
        try ok(["checkin", guest], at: "2024-05-01T15:00:00Z")
        let before = try ok(["log"], at: move).split(separator: "\n").count
        #expect(try ok(["change", guest, "--room", "B"], at: move) == guest + "\n")
        // One event.
        #expect(try ok(["log"], at: move).split(separator: "\n").count == before + 1)

        #expect(try ok(["in-house"], at: move) == "\(guest)\t7\tB\t2024-05-01\t2024-05-05\tchecked-in\n")
        #expect(try ok(["free", "--from", "today", "--to", "2024-05-05"], at: move) == "A\nC\n")
        #expect(try ok(["occupancy", "--from", "2024-05-01", "--to", "2024-05-05", "--by", "room"], at: move)
            == "A\t2\t2\t0\t50.0%\nB\t2\t2\t0\t50.0%\nC\t0\t4\t0\t0.0%\ntotal\t4\t8\t0\t33.3%\n")
        let chart = try ok(["calendar", "--from", "2024-05-01", "--nights", "4", "--color", "never"], at: move)
        let a = try row("A", of: chart), b = try row("B", of: chart), c = try row("C", of: chart)
        // The nights slept in A, checked out of it, then the nights in B, checked in.
        #expect(a.contains("7----- .  . ") && b.contains(" .  . 7#####") && !c.contains("7"), "\(chart)")
        #expect(try ok(["history", guest], at: move).contains("moved to B from 2024-05-03"))

        // --as-of the move's position answers as today; before it, the guest was in A for every night.
        let head = try ok(["log"], at: move).split(separator: "\n").count
        #expect(try ok(["occupancy", "--from", "2024-05-01", "--to", "2024-05-05", "--by", "room", "--as-of", String(head)], at: move)
            == "A\t2\t2\t0\t50.0%\nB\t2\t2\t0\t50.0%\nC\t0\t4\t0\t0.0%\ntotal\t4\t8\t0\t33.3%\n")
        #expect(try ok(["occupancy", "--from", "2024-05-01", "--to", "2024-05-05", "--by", "room", "--as-of", String(head - 1)], at: move)
            == "A\t4\t0\t0\t100.0%\nB\t0\t4\t0\t0.0%\nC\t0\t4\t0\t0.0%\ntotal\t4\t8\t0\t33.3%\n")

        // A is free again from today; booking it for tonight works.
        let next = try id(["book", "--client", "8", "--room", "A", "--from", "today", "--nights", "1"], at: move)
        try ok(["checkout", guest], at: "2024-05-05T09:00:00Z")
        #expect(try ok(["occupancy", "--from", "2024-05-01", "--to", "2024-05-05", "--by", "room"], at: "2024-05-05T09:00:00Z")
            == "A\t3\t1\t0\t75.0%\nB\t2\t2\t0\t50.0%\nC\t0\t4\t0\t0.0%\ntotal\t5\t7\t0\t41.7%\n")
        #expect(!next.isEmpty)
        let verify = try hotel(at: "2024-05-05T09:00:00Z").run(["verify"])
        #expect(verify.status == 0, "\(verify)")
    }

    @Test func theNewRoomMustBeFreeFromTodayToTheDeparture() throws {
        let first = "2024-05-01T10:00:00Z", move = "2024-05-03T10:00:00Z"
        try ok(["rooms", "add", "A", "B"], at: first)
        let guest = try id(["book", "--client", "7", "--room", "A", "--from", "2024-05-01", "--to", "2024-05-05"], at: first)
        // B was someone else's for the first two nights, which are past: they do not count.
        try ok(["book", "--client", "5", "--room", "B", "--from", "2024-05-01", "--to", "2024-05-03"], at: first)
        let later = try id(["book", "--client", "6", "--room", "B", "--from", "2024-05-04", "--to", "2024-05-06"], at: first)
        try ok(["checkin", guest], at: "2024-05-01T15:00:00Z")
        let taken = try refused(["change", guest, "--room", "B"], at: move)
        #expect(taken.stderr.hasPrefix("hotel: error: room 'B' is not free for 2024-05-03..2024-05-05: "), "\(taken)")
        #expect(taken.stderr.contains(later), "\(taken)")
        // Moved with a shorter stay, it fits.
        try ok(["change", guest, "--room", "B", "--to", "2024-05-04"], at: move)
        #expect(try ok(["in-house"], at: move) == "\(guest)\t7\tB\t2024-05-01\t2024-05-04\tchecked-in\n")
        // The arrival of a checked-in stay never changes.
        let arrival = try refused(["change", guest, "--from", "2024-05-02"], at: move)
        #expect(arrival.stderr == "hotel: error: booking '\(guest)' is checked in: only its room (from today) and its departure can change (--room, --to)\n")
        #expect(try hotel(at: move).run(["verify"]).status == 0)
    }

    @Test func aGuestMovedOnTheArrivalDaySleptNoNightInTheFirstRoom() throws {
        let now = "2024-05-01T15:00:00Z"
        try ok(["rooms", "add", "A", "B"], at: now)
        let guest = try id(["book", "--client", "7", "--room", "A", "--from", "today", "--nights", "2"], at: now)
        try ok(["checkin", guest], at: now)
        try ok(["change", guest, "--room", "B"], at: now)
        #expect(try ok(["occupancy", "--from", "today", "--nights", "2", "--by", "room"], at: now)
            == "A\t0\t2\t0\t0.0%\nB\t2\t0\t0\t100.0%\ntotal\t2\t2\t0\t50.0%\n")
        // Moved twice: back to A the next day.
        try ok(["change", guest, "--room", "A"], at: "2024-05-02T10:00:00Z")
        #expect(try ok(["occupancy", "--from", "2024-05-01", "--nights", "2", "--by", "room"], at: "2024-05-02T10:00:00Z")
            == "A\t1\t1\t0\t50.0%\nB\t1\t1\t0\t50.0%\ntotal\t2\t2\t0\t50.0%\n")
        #expect(try hotel(at: "2024-05-02T10:00:00Z").run(["verify"]).status == 0)
    }

    @Test func anOverstayingGuestMovesWithANewDeparture() throws {
        try ok(["rooms", "add", "A", "B"], at: "2024-05-01T10:00:00Z")
        let guest = try id(["book", "--client", "7", "--room", "A", "--from", "2024-05-01", "--to", "2024-05-03"], at: "2024-05-01T10:00:00Z")
        try ok(["checkin", guest], at: "2024-05-01T15:00:00Z")
        let now = "2024-05-04T10:00:00Z"
        let refused = try refused(["change", guest, "--room", "B"], at: now)
        #expect(refused.stderr == "hotel: error: booking '\(guest)' is checked in: its new departure must be after today (2024-05-04)\n")
        try ok(["change", guest, "--room", "B", "--to", "2024-05-06"], at: now)
        #expect(try ok(["occupancy", "--from", "2024-05-01", "--to", "2024-05-06", "--by", "room"], at: now)
            == "A\t3\t2\t0\t60.0%\nB\t2\t3\t0\t40.0%\ntotal\t5\t5\t0\t50.0%\n")
        #expect(try ok(["free", "--from", "today", "--nights", "1"], at: now) == "A\n")
        #expect(try hotel(at: now).run(["verify"]).status == 0)
    }

    /// A desk whose clock is behind the log's last event (events recorded later, a clock stepped back) moves
    /// the guest from its own today, as a check-in records its own today. (Found by the bench: the move was
    /// judged by the log's time and refused.)
    @Test func aMoveIsFromTheDesksToday() throws {
        let later = "2030-01-01T00:00:00Z"
        try ok(["rooms", "add", "A", "B"], at: later)
        let guest = try id(["book", "--client", "7", "--room", "A", "--from", "2024-05-01", "--to", "2024-05-05"], at: later)
        try ok(["checkin", guest], at: "2024-05-01T15:00:00Z")
        try ok(["change", guest, "--room", "B"], at: "2024-05-03T10:00:00Z")
        #expect(try ok(["history", guest], at: later).contains("moved to B from 2024-05-03"))
        #expect(try hotel(at: later).run(["verify"]).status == 0)
    }

    /// Found by the adversarial pass: a check-out with the desk's clock behind the move day ended the stay
    /// before it came to its room, and the views disagreed. It is refused; and `verify` counts a moved stay
    /// as one booking.
    @Test func aCheckOutBeforeTheMoveDayIsRefusedAndVerifyCountsTheStayOnce() throws {
        try ok(["rooms", "add", "A", "B", "C"], at: "2024-04-20T10:00:00Z")
        let guest = try id(["book", "--client", "1", "--room", "A", "--from", "2024-05-01", "--to", "2024-05-06"], at: "2024-04-20T10:00:00Z")
        try ok(["checkin", guest], at: "2024-05-01T10:00:00Z")
        try ok(["change", guest, "--room", "B"], at: "2024-05-04T10:00:00Z")
        let early = try refused(["checkout", guest], at: "2024-05-02T10:00:00Z")
        #expect(early.stderr == "hotel: error: booking '\(guest)' cannot be given 'checkout' today (2024-05-02): a check-out can be recorded from the arrival day 2024-05-04 on\n", "\(early)")
        try ok(["change", guest, "--room", "C"], at: "2024-05-05T10:00:00Z")
        let verify = try hotel(at: "2024-05-05T10:00:00Z").run(["verify"])
        #expect(verify.status == 0 && verify.stdout.hasPrefix("ok: 7 events, 3 rooms, 1 bookings (0 cancelled)"), "\(verify)")
    }
}
