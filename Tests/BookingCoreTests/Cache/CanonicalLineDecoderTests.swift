import Foundation
import HotelTestSupport
import Testing
@testable import BookingCore

/// The fast decoder against the strict path: it must decode `hotel`'s own lines to the same events, and
/// never accept a line the strict path refuses or decode one differently.
struct CanonicalLineDecoderTests {
    func strict(_ bytes: [UInt8]) -> (DomainEvent, Position)? {
        guard let recorded = bytes.withUnsafeBufferPointer({ try? EventLine.decode($0) }), let event = try? DomainEvent(recorded) else { return nil }
        return (event, recorded.position)
    }

    func fast(_ bytes: [UInt8]) -> (DomainEvent, Position)? {
        bytes.withUnsafeBufferPointer { CanonicalLineDecoder.decode($0) }
    }

    /// The previousHash of hashes(position): some digest with every hex digit in it.
    static func someHash(_ position: Int) -> SHA256.Digest { SHA256.hash(Array(String(position).utf8)) }

    /// The line `hotel` writes for `event` at `position` (chained, unless `chained` is false: a line written
    /// before the hash chain), without its `\n`.
    func line(_ event: DomainEvent, at position: Int, chained: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        EventLine.encode(
            SequencedEvent(position: Position(position), event: event.storeEvent, recordedAt: "2024-05-01T08:00:00Z"),
            previousHash: chained ? Self.someHash(position) : nil, into: &out)
        return Array(out.dropLast())
    }

    func fastHash(_ bytes: [UInt8]) -> SHA256.Digest?? {
        bytes.withUnsafeBufferPointer { line in
            CanonicalLineDecoder.decodeFull(line).map { d in d.previousHash.flatMap { SHA256.Digest(hex: UnsafeBufferPointer(rebasing: line[$0])) } }
        }
    }

    func strictHash(_ bytes: [UInt8]) -> SHA256.Digest?? {
        bytes.withUnsafeBufferPointer { line in (try? EventLine.decodeEnvelope(line)).map { $0.previousHash } }
    }

    let events: [DomainEvent] = [
        added("Blue"), added("Suite 7"), booked("bk7q2mxa3d", "Blue", "2024-05-01", "2024-05-03", client: "42"),
        booked("B-1_x", "101", "2024-12-31", "2025-01-01", client: "c"), cancelled("bk7q2mxa3d", "Blue", client: "42"),
        // Every event type of the stay's lifecycle, with and without their optional fields.
        added("D1", type: "double"), held("bkH", "Blue", "2024-05-01", "2024-05-03", until: "2024-04-20T09:15:00Z"),
        held("bkI", "Blue", "2024-05-03", "2024-05-04", until: "2024-04-20T09:15:00Z", client: "9"), confirmed("bkH", "Blue"),
        released("bkI", "Blue", client: "9"), changed("bkH", from: ("Blue", "2024-05-01", "2024-05-03"), to: ("D1", "2024-05-02", "2024-05-05")),
        changed("bkI", from: ("Blue", "2024-05-01", "2024-05-03"), to: ("Blue", "2024-05-02", "2024-05-05"), client: nil),
        milestone(.checkedIn, "bkH", "D1", on: "2024-05-02"), milestone(.checkedOut, "bkH", "D1", on: "2024-05-04"),
        milestone(.noShow, "bkA", "Blue", on: "2024-05-02"), blocked("blX", "Blue", "2024-06-01", "2024-06-05"),
        blocked("blY", "Blue", "2024-07-01", "2024-07-05", reason: "deep clean"), unblocked("blX", "Blue"),
        .bookingCancelled(BookingCancelled(booking: bookingID("bkH"), client: nil, room: room("D1"), reason: try! Reason("no card"))),
        .roomBooked(RoomBooked(booking: bookingID("bk0123456789"), client: client("5"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-02"), idempotencyKey: try! IdempotencyKey("order-5"))),
    ]

    @Test(arguments: [true, false])
    func decodesHotelsOwnLinesLikeTheStrictPath(chained: Bool) throws {
        // Given hotel's lines of every event type, with a previousHash or (as before the chain) without,
        for (i, event) in events.enumerated() {
            let bytes = line(event, at: i + 1, chained: chained)
            // when the fast path decodes them, then it finds what the strict path does, previousHash included.
            let decoded = try #require(fast(bytes))
            #expect(decoded.0 == event && decoded.1 == Position(i + 1))
            #expect(strict(bytes)?.0 == event)
            #expect(fastHash(bytes) == .some(chained ? Self.someHash(i + 1) : nil))
            #expect(strictHash(bytes) == fastHash(bytes))
        }
    }

    @Test func refusesAPreviousHashThatIsNotSixtyFourLowerCaseHexDigits() {
        // Given hotel's line with its previousHash made upper-case, short, long, not hex, or not a string,
        let good = String(decoding: line(added("Blue"), at: 1), as: UTF8.self)
        let hex = Self.someHash(1).hex
        let bad = [hex.uppercased(), String(hex.dropLast()), hex + "0", "g" + hex.dropFirst(), ""].map {
            good.replacingOccurrences(of: hex, with: $0)
        } + [good.replacingOccurrences(of: "\"\(hex)\"", with: "7")]
        for text in bad {
            // then neither path accepts it.
            #expect(strict(Array(text.utf8)) == nil, "\(text)")
            #expect(fast(Array(text.utf8)) == nil, "\(text)")
        }
        // Elsewhere in the envelope it is valid, but not canonical.
        let moved = good.replacingOccurrences(of: #","previousHash":"\#(hex)""#, with: "").replacingOccurrences(of: #"{"position":1,"#, with: #"{"position":1,"previousHash":"\#(hex)","#)
        #expect(fast(Array(moved.utf8)) == nil)
        #expect(strictHash(Array(moved.utf8)) == .some(Self.someHash(1)))
    }

    @Test func leavesOtherFormsToTheStrictPath() {
        // Non-ASCII, escapes, other key orders and extra keys are valid but not canonical.
        #expect(fast(line(added("Grün"), at: 1)) == nil)
        #expect(strict(line(added("Grün"), at: 1)) != nil)
        let reordered = Array(#"{"type":"RoomAdded","position":1,"tags":["room:Blue"],"data":{"room":"Blue"},"recordedAt":"x"}"#.utf8)
        #expect(fast(reordered) == nil && strict(reordered) != nil)
    }

    /// Lines in the canonical shape whose values the strict path refuses.
    @Test(arguments: [
        #"{"position":1,"type":"RoomBooked","tags":[],"data":{"bookingId":"b1","client":"1","room":"Blue","arrival":"2024-02-30","departure":"2024-03-02"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomBooked","tags":[],"data":{"bookingId":"b1","client":"1","room":"Blue","arrival":"2023-02-29","departure":"2024-03-02"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomBooked","tags":[],"data":{"bookingId":"b1","client":"1","room":"Blue","arrival":"2024-13-01","departure":"2025-03-02"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomBooked","tags":[],"data":{"bookingId":"b1","client":"1","room":"Blue","arrival":"0000-01-01","departure":"2024-03-02"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomBooked","tags":[],"data":{"bookingId":"b1","client":"1","room":"Blue","arrival":"2024-05-03","departure":"2024-05-03"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomBooked","tags":[],"data":{"bookingId":"b1","client":"1","room":"Blue","arrival":"2024-05-04","departure":"2024-05-03"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomBooked","tags":[],"data":{"bookingId":"b/1","client":"1","room":"Blue","arrival":"2024-05-01","departure":"2024-05-03"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomBooked","tags":[],"data":{"bookingId":"bk1234567890x","client":"1","room":"Blue","arrival":"2024-05-01","departure":"2024-05-03"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomBooked","tags":[],"data":{"bookingId":"b1","client":" 1","room":"Blue","arrival":"2024-05-01","departure":"2024-05-03"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomAdded","tags":[],"data":{"room":"Blue "},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomAdded","tags":[],"data":{"room":""},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomAdded","tags":[""],"data":{"room":"Blue"},"recordedAt":"x"}"#,
        #"{"position":0,"type":"RoomAdded","tags":[],"data":{"room":"Blue"},"recordedAt":"x"}"#,
        #"{"position":01,"type":"RoomAdded","tags":[],"data":{"room":"Blue"},"recordedAt":"x"}"#,
        #"{"position":1,"type":"RoomAdded","tags":[],"data":{"room":"Blue"},"recordedAt":"x"} "#,
        #"{"position":1,"type":"RoomAdded","tags":[],"data":{"room":"Blue"},"recordedAt":"x"},"#,
        #"{"position":1,"type":"RoomAdded","tags":[],"data":{"room":"Blue"},"recordedAt":3}"#,
    ])
    func refusesWhatTheStrictPathRefuses(_ text: String) {
        let bytes = Array(text.utf8)
        #expect(strict(bytes) == nil || text.hasSuffix("} "), "the strict path should refuse this line")
        #expect(fast(bytes) == nil)
    }

    @Test func isNeverMoreLenientThanTheStrictPathOnMutatedLines() {
        var random = SplitMix(seed: 11)
        let alphabet = Array(#"{}[]:,"\ abtr0129-_eE."#.utf8) + [0, 0x7F, 0xC3, 0xFF]
        var fastAccepted = 0
        for _ in 0..<50_000 {
            var bytes = line(events[Int(random.next() % UInt64(events.count))], at: Int(random.next() % 3) + 1)
            for _ in 0..<Int(random.next() % 3 + 1) {
                let at = Int(random.next() % UInt64(bytes.count))
                let byte = alphabet[Int(random.next() % UInt64(alphabet.count))]
                switch random.next() % 3 {
                case 0: bytes[at] = byte
                case 1: bytes.remove(at: at)
                default: bytes.insert(byte, at: at)
                }
            }
            if let decoded = fast(bytes) {
                fastAccepted += 1
                let reference = strict(bytes)
                #expect(reference?.0 == decoded.0 && reference?.1 == decoded.1, "\(String(decoding: bytes, as: UTF8.self))")
                #expect(strictHash(bytes) == fastHash(bytes), "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        #expect(fastAccepted > 1_000)
    }
}
