import Foundation
import Testing
@testable import BookingCore

struct SnapshotVerificationTests {
    let directory = TemporaryDirectory()
    var path: String { directory.file("events.jsonl") }

    func makeStore() throws -> JSONLinesEventStore {
        let store = JSONLinesEventStore(path: path, cacheThreshold: 0)
        let desk = FrontDesk(store: store, newBookingID: .incrementing())
        try desk.addRooms([room("Blue"), room("Green")])
        _ = try desk.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"))
        _ = try desk.book(client: client("2"), room: room("Green"), stay: stay("2024-05-01", "2024-05-03"))
        _ = try desk.model()  // writes the snapshot of the whole log
        return store
    }

    /// From a snapshot file: its number of id slots, where its hash part starts, and the home slot of `id`.
    static func idIndex(of cache: SnapshotBytes, home id: String) -> (slots: Int, hash: Int, home: Int) {
        let slots = cache.hashSlots
        return (slots, cache.stayPart(.hash), Int(truncatingIfNeeded: BookingKey(bookingID(id)).mixed) & (slots - 1))
    }

    @Test func aSnapshotThatAgreesVerifies() throws {
        let store = try makeStore()
        #expect(FileManager.default.fileExists(atPath: store.cachePath))
        let report = try store.verify()
        #expect(report.isSound, "\(report.problems)")
    }

    @Test func aSnapshotOfAHalfFullIDIndexVerifies() throws {
        // 500 bookings in the smallest table (1,024 slots): long runs of occupied slots, some wrapping.
        let store = JSONLinesEventStore(path: path, cacheThreshold: 0)
        let desk = FrontDesk(store: store)
        try desk.addRooms([room("Blue")])
        let first = day("2030-01-01").ordinal
        try desk.batch { batch in
            for n in 0..<500 {
                let stay = try! Stay(arrival: Day(ordinal: first + n), departure: Day(ordinal: first + n + 1))
                _ = try! batch.book(client: client("1"), room: room("Blue"), stay: stay)
            }
        }
        _ = try desk.model()
        let snapshot = try #require(Snapshot(path: store.cachePath))
        #expect(snapshot.recordCount == 500)
        #expect(snapshot.idIndexProblem { _ in BookingKey(bookingID("bkNone")) } != nil)  // the check can fail
        let report = try store.verify()
        #expect(report.isSound, "\(report.problems)")
    }

    @Test func aSnapshotThatDisagreesWithTheReplayIsAProblem() throws {
        let store = try makeStore()
        var cache = try SnapshotBytes(path: store.cachePath)
        let snapshot = try #require(Snapshot(path: store.cachePath))
        #expect(snapshot.entry(0)?.booking?.status == .active)
        // Flip the first record's cancelled flag, and seal the file again: every checksum checks out.
        cache.data[cache.stayPart(.records) + 13] = 1
        try cache.write(sealedTo: store.cachePath)
        let report = try store.verify()
        #expect(report.problems.map(\.message) == ["the read-model cache disagrees with a full replay (booking bk1); delete the .cache file and it will be rebuilt"])
        #expect(report.problems.first?.line == 4)
    }

    @Test func aDamagedCacheIsAWarningNotAProblemOfTheLog() throws {
        let store = try makeStore()
        var cache = try Data(contentsOf: URL(fileURLWithPath: store.cachePath))
        // One bit flipped in the stay calendar's records, not sealed again: the page fails its checksum.
        cache[try SnapshotBytes(path: store.cachePath).stayPart(.records) + 13] ^= 1
        try cache.write(to: URL(fileURLWithPath: store.cachePath))
        let report = try store.verify()
        #expect(report.isSound, "\(report.problems)")
        #expect(report.warnings.map(\.message) == ["the read-model cache is damaged (a page fails its checksum); commands do not use it, and the next one rebuilds it"])
    }

    @Test func anIDIndexThatMissesABookingIsAProblem() throws {
        let store = try makeStore()
        var cache = try SnapshotBytes(path: store.cachePath)
        // Clear the tag of bk1's slot: the id index then says bk1 does not exist.
        let (slots, hash, slot) = Self.idIndex(of: cache, home: "bk1")
        #expect(try #require(Snapshot(path: store.cachePath)).recordIndex(BookingKey(bookingID("bk1"))) == 0)
        cache.data[hash + slots * 4 + slot * 2] = 0
        cache.data[hash + slots * 4 + slot * 2 + 1] = 0
        try cache.write(sealedTo: store.cachePath)
        #expect(try #require(Snapshot(path: store.cachePath)).recordIndex(BookingKey(bookingID("bk1"))) == nil)
        let report = try store.verify()
        #expect(report.problems.map(\.message) == ["the read-model cache disagrees with a full replay (the id index: booking bk1 cannot be found through it); delete the .cache file and it will be rebuilt"])
    }

    @Test func anIDIndexSlotPointingPastTheBookingsIsAProblem() throws {
        let store = try makeStore()
        var cache = try SnapshotBytes(path: store.cachePath)
        let (_, hash, slot) = Self.idIndex(of: cache, home: "bk2")
        for k in 0..<4 { cache.data[hash + slot * 4 + k] = 0xFF }
        try cache.write(sealedTo: store.cachePath)
        #expect(try #require(Snapshot(path: store.cachePath)).recordIndex(BookingKey(bookingID("bk2"))) == nil)
        let report = try store.verify()
        #expect(report.problems.map(\.message) == ["the read-model cache disagrees with a full replay (the id index: slot \(slot) holds no booking); delete the .cache file and it will be rebuilt"])
    }

    @Test func aBookingOfAnUnregisteredRoomDoesNotRegisterIt() throws {
        // A log written by hand that verify flags; the cached and the replayed answers must still agree.
        let lines = [
            #"{"position":1,"type":"RoomAdded","tags":["room:Blue"],"data":{"room":"Blue"},"recordedAt":"x"}"#,
            #"{"position":2,"type":"RoomBooked","tags":["booking:b1","room:Ghost","client:1"],"data":{"bookingId":"b1","client":"1","room":"Ghost","arrival":"2024-05-01","departure":"2024-05-03"},"recordedAt":"x"}"#,
        ]
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        let cached = try JSONLinesEventStore(path: path, cacheThreshold: 0).currentModel().model
        let replayed = try FrontDesk(store: InMemoryEventStore(events: JSONLinesEventStore(path: path).read(.all).events)).model()
        #expect(cached.roomNames() == [room("Blue")])
        #expect(cached.roomNames() == replayed.roomNames())
        #expect(cached.hasRoom(room("Ghost")) == false)
        #expect(cached.freeRooms(for: stay("2024-05-01", "2024-05-02")) == replayed.freeRooms(for: stay("2024-05-01", "2024-05-02")))
        #expect(cached.booking(bookingID("b1")) == replayed.booking(bookingID("b1")))
    }
}
