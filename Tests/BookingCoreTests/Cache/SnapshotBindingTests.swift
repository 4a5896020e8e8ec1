import Foundation
import Testing
@testable import BookingCore

/// A snapshot is used only for the log it was made of: bound to the log's chain value at its last position.
struct SnapshotBindingTests {
    let directory = TemporaryDirectory()

    /// Whether the snapshot beside the store's log is taken to be of it.
    static func usesItsSnapshot(_ store: JSONLinesEventStore) throws -> Bool {
        guard let file = try POSIXFile.open(store.path, O_RDONLY) else { return false }
        return try store.validSnapshot(size: Int(file.status().size)) != nil
    }

    /// A store of 40 bookings, the 20th for `odd` instead of client 1, with a current snapshot.
    func store(_ name: String, odd: String = "1") throws -> JSONLinesEventStore {
        let store = JSONLinesEventStore(path: directory.file(name), clock: .fixed(secondsSince1970: 1_700_000_000), cacheThreshold: 0)
        let desk = FrontDesk(store: store, newBookingID: .incrementing(), clock: .fixed(secondsSince1970: 1_700_000_000))
        try desk.addRooms([room("Blue")])
        let first = day("2030-01-01").ordinal
        for n in 0..<40 {
            let stay = try Stay(arrival: Day(ordinal: first + n), departure: Day(ordinal: first + n + 1))
            _ = try desk.book(client: client(n == 20 ? odd : "1"), room: room("Blue"), stay: stay)
        }
        _ = try desk.model()
        return store
    }

    @Test func theSnapshotOfAnotherLogBuiltAlikeIsNotUsed() throws {
        let a = try store("a.jsonl"), b = try store("b.jsonl", odd: "2")
        // Same length, same first and last lines, different in the middle: sampled blocks could miss it.
        #expect(try Data(contentsOf: URL(fileURLWithPath: a.path)).count == Data(contentsOf: URL(fileURLWithPath: b.path)).count)
        try FileManager.default.removeItem(atPath: b.cachePath)
        try FileManager.default.copyItem(atPath: a.cachePath, toPath: b.cachePath)
        #expect(try !Self.usesItsSnapshot(b))
        let fresh = JSONLinesEventStore(path: b.path)
        #expect(try FrontDesk(store: fresh).bookings(matching: BookingFilter(client: client("2"))).count == 1)
    }

    @Test func aLogWrittenBeforeTheChainIsBoundByHashingItUntilItsNextAppendChainsIt() throws {
        // A log whose lines carry no previousHash, as written before the chain.
        let path = directory.file("old.jsonl")
        var lines = [#"{"position":1,"type":"RoomAdded","tags":["room:Blue"],"data":{"room":"Blue","type":"standard"},"recordedAt":"2024-01-01T00:00:00Z"}"#]
        for n in 0..<30 {
            let from = Day(ordinal: day("2030-01-01").ordinal + n).description, to = Day(ordinal: day("2030-01-01").ordinal + n + 1).description
            lines.append(#"{"position":\#(n + 2),"type":"RoomBooked","tags":["booking:b\#(n)","room:Blue","client:1"],"data":{"bookingId":"b\#(n)","client":"1","room":"Blue","arrival":"\#(from)","departure":"\#(to)"},"recordedAt":"2024-01-01T00:00:00Z"}"#)
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let store = JSONLinesEventStore(path: path, clock: .fixed(secondsSince1970: 1_700_000_000), cacheThreshold: 0)
        _ = try store.currentModel()
        let snapshot = try #require(MappedSnapshot(path: store.cachePath))
        #expect(snapshot.chainValue == HashChain.value(of: try Data(contentsOf: URL(fileURLWithPath: path)).map { $0 }))
        func valid() throws -> Bool { try Self.usesItsSnapshot(store) }
        #expect(try valid())
        // The next append chains the log: its line carries the chain value the snapshot was bound to.
        let desk = FrontDesk(store: JSONLinesEventStore(path: path, clock: .fixed(secondsSince1970: 1_700_000_000)), clock: .fixed(secondsSince1970: 1_700_000_000))
        _ = try desk.book(client: client("9"), room: room("Blue"), stay: stay("2031-01-01", "2031-01-02"))
        #expect(try valid())
        // A changed byte before the snapshot's last line of a log never chained changes the value: not used.
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let at = try #require(bytes.firstRange(of: Data(#""client":"1""#.utf8))).upperBound - 2
        bytes[at] = UInt8(ascii: "7")
        try bytes.prefix(snapshot.coveredOffset).write(to: URL(fileURLWithPath: path))
        #expect(try !valid())
    }

    @Test func anotherStoresLogAtTheCachePathIsNeverReplaced() throws {
        // A store named like this one's cache: its log must survive this store's snapshot being written.
        let other = JSONLinesEventStore(path: directory.file("hotel.cache"))
        try FrontDesk(store: other).addRooms([room("X")])
        let log = try Data(contentsOf: URL(fileURLWithPath: other.path))
        let store = JSONLinesEventStore(path: directory.file("hotel"), cacheThreshold: 0)
        let desk = FrontDesk(store: store)
        try desk.addRooms([room("Blue")])
        #expect(try desk.rooms().map(\.name) == [room("Blue")])
        #expect(try Data(contentsOf: URL(fileURLWithPath: other.path)) == log)
    }
}
