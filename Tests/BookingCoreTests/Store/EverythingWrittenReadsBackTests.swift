import Foundation
import HotelTestSupport
import Testing
@testable import BookingCore

/// Nothing is written that cannot be read back: random command sequences with values at every edge (days
/// at both ends of the calendar, clocks near 9999-12-31, long holds, odd text), and every line the store
/// wrote decodes strictly, through the fast path when the line is in its form, to the same event, and the
/// log verifies.
struct EverythingWrittenReadsBackTests {
    /// A random day: mostly near either end of the calendar, else anywhere.
    static func day(_ random: inout SplitMix) -> Day {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return Day.earliest.adding(days: Int.random(in: -3...40, using: &random))
        case 1: return Day.latest.adding(days: Int.random(in: -40...3, using: &random))
        default: return Day(ordinal: Int.random(in: Day.earliest.ordinal...Day.latest.ordinal, using: &random))
        }
    }

    static let texts = ["Blue", "Suite 7", "Grün", "e\u{301}", "\u{E9}", "房间", "a\"b", "back\\slash", "tab\there", " lead", "🏨", "x"]

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func everyLineACommandWritesDecodesBack(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        // A clock near the end of the calendar, near its start, or in between, moving on at every reading.
        final class Clock: @unchecked Sendable { var seconds = 0 }
        let clock = Clock()
        let wall = WallClock { clock.seconds += 1; return clock.seconds }
        let store = JSONLinesEventStore(path: path, clock: wall, cacheThreshold: 0)
        let desk = FrontDesk(store: store, clock: wall)
        var ids: [BookingID] = []
        var rooms: [RoomName] = []
        for _ in 0..<250 {
            clock.seconds = [Instant.latest.secondsSince1970 - Int.random(in: 0...200_000, using: &random),
                             Instant.earliest.secondsSince1970 + Int.random(in: 0...200_000, using: &random),
                             Int.random(in: 0...2_000_000_000, using: &random)].randomElement(using: &random)!
            let text = Self.texts.randomElement(using: &random)! + (Bool.random(using: &random) ? "" : String(Int.random(in: 0..<5, using: &random)))
            let a = Self.day(&random), b = a.adding(days: Int.random(in: -2...400, using: &random))
            let stay = try? Stay(arrival: a, departure: b)
            do throws(HotelError) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0:
                    guard let room = try? RoomName(text) else { continue }
                    try desk.addRooms([room], type: (try? RoomType(Self.texts.randomElement(using: &random)!.lowercased())) ?? .standard)
                    rooms.append(room)
                case 1, 2:
                    guard let stay, let room = rooms.randomElement(using: &random) else { continue }
                    let hold = Bool.random(using: &random) ? try? HoldDuration(["90s", "15m", "2h", "1d", "30d"].randomElement(using: &random)!) : nil
                    let key = Bool.random(using: &random) ? try? IdempotencyKey(text) : nil
                    ids.append(try desk.reserve(StayRequest(client: try? ClientID(text), target: .room(room), stay: stay, hold: hold, idempotencyKey: key)).id)
                case 3:
                    guard let stay, let room = rooms.randomElement(using: &random) else { continue }
                    ids.append(try desk.block(room: room, stay: stay, reason: try? Reason(text)))
                case 4:
                    guard let id = ids.randomElement(using: &random) else { continue }
                    _ = try desk.change(id, room: Bool.random(using: &random) ? rooms.randomElement(using: &random) : nil, arrival: Bool.random(using: &random) ? a : nil, departure: b)
                case 5:
                    guard let id = ids.randomElement(using: &random) else { continue }
                    _ = try desk.confirm(id, client: try? ClientID(text))
                case 6:
                    guard let id = ids.randomElement(using: &random) else { continue }
                    _ = try desk.cancel(id, reason: try? Reason(text))
                case 7:
                    guard let id = ids.randomElement(using: &random) else { continue }
                    _ = try desk.record([.checkedIn, .checkedOut, .noShow].randomElement(using: &random)!, id)
                case 8:
                    guard let id = ids.randomElement(using: &random) else { continue }
                    if Bool.random(using: &random) { _ = try desk.release(id) } else { _ = try desk.unblock(id) }
                default:
                    guard let stay, let room = rooms.randomElement(using: &random) else { continue }
                    _ = try desk.batch { runner in try? runner.book(client: ClientID("b"), room: room, stay: stay) }
                }
            } catch {
                // Refusals are answers; the test is about what was written.
            }
        }
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        var lines = 0, fast = 0
        for line in bytes.split(separator: UInt8(ascii: "\n")) {
            lines += 1
            let text = Array(line)
            try text.withUnsafeBufferPointer { buffer in
                let strict = try DomainEvent(try EventLine.decode(buffer))
                let quick = CanonicalLineDecoder.decode(buffer)
                if let quick { #expect(quick.0 == strict); fast += 1 }
                // A line of plain ASCII without escapes is in the fast path's form: it must take it.
                if !text.contains(where: { $0 >= 0x80 || $0 == UInt8(ascii: "\\") }) { #expect(quick != nil, "\(String(decoding: text, as: UTF8.self))") }
            }
        }
        #expect(lines > 50)
        #expect(fast > 0)
        let report = try store.verify()
        #expect(report.problems.isEmpty, "\(report.problems.prefix(3))")
        // And a replay from nothing reads it all back (the cache deleted).
        try? FileManager.default.removeItem(atPath: store.cachePath)
        #expect(try JSONLinesEventStore(path: path).currentModel().model.head == Position(lines))
    }
}
