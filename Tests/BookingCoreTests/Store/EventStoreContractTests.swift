import Foundation
import HotelTestSupport
import Testing
@testable import BookingCore

/// The DCB contract every ``EventStore`` keeps. Add an implementation to ``Kind`` and it runs all of these.
struct EventStoreContractTests {
    enum Kind: String, CaseIterable, Sendable {
        case inMemory
        case jsonLines
        /// With the PostgreSQL trait and HOTEL_TEST_POSTGRES_URL: a fresh schema of that database.
        case postgres

        /// The stores this build and this run can test.
        static var allCases: [Kind] {
            #if PostgreSQL
            if PostgresTestDatabase.isAvailable { return [.inMemory, .jsonLines, .postgres] }
            print("EventStoreContractTests: \(PostgresTestDatabase.skipReason)")
            #endif
            return [.inMemory, .jsonLines]
        }

        /// A new empty store, and what keeps its files (or its database schema) alive.
        func make() -> (any EventStore, AnyObject?) {
            let clock = WallClock.fixed(secondsSince1970: 1_714_550_400)
            switch self {
            case .inMemory: return (InMemoryEventStore(clock: clock), nil)
            case .jsonLines:
                let directory = TemporaryDirectory()
                return (JSONLinesEventStore(path: directory.file("events.jsonl"), clock: clock), directory)
            case .postgres:
                #if PostgreSQL
                let database = try! PostgresTestDatabase()
                let directory = TemporaryDirectory()
                let store = PostgresEventStore(location: PostgresLocation(database.url)!, clock: clock, cacheDirectory: directory.file("cache"))
                return (store, KeepAlive(database, directory))
                #else
                fatalError("this build has no PostgreSQL store")
                #endif
            }
        }
    }

    /// Holds what a store's test needs alive.
    final class KeepAlive {
        let values: [Any]
        init(_ values: Any...) { self.values = values }
    }

    let blue = booked("bk1", "Blue", "2024-05-01", "2024-05-03").storeEvent
    let green = booked("bk2", "Green", "2024-05-01", "2024-05-03").storeEvent
    func roomQuery(_ name: String) -> Query { Query([QueryItem(types: [], tags: [.room(room(name))])]) }

    @Test(arguments: Kind.allCases)
    func anEmptyStoreHasHeadZero(_ kind: Kind) throws {
        let (store, dir) = kind.make()
        #expect(try store.read(.all) == ReadResult(events: [], head: .origin))
        withExtendedLifetime(dir) {}
    }

    @Test(arguments: Kind.allCases)
    func appendsGetConsecutivePositionsFromOne(_ kind: Kind) throws {
        let (store, dir) = kind.make()
        #expect(try store.append([added("Blue").storeEvent, added("Green").storeEvent], condition: nil) == Position(2))
        #expect(try store.append([blue], condition: nil) == Position(3))
        let all = try store.read(.all)
        #expect(all.events.map(\.position.rawValue) == [1, 2, 3])
        #expect(all.events.map(\.event) == [added("Blue").storeEvent, added("Green").storeEvent, blue])
        #expect(all.events.allSatisfy { $0.recordedAt == "2024-05-01T08:00:00Z" })
        #expect(all.head == Position(3))
        withExtendedLifetime(dir) {}
    }

    @Test(arguments: Kind.allCases)
    func readsMatchingEventsWithTheWholeStoresHead(_ kind: Kind) throws {
        let (store, dir) = kind.make()
        try store.append([added("Blue").storeEvent, added("Green").storeEvent, blue, green], condition: nil)
        let result = try store.read(roomQuery("Blue"))
        #expect(result.events.map(\.position.rawValue) == [1, 3])
        #expect(result.head == Position(4))
        let typed = try store.read(Query([QueryItem(types: [RoomBooked.type], tags: [])]))
        #expect(typed.events.map(\.position.rawValue) == [3, 4])
        let twoTags = try store.read(Query([QueryItem(types: [], tags: [.room(room("Blue")), .booking(bookingID("bk1"))])]))
        #expect(twoTags.events.map(\.position.rawValue) == [3])
        let either = try store.read(Query([QueryItem(types: [RoomAdded.type], tags: [.room(room("Green"))]), QueryItem(types: [], tags: [.booking(bookingID("bk1"))])]))
        #expect(either.events.map(\.position.rawValue) == [2, 3])
        #expect(try store.read(Query([])).events.isEmpty)
        withExtendedLifetime(dir) {}
    }

    @Test(arguments: Kind.allCases)
    func aReadAfterAPositionGivesOnlyTheEventsSinceWithTheWholeStoresHead(_ kind: Kind) throws {
        // Given four events, of which Blue's are at 1 and 3,
        let (store, dir) = kind.make()
        try store.append([added("Blue").storeEvent, added("Green").storeEvent, blue, green], condition: nil)
        // when Blue's are read after each position, then only those after it come, with the head of the store.
        #expect(try (0...5).map { try store.read(roomQuery("Blue"), after: Position($0)).events.map(\.position.rawValue) } == [[1, 3], [3], [3], [], [], []])
        #expect(try store.read(roomQuery("Blue"), after: Position(3)).head == Position(4))
        #expect(try store.read(.all, after: Position(9)) == ReadResult(events: [], head: Position(4)))
        #expect(try store.read(.all, after: nil) == store.read(.all))
        // A reader that saw head 2 reads what came since from there.
        #expect(try store.read(.all, after: Position(2)).events.map(\.event) == [blue, green])
        withExtendedLifetime(dir) {}
    }

    @Test(arguments: Kind.allCases)
    func aMatchingEventAfterTheSeenPositionIsAConflict(_ kind: Kind) throws {
        let (store, dir) = kind.make()
        try store.append([added("Blue").storeEvent, added("Green").storeEvent], condition: nil)
        let seen = try store.read(roomQuery("Blue"))
        try store.append([blue], condition: nil)  // a concurrent booking of Blue
        #expect(throws: EventStoreError.conflict) {
            try store.append([booked("bk9", "Blue", "2024-05-01", "2024-05-02").storeEvent], condition: AppendCondition(failIfEventsMatch: roomQuery("Blue"), after: seen.head))
        }
        #expect(try store.read(.all).head == Position(3))
        withExtendedLifetime(dir) {}
    }

    @Test(arguments: Kind.allCases)
    func aNonMatchingEventAfterTheSeenPositionIsNoConflict(_ kind: Kind) throws {
        let (store, dir) = kind.make()
        try store.append([added("Blue").storeEvent, added("Green").storeEvent], condition: nil)
        let seen = try store.read(roomQuery("Blue"))
        try store.append([green], condition: nil)  // a concurrent booking of Green
        let position = try store.append([blue], condition: AppendCondition(failIfEventsMatch: roomQuery("Blue"), after: seen.head))
        #expect(position == Position(4))
        withExtendedLifetime(dir) {}
    }

    @Test(arguments: Kind.allCases)
    func withoutAPositionAnyMatchingEventFailsTheAppend(_ kind: Kind) throws {
        let (store, dir) = kind.make()
        let unique = AppendCondition(failIfEventsMatch: roomQuery("Blue"), after: nil)
        try store.append([added("Blue").storeEvent], condition: unique)
        #expect(throws: EventStoreError.conflict) { try store.append([added("Blue").storeEvent], condition: unique) }
        #expect(try store.read(.all).events.count == 1)
        withExtendedLifetime(dir) {}
    }

    @Test(arguments: Kind.allCases)
    func aFailedConditionAppendsNoneOfTheEvents(_ kind: Kind) throws {
        let (store, dir) = kind.make()
        try store.append([blue], condition: nil)
        #expect(throws: EventStoreError.conflict) {
            try store.append([green, added("Red").storeEvent], condition: AppendCondition(failIfEventsMatch: .all, after: .origin))
        }
        #expect(try store.read(.all).events.map(\.event) == [blue])
        withExtendedLifetime(dir) {}
    }

    @Test(arguments: Kind.allCases)
    func keepsTextExactly(_ kind: Kind) throws {
        let (store, dir) = kind.make()
        let odd = Event(type: "RoomAdded", tags: [Tag("room:Zimmer \"Grün\" \\ 7")!], data: ["room": .string("Zimmer \"Grün\" \\ 7")])
        try store.append([odd], condition: nil)
        #expect(try store.read(.all).events.first?.event == odd)
        withExtendedLifetime(dir) {}
    }
}
