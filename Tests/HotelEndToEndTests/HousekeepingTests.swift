import Foundation
import HotelTestSupport
import Testing

/// Issue 21, housekeeping: which rooms are ready for today's arrivals, as the desk and a script use it.
struct HousekeepingTests {
    let sandbox = Sandbox()
    let now = "2026-12-03T10:00:00Z"

    @discardableResult
    func ok(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.ok(arguments, at: time ?? now) }
    func id(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.id(arguments, at: time ?? now) }

    /// 101: a guest due out today, then an arrival; 102: a guest staying on; 103: empty; 104: an arrival.
    func hotel() throws -> (leaving: String, arriving: String, staying: String, next: String) {
        try ok(["rooms", "add", "101", "102", "103", "104"], at: "2026-11-28T09:00:00Z")
        let leaving = try id(["book", "--client", "1", "--room", "101", "--from", "2026-12-01", "--to", "2026-12-03"], at: "2026-11-28T09:00:00Z")
        let arriving = try id(["book", "--client", "2", "--room", "101", "--from", "2026-12-03", "--to", "2026-12-05"], at: "2026-11-28T09:00:00Z")
        let staying = try id(["book", "--client", "3", "--room", "102", "--from", "2026-12-02", "--to", "2026-12-06"], at: "2026-11-28T09:00:00Z")
        let next = try id(["book", "--client", "4", "--room", "104", "--from", "2026-12-03", "--to", "2026-12-04"], at: "2026-11-28T09:00:00Z")
        try ok(["checkin", leaving], at: "2026-12-01T15:00:00Z")
        try ok(["checkin", staying], at: "2026-12-02T15:00:00Z")
        return (leaving, arriving, staying, next)
    }

    @Test func theListSaysWhatEachRoomNeedsTodayNotReadyArrivalsFirst() throws {
        let (leaving, arriving, _, next) = try hotel()
        #expect(try ok(["housekeeping"]) == "101\tclean\tdue-out\t\(arriving)\n102\tclean\toccupied\t-\n103\tclean\tvacant\t-\n104\tclean\tarrival\t\(next)\n")
        // The check-out leaves 101 dirty, with an arrival today: it comes first.
        try ok(["checkout", leaving])
        #expect(try ok(["dirty", "104", "--reason", "spill"]) == "104\n")
        #expect(try ok(["housekeeping"]) == "101\tdirty\tarrival\t\(arriving)\n104\tdirty\tarrival\t\(next)\n102\tclean\toccupied\t-\n103\tclean\tvacant\t-\n")
        #expect(try ok(["housekeeping", "--status", "dirty"]) == "101\tdirty\tarrival\t\(arriving)\n104\tdirty\tarrival\t\(next)\n")
        #expect(try ok(["inspect", "101", "103"]) == "101\n103\n")
        #expect(try ok(["housekeeping", "--status", "inspected", "--status", "clean"]) == "101\tinspected\tarrival\t\(arriving)\n102\tclean\toccupied\t-\n103\tinspected\tvacant\t-\n")
        // Another day: what it holds for the rooms, the statuses as they stand.
        #expect(try ok(["housekeeping", "--on", "2026-12-04"]) == "101\tinspected\toccupied\t-\n102\tclean\toccupied\t-\n103\tinspected\tvacant\t-\n104\tdirty\tvacant\t-\n")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ok(["housekeeping", "--status", "dirty", "--json"]).utf8)) as? [String: Any])
        #expect(json["day"] as? String == "2026-12-03")
        #expect((json["rooms"] as? [[String: Any]])?.first?["nextArrival"] as? String == next && (json["rooms"] as? [[String: Any]])?.first?["occupancy"] as? String == "arrival")
        #expect(try ok(["history", leaving]).contains("checked out on 2026-12-03"))
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func aCheckInToADirtyRoomIsRefusedUnlessLetThroughAndThenSaysSo() throws {
        let (leaving, arriving, _, _) = try hotel()
        try ok(["checkout", leaving])
        let refused = try sandbox.refused(["checkin", arriving], at: now)
        #expect(refused.stderr == "hotel: error: room '101' is dirty: 'hotel clean 101' records it cleaned, or give --dirty-ok to check in anyway\n")
        #expect(try ok(["checkin", arriving, "--dirty-ok"]) == arriving + "\n")
        #expect(try ok(["history", arriving]).contains("checked in on 2026-12-03, the room dirty"))
        #expect(try ok(["log", "--type", "GuestCheckedIn", "--tag", "booking:\(arriving)"]).contains(#""roomStatus":"dirty""#))
        #expect(try ok(["verify"]).hasPrefix("ok:"))
        // (verify's rule on a log that does not say so: StoreVerifierTests.)
    }

    @Test func statusCommandsRefuseWhatTheyCannotDo() throws {
        try ok(["rooms", "add", "101"])
        #expect(try sandbox.refused(["clean", "101", "9"], at: now).stderr == "hotel: error: unknown room '9'; 'hotel rooms' lists the rooms\n")
        #expect(try sandbox.refused(["clean", "101", "--reason", "x"], at: now, status: 64).stderr.hasPrefix("hotel: error: --reason is for 'hotel dirty' only"))
        #expect(try sandbox.refused(["housekeeping", "--status", "clen"], at: now, status: 64).stderr.hasPrefix("hotel: error: unknown status 'clen' (did you mean 'clean'?); one of clean, dirty, inspected"))
        #expect(try sandbox.refused(["clean"], at: now, status: 64).status == 64)
        // In a batch, each line prints its rooms on one line.
        let batch = try sandbox.hotel(now: now).run(["batch"], input: "dirty 101\nclean 101\n")
        #expect(batch == .init(stdout: "101\n101\n", stderr: "", status: 0))
        #expect(try ok(["housekeeping"]) == "101\tclean\tvacant\t-\n")
    }
}
