import Foundation
import HotelTestSupport
import Testing

/// `blocks` says `past` for a block whose last night has passed (it is not ended: nobody unblocked it), as
/// `bookings` tells an expired hold from a held one.
struct BlockStatusTests {
    let sandbox = Sandbox()

    func hotel(at now: String) -> HotelProcess { sandbox.hotel(now: now) }

    @Test func aBlockWhoseLastNightHasPassedIsPast() throws {
        let at = hotel(at: "2024-05-01T10:00:00Z")
        try #require(at.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let block = try at.run(["block", "--room", "Blue", "--from", "2024-05-02", "--to", "2024-05-04", "--reason", "paint"]).lines[0]
        let ended = try at.run(["block", "--room", "Green", "--from", "2024-05-02", "--to", "2024-05-03"]).lines[0]
        try #require(at.run(["unblock", ended]).status == 0)
        // On its last night it is active; from the day it is back in service, past.
        #expect(try hotel(at: "2024-05-03T23:59:59Z").run(["blocks"]).stdout == "\(block)\tBlue\t2024-05-02\t2024-05-04\tactive\tpaint\n\(ended)\tGreen\t2024-05-02\t2024-05-03\tended\t\n")
        let later = hotel(at: "2024-05-04T00:00:00Z")
        #expect(try later.run(["blocks"]).stdout == "\(block)\tBlue\t2024-05-02\t2024-05-04\tpast\tpaint\n\(ended)\tGreen\t2024-05-02\t2024-05-03\tended\t\n")
        #expect(try later.run(["blocks", "--json"]).stdout.contains(#""blockId":""# + block + #"","room":"Blue","arrival":"2024-05-02","departure":"2024-05-04","status":"past","reason":"paint"}"#))
        // As of a point, judged by that point's day.
        #expect(try later.run(["blocks", "--as-of", "2024-05-03T12:00:00Z"]).stdout.contains("\tactive\tpaint\n"))
    }
}
