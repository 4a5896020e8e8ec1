import Foundation
import Testing
@testable import BookingCore

/// The hash chain: H(0) = 32 zero bytes, H(k) = SHA-256(H(k-1) + line k with its newline), line k+1 carries
/// H(k) as `previousHash`; the head found from the last line alone; what verify reports when it breaks.
struct HashChainTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("events.jsonl") }
    var store: JSONLinesEventStore { JSONLinesEventStore(path: path, clock: .fixed(secondsSince1970: 1_714_550_400)) }

    func contents() -> [UInt8] { Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()) }
    func write(_ bytes: [UInt8]) { try! Data(bytes).write(to: URL(fileURLWithPath: path)) }
    func lines(_ bytes: [UInt8]) -> [[UInt8]] { bytes.split(separator: UInt8(ascii: "\n")).map { Array($0) + [UInt8(ascii: "\n")] } }

    /// The rule, spelled out with SHA256 alone: the chain's value after each line.
    static func values(_ bytes: [UInt8]) -> [SHA256.Digest] {
        var chain = SHA256.Digest.zero
        return bytes.split(separator: UInt8(ascii: "\n")).map { line in
            chain = SHA256.hash(chain.bytes + Array(line) + [UInt8(ascii: "\n")])
            return chain
        }
    }

    /// The previousHash a line carries, read as text.
    static func previousHash(_ line: [UInt8]) -> String? {
        let text = String(decoding: line, as: UTF8.self)
        guard let range = text.range(of: #""previousHash":""#) else { return nil }
        return String(text[range.upperBound...].prefix(64))
    }

    /// The lines of `events` as written before the hash chain.
    static func unchained(_ events: [DomainEvent]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (i, event) in events.enumerated() {
            EventLine.encode(SequencedEvent(position: Position(i + 1), event: event.storeEvent, recordedAt: "2024-04-01T08:00:00Z"), previousHash: nil, into: &bytes)
        }
        return bytes
    }

    func fileValue(length: Int? = nil) throws -> SHA256.Digest {
        guard let file = try POSIXFile.open(path, O_RDONLY) else { throw EventStoreError.notFound(path: path) }
        return try HashChain.value(of: file, length: length ?? file.status().size, path: path)
    }

    @Test func theOriginIsThirtyTwoZeroBytesAndEachValueHashesTheOneBeforeAndTheLine() {
        #expect(HashChain.origin.bytes == [UInt8](repeating: 0, count: 32))
        let line = Array(#"{"position":1}"#.utf8)
        let expected = SHA256.hash([UInt8](repeating: 0, count: 32) + line + [UInt8(ascii: "\n")])
        #expect(line.withUnsafeBufferPointer { HashChain.next(.zero, line: $0) } == expected)
        #expect((line + [10]).withUnsafeBytes { HashChain.next(.zero, lineWithNewline: $0) } == expected)
    }

    @Test func everyLineAWriterAppendsCarriesTheValueAfterTheLinesBeforeIt() throws {
        // Given a new log, when events are appended one at a time, several at once, and in a batch,
        try store.append([added("Blue").storeEvent], condition: nil)
        try store.append([added("Green").storeEvent, added("Red").storeEvent], condition: nil)
        let batched = try store.batch(expectedCommands: 1) { session in
            try? session.run(AddRooms(rooms: [room("Pink"), room("Teal")]))
        }
        #expect(batched?.count == 2)
        try store.append([booked("bk1", "Blue", "2024-05-01", "2024-05-03").storeEvent], condition: nil)
        // then line k+1 carries H(k) in hex, the first line H(0),
        let log = contents()
        let values = Self.values(log)
        let carried = lines(log).map(Self.previousHash)
        #expect(carried.count == 6)
        #expect(carried == [SHA256.Digest.zero.hex] + values.dropLast().map(\.hex))
        // and verify finds the chain whole, with the last value as its head.
        let report = try store.verify()
        #expect(report.problems == [])
        #expect(report.headHash == values.last)
        #expect(HashChain.value(of: log) == values.last)
    }

    @Test func theHeadIsFoundFromTheLastLineAloneWhenItCarriesPreviousHash() throws {
        // Given a chained log whose first line is then changed (so the whole chain would differ),
        try store.append([added("Blue").storeEvent, added("Green").storeEvent, added("Red").storeEvent], condition: nil)
        let log = contents()
        let head = try fileValue()
        #expect(head == Self.values(log).last)
        // (Of a prefix of whole lines, it is the value after the prefix's last line.)
        #expect(try fileValue(length: lines(log)[0].count) == Self.values(log)[0])
        #expect(try fileValue(length: 0) == .zero)
        var edited = log
        edited[edited.firstIndex(of: UInt8(ascii: "B"))!] = UInt8(ascii: "C")
        write(edited)
        // then the head a writer finds is still the one the last line implies: SHA-256(its previousHash + it).
        #expect(try fileValue() == head)
        #expect(Self.values(edited).last != head)
    }

    @Test func aLongLastLineIsFoundThroughGrowingWindows() throws {
        // Given a chained log whose last line is longer than the first window (4 KiB), and one longer than 32 KiB,
        try store.append([added("Blue").storeEvent], condition: nil)
        for size in [5_000, 40_000] {
            let before = contents()
            let previous = Self.values(before).last!
            let line = #"{"position":\#(lines(before).count + 1),"type":"RoomAdded","tags":["room:R\#(size)"],"data":{"room":"R\#(size)"},"recordedAt":"2024-05-01T08:00:00Z","metadata":""# + String(repeating: "m", count: size) + #"","previousHash":"\#(previous.hex)"}"# + "\n"
            write(before + Array(line.utf8))
            // then the head is found from it, and the next append chains from it.
            #expect(try fileValue() == Self.values(contents()).last)
            try store.append([added("S\(size)").storeEvent], condition: nil)
            #expect(try store.verify().problems == [])
        }
    }

    @Test func anOldLogKeepsItsLinesAndIsChainedFromItsNextAppendOn() throws {
        // Given a log written before the chain (no previousHash on any line),
        let old = Self.unchained([added("Blue"), added("Green"), booked("bk1", "Blue", "2024-05-01", "2024-05-03")])
        write(old)
        #expect(try fileValue() == Self.values(old).last)
        #expect(try store.verify().isSound)
        // when events are appended,
        try store.append([added("Red").storeEvent], condition: nil)
        try store.append([cancelled("bk1", "Blue").storeEvent], condition: nil)
        // then the old lines stand byte for byte, the first new line carries the hash of all of them, the next
        // the hash of those and the first new one,
        let log = contents()
        #expect(Array(log.prefix(old.count)) == old)
        let values = Self.values(log)
        #expect(lines(log).map(Self.previousHash) == [nil, nil, nil, values[2].hex, values[3].hex])
        // and the log verifies, with the head of the whole.
        let report = try store.verify()
        #expect(report.problems == [])
        #expect(report.headHash == values.last)
    }

    @Test func verifyNamesTheLineAfterAConsistentEditOfAnOldLine() throws {
        // Given a chained log of bookings,
        try store.append([added("Blue").storeEvent, added("Green").storeEvent], condition: nil)
        try store.append([booked("bk1", "Blue", "2024-05-01", "2024-05-03").storeEvent], condition: nil)
        try store.append([booked("bk2", "Green", "2024-05-02", "2024-05-04").storeEvent], condition: nil)
        try store.append([cancelled("bk2", "Green").storeEvent], condition: nil)
        let log = contents()
        let before = Self.values(log)
        // when line 3's departure is changed by hand, keeping a valid event (no rule broken),
        let text = String(decoding: log, as: UTF8.self)
        let edited = Array(text.replacingOccurrences(of: #""departure":"2024-05-03""#, with: #""departure":"2024-05-05""#).utf8)
        #expect(edited != log && edited.count == log.count)
        write(edited)
        // then verify reports one problem, on line 4, naming what it carries and what the lines before hash to
        // (line 5 is linked to line 4 as it stands, so only the one break is reported),
        let report = try store.verify()
        let offset = lines(edited).prefix(3).reduce(0) { $0 + $1.count }
        let after = Self.values(edited)
        #expect(report.problems == [.init(
            line: 4, offset: offset,
            message: "the hash chain breaks here: previousHash is \(before[2].hex), the lines before hash to \(after[2].hex)")])
        // and the head is the edited log's.
        #expect(report.headHash == after.last)
    }

    @Test func aLineWithoutPreviousHashAfterChainedLinesBreaksTheChain() throws {
        // Given a chained log, when a line without previousHash is appended by hand,
        try store.append([added("Blue").storeEvent, added("Green").storeEvent], condition: nil)
        let log = contents()
        write(log + Self.unchained([added("x"), added("x"), added("Red")]).split(separator: UInt8(ascii: "\n")).last! + [UInt8(ascii: "\n")])
        // then verify names it: a chained log cannot stop carrying the chain.
        let report = try store.verify()
        #expect(report.problems.map(\.line) == [3])
        #expect(report.problems.map(\.message) == ["the hash chain breaks here: the line carries no previousHash, though line 1 and those after it do"])
    }

    @Test func whatALineCarriesIsReadFromItsEndOrByTheStrictPath() {
        func carried(_ text: String, readAll: Bool = false) -> String {
            let bytes = Array(text.utf8)
            switch bytes.withUnsafeBufferPointer({ HashChain.carried(by: $0, readAll: readAll) }) {
            case .hash(let digest): return digest.hex
            case .none: return "none"
            case .unreadable: return "unreadable"
            }
        }
        let hex = SHA256.hash(Array("x".utf8)).hex
        // Where hotel writes it, last;
        #expect(carried(#"{"position":1,"type":"RoomAdded","tags":[],"data":{"room":"Blue"},"recordedAt":"x","previousHash":"\#(hex)"}"#) == hex)
        // anywhere else in the envelope (key order is free), through the strict path;
        #expect(carried(#"{"previousHash":"\#(hex)","position":1,"type":"RoomAdded","tags":[],"data":{"room":"Blue"},"recordedAt":"x"}"#) == hex)
        // not as 64 lower-case hex digits: the line is unreadable (verify reports its envelope);
        #expect(carried(#"{"position":1,"type":"RoomAdded","tags":[],"data":{"room":"Blue"},"recordedAt":"x","previousHash":"\#(hex.uppercased())"}"#) == "unreadable")
        // none on a line that does not name it, and, once the chain has begun, none only if the line is readable.
        let old = #"{"position":1,"type":"RoomAdded","tags":[],"data":{"room":"Blue"},"recordedAt":"x"}"#
        #expect(carried(old) == "none")
        #expect(carried(old, readAll: true) == "none")
        #expect(carried("{oops", readAll: false) == "none")
        #expect(carried("{oops", readAll: true) == "unreadable")
    }

    @Test func theChainIsCheckedAlikeInMemoryAndInAFile() throws {
        // Given a chained log with a line edited, when it is verified from memory (import, PostgreSQL) and
        // from the file (each with the chain on its own thread), then the reports are the same.
        try store.append([added("Blue").storeEvent, added("Green").storeEvent, added("Red").storeEvent], condition: nil)
        var edited = contents()
        edited[edited.firstIndex(of: UInt8(ascii: "G"))!] = UInt8(ascii: "H")
        write(edited)
        let fromFile = try store.verify()
        #expect(fromFile.problems.map(\.line) == [2, 3])  // its tag and data disagree; the chain breaks after it
        #expect(StoreVerifier.verify(edited) == fromFile)
    }

    @Test func theFollowerHashesUnreadableLinesAndChecksNothingOnThem() {
        var follower = HashChain.Follower()
        let garbage = Array("garbage".utf8)
        #expect(garbage.withUnsafeBufferPointer { follower.see($0, number: 1, carried: .unreadable) } == nil)
        #expect(follower.value == SHA256.hash([UInt8](repeating: 0, count: 32) + garbage + [10]))
        #expect(follower.firstChained == nil)
        let value = follower.value
        #expect(garbage.withUnsafeBufferPointer { follower.see($0, number: 2, carried: .hash(value)) } == nil)
        #expect(follower.firstChained == 2)
        #expect(garbage.withUnsafeBufferPointer { follower.see($0, number: 3, carried: .hash(.zero)) }?.hasPrefix("the hash chain breaks here: previousHash is 0000") == true)
    }

    @Test func afterABreakTheFollowerChecksEachLineAgainstTheLineBeforeItAsItStands() {
        // Given a chain broken at line 2 (it carries 32 zero bytes, not H(1)),
        var follower = HashChain.Follower()
        let line = Array("line".utf8)
        let h1 = SHA256.hash([UInt8](repeating: 0, count: 32) + line + [10])
        #expect(line.withUnsafeBufferPointer { follower.see($0, number: 1, carried: .hash(.zero)) } == nil)
        #expect(line.withUnsafeBufferPointer { follower.see($0, number: 2, carried: .hash(.zero)) } != nil)
        // when line 3 carries the hash of line 2 from what line 2 carries, then that link holds,
        let linked = SHA256.hash([UInt8](repeating: 0, count: 32) + line + [10])
        #expect(line.withUnsafeBufferPointer { follower.see($0, number: 3, carried: .hash(linked)) } == nil)
        // and the value (the head) is still H over every line as it stands.
        let h2 = SHA256.hash(h1.bytes + line + [10])
        #expect(follower.value == SHA256.hash(h2.bytes + line + [10]))
    }
}

/// The recorded time read from a line's end (for --as-of by time) in both forms: with previousHash last, and
/// without (a line written before the chain).
struct RecordedTimeFromTheLineEndTests {
    @Test(arguments: [
        #"{no json here,"recordedAt":"2024-05-01T08:00:00Z"}"#,
        #"{no json here,"recordedAt":"2024-05-01T08:00:00Z","previousHash":"\#(String(repeating: "ab", count: 32))"}"#,
    ])
    func isReadFromTheEndWithoutParsingTheLine(_ text: String) throws {
        // Given a line that only its end shows in hotel's form (the rest is not JSON: the strict path would
        // find nothing), when its recorded time is read, then it is found at the end.
        let line = Array((text + "\n").utf8)
        #expect(line.withUnsafeBufferPointer { LogReader.recordedAt(of: $0) } == (try Instant("2024-05-01T08:00:00Z")))
    }
}
