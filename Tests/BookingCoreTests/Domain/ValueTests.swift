import Testing
@testable import BookingCore

struct ValueTests {
    @Test(arguments: ["Blue", "101", "Suite 7", "Zimmer Grün", "a"])
    func acceptsRoomNames(_ name: String) throws {
        #expect(try RoomName(name).rawValue == name)
    }

    @Test(arguments: [
        ("", "it is empty"), ("Blue\n", "it contains a control character"), ("Bl\u{7}ue", "it contains a control character"),
        (" Blue", "it starts or ends with white space"), (String(repeating: "x", count: 65), "it is longer than 64 characters"),
    ])
    func rejectsRoomNames(_ name: String, reason: String) {
        #expect(throws: InvalidValue.roomName(name, reason: reason)) { try RoomName(name) }
    }

    @Test func roomNamesAreCaseSensitiveAndSortByBytes() {
        #expect(room("blue") != room("Blue"))
        #expect([room("b"), room("B"), room("101"), room("20")].sorted() == [room("101"), room("20"), room("B"), room("b")])
    }

    @Test func clientIDsFollowTheSameRules() {
        #expect(throws: InvalidValue.clientID("", reason: "it is empty")) { try ClientID("") }
        #expect(throws: InvalidValue.clientID("4\t2", reason: "it contains a control character")) { try ClientID("4\t2") }
        #expect(client("42").rawValue == "42")
    }

    @Test(arguments: ["bk7q2mxa3d", "B-1", "x_y", "123456789012"])
    func acceptsBookingIDs(_ id: String) throws {
        #expect(try BookingID(id).rawValue == id)
    }

    @Test(arguments: ["", "1234567890123", "bk 1", "bk/1", "bké"])
    func rejectsBookingIDs(_ id: String) {
        #expect(throws: InvalidValue.bookingID(id)) { try BookingID(id) }
    }

    @Test func generatedBookingIDsAreShortCopyPastableAndDistinct() {
        var seen = Set<BookingID>()
        for _ in 0..<10_000 {
            let id = BookingIDGenerator.random.next()
            #expect(id.rawValue.count == 10)
            #expect(id.rawValue.hasPrefix("bk"))
            #expect(id.rawValue.allSatisfy { "0123456789abcdefghjkmnpqrstvwxyz".contains($0) })
            seen.insert(id)
        }
        #expect(seen.count == 10_000)
    }

    @Test func nearestNameCatchesTyposOnly() {
        let rooms = [room("Blue"), room("Green"), room("101")]
        #expect(room("Bleu").nearest(in: rooms) == room("Blue"))
        #expect(room("blue").nearest(in: rooms) == room("Blue"))
        #expect(room("Gren").nearest(in: rooms) == room("Green"))
        #expect(room("Purple").nearest(in: rooms) == nil)
    }
}
