import Foundation
import HotelTestSupport
import Testing

/// `--json` prints one JSON document that scripts can read.
struct JSONOutputTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel }

    func json(_ arguments: [String]) throws -> [String: Any] {
        let result = try hotel.run(arguments + ["--json"])
        try #require(result.status == 0, "\(result)")
        #expect(result.stdout.hasSuffix("}\n") && result.stdout.filter { $0 == "\n" }.count == 1)
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func everyQueryAndBookAndCancelSpeakJSON() throws {
        try #require(hotel.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let booking = try json(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"])
        let id = try #require(booking["bookingId"] as? String)
        #expect(booking as? [String: String] == ["bookingId": id, "client": "42", "room": "Blue", "arrival": "2024-05-01", "departure": "2024-05-03", "status": "active"])
        #expect(try json(["rooms"]) as? [String: [[String: String]]] == ["rooms": [["room": "Blue", "type": "standard"], ["room": "Green", "type": "standard"]]])
        let free = try json(["free", "--from", "2024-05-02", "--to", "2024-05-04"])
        #expect(free["rooms"] as? [String] == ["Green"])
        #expect(free["from"] as? String == "2024-05-02")
        #expect(free["to"] as? String == "2024-05-04")
        let list = try json(["bookings", "--client", "42"])
        #expect((list["bookings"] as? [[String: String]])?.map { $0["bookingId"] } == [id])
        let cancelled = try json(["cancel", id])
        #expect(cancelled["status"] as? String == "cancelled")
        #expect(cancelled["bookingId"] as? String == id)
    }
}
