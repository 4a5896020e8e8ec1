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

    /// `hotel` at `now`, in UTC.
    func hotel(at now: String) -> HotelProcess { sandbox.hotel(now: now) }

    /// The one booking of a `--json` listing, or the object a command printed.
    func object(_ result: HotelProcess.Result) throws -> [String: String] {
        try #require(result.status == 0, "\(result)")
        let value = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        if let list = (value as? [String: [[String: String]]])?["bookings"] { return try #require(list.first) }
        return try #require(value as? [String: String])
    }

    @Test func expiresAtBelongsToHoldsOnly() throws {
        let at = hotel(at: "2024-05-01T10:00:00Z")
        try #require(at.run(["rooms", "add", "Blue", "Green", "Red"]).status == 0)
        // A hold shows its expiry, held or expired.
        let hold = try object(at.run(["hold", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03", "--client", "42", "--for", "1h", "--json"]))
        #expect(hold["status"] == "held" && hold["expiresAt"] == "2024-05-01T11:00:00Z")
        let id = try #require(hold["bookingId"])
        let expiring = try object(hotel(at: "2024-05-01T10:30:00Z").run(["hold", "--room", "Red", "--from", "2024-05-01", "--to", "2024-05-03", "--client", "9", "--for", "90s", "--json"]))
        let expired = try object(hotel(at: "2024-05-01T12:00:00Z").run(["bookings", "--room", "Red", "--json"]))
        #expect(expired["status"] == "expired" && expired["expiresAt"] == expiring["expiresAt"])
        // Confirmed, it is a booking: no expiry, in what the commands print and in the listings.
        let confirmed = try object(hotel(at: "2024-05-01T10:30:00Z").run(["confirm", id, "--json"]))
        #expect(confirmed == ["bookingId": id, "client": "42", "room": "Blue", "arrival": "2024-05-01", "departure": "2024-05-03", "status": "active"])
        #expect(try object(hotel(at: "2024-05-01T10:31:00Z").run(["bookings", "--room", "Blue", "--json"])) == confirmed)
        let checkedIn = try object(hotel(at: "2024-05-01T15:00:00Z").run(["checkin", id, "--json"]))
        #expect(checkedIn["status"] == "checked-in" && checkedIn["expiresAt"] == nil)
        let checkedOut = try object(hotel(at: "2024-05-03T09:00:00Z").run(["checkout", id, "--json"]))
        #expect(checkedOut["status"] == "checked-out" && checkedOut["expiresAt"] == nil)
        #expect(try object(hotel(at: "2024-05-03T09:00:00Z").run(["bookings", "--room", "Blue", "--json"]))["expiresAt"] == nil)
        // A confirmed hold cancelled: no expiry either.
        let other = try object(hotel(at: "2024-05-03T09:00:00Z").run(["hold", "--room", "Green", "--from", "2024-05-05", "--to", "2024-05-06", "--client", "7", "--json"]))
        let otherID = try #require(other["bookingId"])
        #expect(other["expiresAt"] != nil)
        try #require(hotel(at: "2024-05-03T09:01:00Z").run(["confirm", otherID]).status == 0)
        let cancelled = try object(hotel(at: "2024-05-03T09:02:00Z").run(["cancel", otherID, "--json"]))
        #expect(cancelled == ["bookingId": otherID, "client": "7", "room": "Green", "arrival": "2024-05-05", "departure": "2024-05-06", "status": "cancelled"])
    }
}
