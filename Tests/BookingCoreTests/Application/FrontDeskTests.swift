import Foundation
import Synchronization
import Testing
@testable import BookingCore

/// A store that lets another writer append between a command's read and its append, a given number of times.
final class InterleavingStore: EventStore {
    let inner = InMemoryEventStore()
    private let interruptions: Mutex<[Event]>

    init(interruptions: [Event]) { self.interruptions = Mutex(interruptions) }

    func read(_ query: Query, after: Position?) throws(EventStoreError) -> ReadResult { try inner.read(query, after: after) }

    func append(_ events: [Event], condition: AppendCondition?) throws(EventStoreError) -> Position {
        if let other = interruptions.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) {
            try inner.append([other], condition: nil)
        }
        return try inner.append(events, condition: condition)
    }
}

struct FrontDeskTests {
    @Test func booksAndPrintsTheNewID() throws {
        let desk = FrontDesk(store: InMemoryEventStore(), newBookingID: .incrementing())
        try desk.addRooms([room("Blue")])
        #expect(try desk.book(client: client("42"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03")) == bookingID("bk1"))
        #expect(try desk.freeRooms(for: stay("2024-05-02", "2024-05-03")) == [])
    }

    @Test func drawsAnotherIDWhenTheGeneratedOneIsTaken() throws {
        let desk = FrontDesk(store: InMemoryEventStore(), newBookingID: .sequence([bookingID("bkA"), bookingID("bkA"), bookingID("bkB")]))
        try desk.addRooms([room("Blue"), room("Green")])
        #expect(try desk.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-02")) == bookingID("bkA"))
        #expect(try desk.book(client: client("2"), room: room("Green"), stay: stay("2024-05-01", "2024-05-02")) == bookingID("bkB"))
    }

    @Test func suggestsTheNearestRoomForAnUnknownOne() throws {
        let desk = FrontDesk(store: InMemoryEventStore())
        try desk.addRooms([room("Blue"), room("Green")])
        #expect(throws: HotelError.rejected(.unknownRoom(room("Bleu"), suggestion: room("Blue")))) {
            try desk.book(client: client("1"), room: room("Bleu"), stay: stay("2024-05-01", "2024-05-02"))
        }
    }

    @Test func onAConflictItReadsAndDecidesAgain() throws {
        // Between our read and our append, someone books Blue for the same nights.
        let store = InterleavingStore(interruptions: [booked("bkOther", "Blue", "2024-05-01", "2024-05-03").storeEvent])
        try store.inner.append([added("Blue").storeEvent], condition: nil)
        let desk = FrontDesk(store: store, newBookingID: .incrementing())
        #expect(throws: HotelError.rejected(.roomNotFree(room("Blue"), stay("2024-05-01", "2024-05-03"), blockedBy: bookingID("bkOther"), blockingStay: stay("2024-05-01", "2024-05-03")))) {
            try desk.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"))
        }
        #expect(try store.read(.all).events.count == 2)
    }

    @Test func aConcurrentBookingOfAnotherRoomDoesNotDisturb() throws {
        let store = InterleavingStore(interruptions: [booked("bkOther", "Green", "2024-05-01", "2024-05-03").storeEvent])
        try store.inner.append([added("Blue").storeEvent, added("Green").storeEvent], condition: nil)
        let desk = FrontDesk(store: store, newBookingID: .incrementing())
        #expect(try desk.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03")) == bookingID("bk1"))
    }

    @Test func givesUpAfterTheBoundedNumberOfConflicts() throws {
        let noise = (0..<10).map { booked("bkN\($0)", "Blue", "2030-01-0\($0 % 9 + 1)", "2030-02-01").storeEvent }
        let store = InterleavingStore(interruptions: noise)
        try store.inner.append([added("Blue").storeEvent], condition: nil)
        let desk = FrontDesk(store: store, maximumAttempts: 3)
        #expect(throws: HotelError.tooManyConflicts(attempts: 3)) {
            try desk.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"))
        }
    }

    @Test func aRejectedCommandLeavesTheLogByteIdentical() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let desk = FrontDesk(store: JSONLinesEventStore(path: path), newBookingID: .incrementing())
        try desk.addRooms([room("Blue")])
        let id = try desk.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"))
        _ = try desk.cancel(id)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let rejected: [() throws -> Void] = [
            { try desk.addRooms([room("Green"), room("Blue")]) },
            { _ = try desk.book(client: client("1"), room: room("Pink"), stay: stay("2024-05-01", "2024-05-03")) },
            { _ = try desk.cancel(id) },
            { _ = try desk.cancel(bookingID("bkNope")) },
        ]
        for command in rejected {
            #expect(throws: HotelError.self) { try command() }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    @Test func anUnknownEventTypeIsReportedWithItsPosition() throws {
        let store = InMemoryEventStore()
        try store.append([Event(type: "RoomPainted", tags: [], data: [:])], condition: nil)
        let desk = FrontDesk(store: store)
        #expect(throws: HotelError.invalidEvent(EventDataError(position: Position(1), type: "RoomPainted", reason: "unknown event type; this store may have been written by a newer version of hotel"))) {
            try desk.model()
        }
    }

    /// A desk over rooms 101 and 102 (double) and 301 (suite).
    func typedDesk() throws -> FrontDesk {
        let desk = FrontDesk(store: InMemoryEventStore(), newBookingID: .incrementing())
        try desk.addRooms([room("101"), room("102")], type: try RoomType("double"))
        try desk.addRooms([room("301")], type: try RoomType("suite"))
        return desk
    }

    @Test func aQueryAboutAnUnknownTypeIsRefusedWithTheNearestOne() throws {
        let desk = try typedDesk()
        let unknown = HotelError.rejected(.unknownRoomType(try RoomType("Double"), suggestion: try RoomType("double")))
        let stay = stay("2024-05-01", "2024-05-02")
        #expect(throws: unknown) { try desk.freeRooms(for: stay, ofType: try RoomType("Double")) }
        #expect(throws: unknown) { try desk.rooms(ofType: try RoomType("Double")) }
        #expect(throws: unknown) { try desk.occupancy(nights: stay, by: .night, ofType: try RoomType("Double")) }
        #expect(throws: HotelError.rejected(.unknownRoomType(try RoomType("penthouse"), suggestion: nil))) { try desk.rooms(ofType: try RoomType("penthouse")) }
        #expect(try desk.rooms(ofType: try RoomType("suite")).map(\.name) == [room("301")])
    }

    @Test func aQueryAboutAnUnknownRoomIsRefusedWithTheNearestOne() throws {
        let desk = try typedDesk()
        #expect(throws: HotelError.rejected(.unknownRoom(room("10"), suggestion: room("101")))) { try desk.bookings(matching: BookingFilter(room: room("10"))) }
        #expect(throws: HotelError.rejected(.unknownRoom(room("999"), suggestion: nil))) {
            try desk.forEachBooking(matching: BookingFilter(room: room("999"))) { _ in }
        }
        #expect(try desk.bookings(matching: BookingFilter(room: room("102"))) == [])
    }
}
