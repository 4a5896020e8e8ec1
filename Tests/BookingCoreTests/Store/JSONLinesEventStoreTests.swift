import Foundation
import Testing
@testable import BookingCore

struct JSONLinesEventStoreTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("events.jsonl") }
    var store: JSONLinesEventStore {
        JSONLinesEventStore(path: path, clock: .fixed(secondsSince1970: 1_714_550_400))
    }

    func contents() -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    func write(_ text: String) { try! Data(text.utf8).write(to: URL(fileURLWithPath: path)) }

    @Test func writesOneCompactEnvelopePerLine() throws {
        // Given a new log, when a room is added, then its line is compact and carries H(0), 64 zeros, last;
        try store.append([added("Blue").storeEvent], condition: nil)
        let first = #"{"position":1,"type":"RoomAdded","tags":["room:Blue"],"data":{"room":"Blue","type":"standard"},"recordedAt":"2024-05-01T08:00:00Z","previousHash":"0000000000000000000000000000000000000000000000000000000000000000"}"# + "\n"
        #expect(contents() == first)
        // and the next line carries SHA-256(H(0) + the first line) (as Python's hashlib computes it).
        try store.append([added("Green").storeEvent], condition: nil)
        #expect(contents() == first + #"{"position":2,"type":"RoomAdded","tags":["room:Green"],"data":{"room":"Green","type":"standard"},"recordedAt":"2024-05-01T08:00:00Z","previousHash":"23536faef5896d692c558b50ebb830ec1ba5edfb922db65a5a3fd47cb2dd1b10"}"# + "\n")
    }

    @Test func readsLinesWrittenByHandWithOtherKeyOrderAndExtraKeys() throws {
        write(#"{"type":"RoomAdded","data":{"room":"Blue"},"tags":["room:Blue"],"recordedAt":"x","position":1,"metadata":{"by":"jq"}}"# + "\n")
        // A RoomAdded without a type (as written before types existed) is a room of type standard.
        #expect(try store.read(.all).events.map { try DomainEvent($0) } == [added("Blue")])
    }

    @Test func readersIgnoreAnUnterminatedLastLine() throws {
        try store.append([added("Blue").storeEvent], condition: nil)
        let complete = contents()
        write(complete + #"{"position":2,"type":"RoomAdd"#)
        let result = try store.read(.all)
        #expect(result.events.count == 1)
        #expect(result.head == Position(1))
    }

    @Test func theNextWriterMovesAnUnterminatedLastLineToTheSideFile() throws {
        try store.append([added("Blue").storeEvent], condition: nil)
        let torn = #"{"position":2,"type":"RoomAdd"#
        write(contents() + torn)
        try store.append([added("Green").storeEvent], condition: nil)
        let lines = contents().split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasPrefix(#"{"position":2,"type":"RoomAdded","tags":["room:Green"]"#))
        #expect(try String(contentsOfFile: store.tornPath, encoding: .utf8) == torn + "\n")
        #expect(try store.read(.all).events.map(\.position.rawValue) == [1, 2])
    }

    @Test(arguments: [
        ("not json", "invalid JSON: invalid literal"),
        ("[1]", "the line is not a JSON object"),
        (#"{"position":2,"type":"RoomAdded","tags":[],"data":{},"recordedAt":"x"}"#, "position 2 out of sequence, expected 1"),
        (#"{"position":1,"tags":[],"data":{},"recordedAt":"x"}"#, "the envelope's \"type\" must be a non-empty string"),
        (#"{"position":1,"type":"RoomAdded","tags":[1],"data":{},"recordedAt":"x"}"#, "the envelope's \"tags\" must be an array of non-empty strings without control characters"),
        ("", "invalid JSON: unexpected end of input"),
    ])
    func aBadFirstLineIsCorruption(line: String, reason: String) {
        write(line + "\n")
        #expect(throws: EventStoreError.corrupt(path: path, line: 1, offset: 0, reason: reason)) { try store.read(.all) }
    }

    @Test func aCorruptMiddleLineStopsReadsAndWritesWithItsLineAndOffset() throws {
        try store.append([added("Blue").storeEvent, added("Green").storeEvent, added("Red").storeEvent], condition: nil)
        var lines = contents().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let offset = lines[0].utf8.count + 1 + 12
        lines[1] = String(lines[1].prefix(12)) + "}" + String(lines[1].dropFirst(12))
        write(lines.joined(separator: "\n"))
        let before = contents()
        let expected = EventStoreError.corrupt(path: path, line: 2, offset: offset, reason: "invalid JSON: unexpected character '}'")
        #expect(throws: expected) { try store.read(.all) }
        #expect(throws: expected) { try store.append([added("Pink").storeEvent], condition: nil) }
        #expect(contents() == before)
    }

    @Test func aRepeatedPositionIsCorruption() throws {
        try store.append([added("Blue").storeEvent], condition: nil)
        let line = contents()
        write(line + line)
        #expect(throws: EventStoreError.corrupt(path: path, line: 2, offset: line.utf8.count, reason: "position 1 out of sequence, expected 2")) {
            try store.read(.all)
        }
    }

    @Test func theErrorMessageNamesFileLineAndByte() {
        let error = EventStoreError.corrupt(path: "events.jsonl", line: 7, offset: 912, reason: "invalid JSON")
        #expect(error.description.hasPrefix("events.jsonl:7: corrupt event log at byte 912: invalid JSON"))
    }

    @Test func aMissingFileReadsAsEmptyAndIsCreatedByTheFirstAppend() throws {
        #expect(!store.exists)
        #expect(try store.read(.all).events.isEmpty)
        #expect(!store.exists)
        try store.append([added("Blue").storeEvent], condition: nil)
        #expect(store.exists)
    }

    @Test func aLockHeldElsewhereTimesOut() throws {
        let fd = open(store.lockPath, O_RDWR | O_CREAT, 0o644)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX) == 0)
        // flock locks belong to the open file description, so a second open in this process contends.
        let impatient = JSONLinesEventStore(path: path, lockTimeout: 0.2)
        #expect(throws: EventStoreError.lockTimeout(path: store.lockPath, seconds: 0.2)) {
            try impatient.append([added("Blue").storeEvent], condition: nil)
        }
        #expect(!store.exists || contents().isEmpty)
    }
}
