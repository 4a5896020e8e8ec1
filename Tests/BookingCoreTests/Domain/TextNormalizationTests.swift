import Testing
@testable import BookingCore

/// Issue item 8 on the value types: input is NFC, values from the log keep their bytes, and every value
/// compares, hashes and orders by bytes.
struct TextNormalizationTests {
    static let decomposed = "e\u{301}"
    static let composed = "\u{e9}"

    @Test func inputIsNormalizedToNFC() throws {
        #expect(Array(try RoomName(Self.decomposed).rawValue.utf8) == Array(Self.composed.utf8))
        #expect(Array(try RoomType("Caf" + Self.decomposed).rawValue.utf8) == Array("Caf\u{e9}".utf8))
        #expect(Array(try ClientID("Ren" + Self.decomposed).rawValue.utf8) == Array("Ren\u{e9}".utf8))
        #expect(Array(try IdempotencyKey(Self.decomposed).rawValue.utf8) == Array(Self.composed.utf8))
        #expect(Array(try Reason("d" + Self.decomposed + "j" + "a\u{300} vu").rawValue.utf8) == Array("d\u{e9}j\u{e0} vu".utf8))
        #expect(try RoomName(Self.decomposed) == RoomName(Self.composed))
        #expect(Set([try RoomName(Self.decomposed), try RoomName(Self.composed)]).count == 1)
    }

    @Test func valuesFromTheLogKeepTheirBytesAndCompareByThem() throws {
        let a = try RoomName(logged: Self.decomposed), b = try RoomName(logged: Self.composed)
        #expect(Array(a.rawValue.utf8) == Array(Self.decomposed.utf8))
        #expect(a != b)
        #expect(Set([a, b]).count == 2)
        #expect([b, a].sorted().map { Array($0.rawValue.utf8) } == [Array(Self.decomposed.utf8), Array(Self.composed.utf8)])
        #expect(try ClientID(logged: Self.decomposed) != ClientID(logged: Self.composed))
        #expect(try RoomType(logged: Self.decomposed) != RoomType(logged: Self.composed))
        #expect(try IdempotencyKey(logged: Self.decomposed) != IdempotencyKey(logged: Self.composed))
        #expect(try Reason(logged: Self.decomposed) != Reason(logged: Self.composed))
        #expect(Tag.room(a) != Tag.room(b))
        #expect(Set([Tag.room(a), Tag.room(b)]).count == 2)
    }

    @Test func aReplayOfALogWithBothSpellingsHasTwoRooms() throws {
        let events: [DomainEvent] = [
            .roomAdded(RoomAdded(room: try RoomName(logged: Self.decomposed))),
            .roomAdded(RoomAdded(room: try RoomName(logged: Self.composed))),
            .roomBooked(RoomBooked(booking: bookingID("bk1"), client: client("1"), room: try RoomName(logged: Self.decomposed), stay: stay("2024-05-01", "2024-05-03"))),
        ]
        let hotel = HotelProjection(events)
        #expect(hotel.roomNames().map { Array($0.rawValue.utf8) } == [Array(Self.decomposed.utf8), Array(Self.composed.utf8)])
        #expect(hotel.freeRooms(for: stay("2024-05-01", "2024-05-02")).map { Array($0.rawValue.utf8) } == [Array(Self.composed.utf8)])
        #expect(hotel.bookings(matching: BookingFilter(room: try RoomName(Self.decomposed))).isEmpty)
    }

    @Test(arguments: [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] as [UInt32])
    func bidirectionalControlsAreRefusedInInput(_ value: UInt32) throws {
        let text = "Blue" + String(Unicode.Scalar(value)!)
        let reason = "it contains a bidirectional control character (U+\(String(value, radix: 16, uppercase: true)))"
        #expect(throws: InvalidValue.roomName(text, reason: reason)) { try RoomName(text) }
        #expect(throws: InvalidValue.roomType(text, reason: reason)) { try RoomType(text) }
        #expect(throws: InvalidValue.clientID(text, reason: reason)) { try ClientID(text) }
        #expect(throws: InvalidValue.text(option: "idempotency key", text, reason: reason)) { try IdempotencyKey(text) }
        #expect(throws: InvalidValue.text(option: "reason", text, reason: reason)) { try Reason(text) }
        // The message shows it escaped, so that it does not reorder the terminal's line.
        #expect(InvalidValue.roomName(text, reason: reason).description == "invalid room name 'Blue\\u{\(String(value, radix: 16))}': \(reason)")
        // A log that holds one is still read (history is not rewritten).
        #expect(try RoomName(logged: text).rawValue == text)
    }

    @Test func otherMarksStayAllowed() throws {
        // The left-to-right and right-to-left marks are not overrides, and Hebrew or Arabic names are fine.
        #expect(try RoomName("\u{5D0}\u{5D1}\u{200F}").rawValue.unicodeScalars.count == 3)
        #expect(try RoomName("Zimmer Gr\u{fc}n").rawValue == "Zimmer Gr\u{fc}n")
    }
}
