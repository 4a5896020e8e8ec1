import Foundation
import HotelTestSupport
import Testing
@testable import BookingCore

extension Reliability {
    /// 6. Garbage in the log: the tool reads it as documented or refuses with the line number; it never
    /// crashes, hangs or silently drops an event.
    struct Garbage {
        /// A sound log of a few rooms and bookings, made by the tool.
        func sampleLog() throws -> (Sandbox, [UInt8]) {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue", "Green", "Grün"]).status == 0)
            try #require(sandbox.hotel.run(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]).status == 0)
            try #require(sandbox.hotel.run(["book", "--client", "2", "--room", "Grün", "--from", "2024-05-02", "--to", "2024-05-04"]).status == 0)
            return (sandbox, [UInt8](try #require(sandbox.hotel.storeBytes())))
        }

        func lineStarts(_ bytes: [UInt8]) -> [Int] {
            [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }.dropLast()
        }

        /// Replaces line `n` (1-based) of `bytes` with `transform` of it.
        func editing(_ bytes: [UInt8], line n: Int, _ transform: ([UInt8]) -> [UInt8]) -> [UInt8] {
            var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
            lines[n - 1] = transform(lines[n - 1])
            return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
        }

        /// Ways to damage one line of the log.
        enum Damage: String, CaseIterable, Sendable {
            case nulByte, byteOrderMark, invalidUTF8, tenMiBOfGarbage, rawCarriageReturnInAString

            /// The line it damages.
            var line: Int {
                switch self {
                case .nulByte, .rawCarriageReturnInAString: 2
                case .byteOrderMark: 1
                case .tenMiBOfGarbage: 3
                case .invalidUTF8: 5
                }
            }

            func apply(_ line: [UInt8]) -> [UInt8] {
                switch self {
                case .nulByte: Array(line.prefix(20)) + [0] + Array(line.dropFirst(20))
                case .byteOrderMark: [0xEF, 0xBB, 0xBF] + line
                case .invalidUTF8: line.replacing(Array("Grün".utf8), with: [0x47, 0x72, 0xFC, 0x6E])
                case .tenMiBOfGarbage: [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
                case .rawCarriageReturnInAString: line.replacing(Array("Green".utf8), with: Array("Gr\reen".utf8))
                }
            }
        }

        @Test(arguments: Damage.allCases)
        func isRefusedWithItsLineNumber(_ damage: Damage) throws {
            let (sandbox, bytes) = try sampleLog()
            let name = damage.rawValue, line = damage.line
            let broken = editing(bytes, line: line, damage.apply)
            try Data(broken).write(to: URL(fileURLWithPath: sandbox.hotel.storePath))
            for arguments in [["verify"], ["free", "--from", "2024-05-01", "--to", "2024-05-02"], ["rooms", "add", "Pink"]] {
                let result = try sandbox.hotel.run(arguments)
                #expect(result.status == 65, "\(name): \(arguments): \(result)")
                #expect(result.stderr.contains("events.jsonl:\(line)") || result.stdout.contains("events.jsonl:\(line):"), "\(name): \(result)")
            }
            #expect(sandbox.hotel.storeBytes().map(Array.init) == broken, "\(name): the log was changed")
        }

        /// `bytes` as a log written before the hash chain: every line without its previousHash.
        func unchained(_ bytes: [UInt8]) -> [UInt8] {
            let text = String(decoding: bytes, as: UTF8.self)
            return Array(text.replacing(#/,"previousHash":"[0-9a-f]{64}"/#, with: "").utf8)
        }

        @Test func crlfLineEndsAreReadAsJSONWhiteSpace() throws {
            let (sandbox, chained) = try sampleLog()
            func crlf(_ bytes: [UInt8]) -> [UInt8] { bytes.replacing([UInt8(ascii: "\n")], with: [UInt8(ascii: "\r"), UInt8(ascii: "\n")]) }
            // A chained log's lines changed to CRLF are changed bytes: the chain breaks at line 2.
            try Data(crlf(chained)).write(to: URL(fileURLWithPath: sandbox.hotel.storePath))
            let broken = try sandbox.hotel.run(["verify"])
            #expect(broken.status == 65)
            #expect(broken.stdout.hasPrefix("events.jsonl:2: byte \(chained.firstIndex(of: UInt8(ascii: "\n"))! + 2): the hash chain breaks here"), "\(broken)")
            // A log written before the chain, with CRLF line ends, reads and verifies; it is chained from its next append on.
            let bytes = unchained(chained)
            try Data(crlf(bytes)).write(to: URL(fileURLWithPath: sandbox.hotel.storePath))
            let verify = try Reliability.expectVerifies(sandbox)
            #expect(verify.stdout.hasPrefix("ok: 5 events, 3 rooms, 2 bookings"))
            #expect(try sandbox.hotel.run(["free", "--from", "2024-05-02", "--to", "2024-05-03"]).stdout == "Green\n")
            #expect(try sandbox.hotel.run(["rooms", "add", "Pink"]).status == 0)
            try Reliability.expectVerifies(sandbox)
        }

        /// Outcomes: the store refuses the line, or the event's type or data is refused when decoded, or
        /// every event is read; in the last case none is dropped, and `verify` flags a copy whose tags and
        /// data disagree. A changed character inside a free-text field that leaves the line valid JSON is caught by
        /// the hash chain at the next line (in the last line, only the head shows it).
        @Test func randomBytesInsertedIntoACopyAreReadInFullOrRefusedAtTheirLine() throws {
            let (_, bytes) = try sampleLog()
            let original = try JSONLinesEventStore(path: "/dev/null").decodeAll(bytes)
            var random = SplitMix(seed: 6)
            var refusedByStore = 0, refusedOnDecoding = 0, readInFull = 0, flaggedByVerify = 0
            for _ in 0..<Scale.current.insertedGarbageCopies {
                var copy = bytes
                let at = Int.random(in: 0..<(bytes.count - 1), using: &random)
                let inserted = (0..<Int.random(in: 1...4, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
                copy.insert(contentsOf: inserted, at: at)
                let line = bytes[..<at].filter { $0 == UInt8(ascii: "\n") }.count + 1
                let lines = line...(line + inserted.filter { $0 == UInt8(ascii: "\n") }.count)
                let report = StoreVerifier.verify(copy)
                // A line after the damage carries the chain, and so shows it.
                let chainShows = lines.upperBound < copy.filter { $0 == UInt8(ascii: "\n") }.count
                let events: [SequencedEvent]
                do {
                    events = try JSONLinesEventStore(path: "/dev/null").decodeAll(copy)
                } catch let error as EventStoreError {
                    refusedByStore += 1
                    guard case .corrupt(_, let badLine, _, _) = error else { Issue.record("unexpected \(error)"); continue }
                    #expect(lines.contains(badLine), "inserted at line \(line), refused at \(badLine)")
                    #expect(report.problems.first.map { lines.contains($0.line) } ?? false)
                    continue
                }
                #expect(events.map(\.position) == original.map(\.position), "an event was dropped or moved")
                if let bad = events.first(where: { (try? DomainEvent($0)) == nil }) {
                    refusedOnDecoding += 1
                    #expect(lines.contains(bad.position.rawValue))
                    #expect(report.problems.contains { $0.line == bad.position.rawValue })
                } else {
                    readInFull += 1
                    if !report.isSound { flaggedByVerify += 1 }
                    if chainShows { #expect(!report.isSound, "inserted at line \(line), not flagged") }
                    // The first problem is at the damage, or at the line after it for the chain; later ones may
                    // follow from it (a renamed room's bookings).
                    #expect(report.problems.first.map { (lines.lowerBound...(lines.upperBound + 1)).contains($0.line) } ?? true)
                }
            }
            Reliability.figures("random insertions", "\(Scale.current.insertedGarbageCopies) copies: \(refusedByStore) refused by the store at the line, \(refusedOnDecoding) refused when decoding the event, \(readInFull) read with every event (\(flaggedByVerify) of them flagged by verify, the rest changed only inside a text field of the last line)")
        }
    }
}

extension JSONLinesEventStore {
    /// Decodes `bytes` as this store would read them (test helper).
    func decodeAll(_ bytes: [UInt8]) throws -> [SequencedEvent] {
        var events: [SequencedEvent] = []
        _ = try LogScanner(path: path).scan(bytes) { event, _ in events.append(event) }
        return events
    }
}
