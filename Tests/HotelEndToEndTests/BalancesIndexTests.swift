import Foundation
import HotelTestSupport
import Testing

/// `hotel balances` reads the snapshot's index of folios that may be owed: a stay whose status changed after
/// the snapshot was written (a check-in or check-out, which changes no folio) is listed all the same.
struct BalancesIndexTests {
    @Test func aStayCheckedInAfterTheSnapshotIsListed() throws {
        let sandbox = Sandbox()
        let now = "2024-05-01T10:00:00Z"
        try sandbox.ok(["rooms", "add", "Blue"], at: now)
        try sandbox.ok(["settings", "set", "currency", "EUR"], at: now)
        try sandbox.ok(["rates", "set", "--type", "standard", "--price", "100"], at: now)
        let guest = try sandbox.id(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"], at: now)
        // A snapshot of the hotel before the guest comes: nothing owed yet (an active stay settles nothing).
        var snapshotting = sandbox.hotel(now: now)
        snapshotting.environment["HOTEL_CACHE_THRESHOLD"] = "0"
        #expect(try snapshotting.run(["balances"]) == .init(stdout: "", stderr: "", status: 0))
        // Then the check-in, in the tail the snapshot does not cover: the stay owes its nights.
        var tail = sandbox.hotel(now: now)
        tail.environment["HOTEL_CACHE_THRESHOLD"] = "1000000000"
        #expect(try tail.run(["checkin", guest]).status == 0)
        #expect(try tail.run(["balances"]) == .init(stdout: "\(guest)\t42\tchecked-in\t200.00\n", stderr: "", status: 0))
    }
}
