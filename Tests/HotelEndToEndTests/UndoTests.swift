import Foundation
import HotelTestSupport
import Testing

/// Issue 18, corrections: `hotel undo ID [--reason TEXT]` reverses a booking's last check-in, check-out,
/// no-show or cancellation, as an event `history` shows; refused when the room has been taken since.
struct UndoTests {
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

    let first = "2024-05-01T10:00:00Z"

    func booked(_ room: String = "A", to departure: String = "2024-05-05") throws -> String {
        try ok(["rooms", "add", "A", "B"], at: first)
        return try id(["book", "--client", "7", "--room", room, "--from", "2024-05-01", "--to", departure], at: first)
    }

    @Test func undoingACheckInMakesTheBookingActiveAgain() throws {
        let guest = try booked()
        try ok(["checkin", guest], at: first)
        #expect(try ok(["undo", guest, "--reason", "wrong guest"], at: first) == guest + "\n")
        #expect(try ok(["bookings", "--room", "A"], at: first) == "\(guest)\t7\tA\t2024-05-01\t2024-05-05\tactive\n")
        #expect(try ok(["history", guest], at: first).contains("undid the check-in: wrong guest"))
        // Checked in again, for real this time.
        try ok(["checkin", guest], at: first)
        #expect(try hotel(at: first).run(["verify"]).status == 0)
    }

    @Test func undoingAnEarlyCheckOutRestoresTheBookedDeparture() throws {
        let guest = try booked()
        try ok(["checkin", guest], at: first)
        let now = "2024-05-02T09:00:00Z"
        try ok(["checkout", guest], at: now)
        #expect(try ok(["bookings", "--room", "A"], at: now) == "\(guest)\t7\tA\t2024-05-01\t2024-05-02\tchecked-out\n")
        try ok(["undo", guest], at: now)
        #expect(try ok(["in-house"], at: now) == "\(guest)\t7\tA\t2024-05-01\t2024-05-05\tchecked-in\n")
        #expect(try ok(["free", "--from", "today", "--to", "2024-05-05"], at: now) == "B\n")
        #expect(try ok(["history", guest], at: now).contains("undid the check-out"))
        #expect(try hotel(at: now).run(["verify"]).status == 0)
    }

    @Test func undoingACheckOutIsRefusedOnceTheRoomIsTakenAgain() throws {
        let guest = try booked()
        try ok(["checkin", guest], at: first)
        let now = "2024-05-02T09:00:00Z"
        try ok(["checkout", guest], at: now)
        let next = try id(["book", "--client", "8", "--room", "A", "--from", "today", "--nights", "2"], at: now)
        let result = try refused(["undo", guest], at: now)
        #expect(result.stderr.hasPrefix("hotel: error: room 'A' is not free for 2024-05-01..2024-05-05: "), "\(result)")
        #expect(result.stderr.contains(next), "\(result)")
    }

    @Test func undoingACancellationOrANoShowMakesTheBookingActive() throws {
        let guest = try booked()
        try ok(["cancel", guest, "--reason", "phoned"], at: first)
        try ok(["undo", guest], at: first)
        #expect(try ok(["bookings", "--room", "A"], at: first) == "\(guest)\t7\tA\t2024-05-01\t2024-05-05\tactive\n")
        let json = try ok(["bookings", "--room", "A", "--json"], at: first)
        #expect(!json.contains("phoned"), "the cancellation's reason outlived it: \(json)")
        try ok(["noshow", guest], at: "2024-05-02T10:00:00Z")
        try ok(["undo", guest], at: "2024-05-02T10:00:00Z")
        #expect(try ok(["history", guest], at: first).contains("undid the no-show"))
        try ok(["checkin", guest], at: "2024-05-02T11:00:00Z")
        // A cancelled stay whose room was taken since stays cancelled.
        let other = try id(["book", "--client", "9", "--room", "B", "--from", "2024-05-10", "--to", "2024-05-12"], at: first)
        try ok(["cancel", other], at: first)
        let taker = try id(["book", "--client", "10", "--room", "B", "--from", "2024-05-11", "--to", "2024-05-13"], at: first)
        let result = try refused(["undo", other], at: first)
        #expect(result.stderr.contains(taker), "\(result)")
        #expect(try hotel(at: first).run(["verify"]).status == 0)
    }

    @Test func thereIsNothingToUndoOnAnActiveBookingOrAHold() throws {
        let guest = try booked()
        let active = try refused(["undo", guest], at: first)
        #expect(active.stderr == "hotel: error: booking '\(guest)' is active: it has no check-in, check-out, no-show or cancellation to undo\n")
        let unknown = try hotel(at: first).run(["undo", "bk0000000000"])
        #expect(unknown.status == 1 && unknown.stderr.contains("unknown booking"), "\(unknown)")
        let usage = try hotel(at: first).run(["undo"])
        #expect(usage.status == 64, "\(usage)")
    }

    @Test func aCheckInCannotBeUndoneOnceTheGuestHasChangedRooms() throws {
        let guest = try booked()
        try ok(["checkin", guest], at: first)
        try ok(["change", guest, "--room", "B"], at: "2024-05-02T10:00:00Z")
        let result = try refused(["undo", guest], at: "2024-05-02T10:00:00Z")
        #expect(result.stderr == "hotel: error: booking '\(guest)' has changed rooms since it checked in: its check-in cannot be undone\n")
    }

    @Test func undoRunsInABatch() throws {
        let guest = try booked()
        try ok(["checkin", guest], at: first)
        let result = try hotel(at: first).run(["batch"], input: "undo \(guest)\n")
        #expect(result.status == 0 && result.stdout == guest + "\n", "\(result)")
    }

    /// Found by the adversarial pass: undoing a hold's cancellation made it an active booking, past its
    /// expiry too, the route `confirm` forbids. A hold is a hold again, while unexpired.
    @Test func undoingAHoldsCancellationMakesItAHoldAgainWhileUnexpired() throws {
        try ok(["rooms", "add", "A", "B"], at: first)
        let hold = try id(["hold", "--client", "7", "--room", "A", "--from", "2024-05-01", "--to", "2024-05-03", "--for", "1h"], at: first)
        try ok(["cancel", hold], at: first)
        try ok(["undo", hold], at: "2024-05-01T10:30:00Z")
        #expect(try ok(["bookings", "--room", "A"], at: "2024-05-01T10:30:00Z") == "\(hold)\t7\tA\t2024-05-01\t2024-05-03\theld\n")
        try ok(["cancel", hold], at: "2024-05-01T10:40:00Z")
        let expired = try refused(["undo", hold], at: "2024-05-01T12:00:00Z")
        #expect(expired.stderr == "hotel: error: hold '\(hold)' expired at 2024-05-01T11:00:00Z; hold the room again\n", "\(expired)")
        #expect(try hotel(at: "2024-05-01T12:00:00Z").run(["verify"]).status == 0)
    }
}
