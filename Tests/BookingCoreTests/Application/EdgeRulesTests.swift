import Foundation
import Testing
@testable import BookingCore

/// The promises kept at the edges, as rules: days that can be read back, decisions that decide on what
/// their boundary covers, one clock per decision, and readers that see only durable appends.
struct EdgeRulesTests {
    // MARK: Days past the calendar

    @Test func aStayPastTheLastOrBeforeTheFirstRecordableDayCannotBeMade() {
        #expect(throws: InvalidValue.outOfCalendar("the stay 9999-12-31..10000-01-01")) {
            try Stay(arrival: day("9999-12-31"), departure: day("9999-12-31").adding(days: 1))
        }
        #expect(throws: InvalidValue.outOfCalendar("the stay 0000-12-31..0001-01-02")) {
            try Stay(arrival: day("0001-01-01").adding(days: -1), departure: day("0001-01-02"))
        }
        #expect((try? Stay(arrival: day("9999-12-30"), departure: day("9999-12-31"))) != nil)
    }

    @Test func aFriendlyDayPastTheCalendarIsRefused() {
        #expect(throws: InvalidValue.outOfCalendar("'tomorrow' (10000-01-01)")) { try Day("tomorrow", today: day("9999-12-31")) }
        #expect(throws: InvalidValue.outOfCalendar("'yesterday' (0000-12-31)")) { try Day("yesterday", today: day("0001-01-01")) }
    }

    @Test func aHoldPastTheLastRecordableInstantIsRefusedBeforeAnythingIsDecided() throws {
        let store = InMemoryEventStore()
        let desk = FrontDesk(store: store, clock: .fixed(secondsSince1970: try Instant("9999-12-31T23:00:00Z").secondsSince1970))
        try desk.addRooms([room("Blue")])
        let request = StayRequest(client: nil, target: .room(room("Blue")), stay: stay("9999-12-30", "9999-12-31"), hold: try HoldDuration("2h"))
        #expect(throws: HotelError.rejected(.invalidStay(.outOfCalendar("a hold until 10000-01-01T01:00:00Z")))) { try desk.reserve(request) }
    }

    @Test func aCheckOutWhoseLocalDateIsPastTheCalendarIsRefused() throws {
        let store = InMemoryEventStore()
        let setup = FrontDesk(store: store, clock: .fixed(secondsSince1970: try Instant("9999-12-30T12:00:00Z").secondsSince1970))
        try setup.addRooms([room("Blue")])
        let id = try setup.book(client: client("x"), room: room("Blue"), stay: stay("9999-12-29", "9999-12-31"))
        _ = try setup.record(.checkedIn, id)
        // A desk whose wall clock's local date is 10000-01-01 (a time zone east of UTC late on 9999-12-31).
        let late = FrontDesk(store: store, clock: WallClock { Day.latest.adding(days: 1).ordinal * 86_400 + 3600 })
        #expect(throws: HotelError.rejected(.invalidStay(.outOfCalendar("today (10000-01-01)")))) { try late.record(.checkedOut, id) }
    }

    // MARK: Decisions decide on what their boundary covers

    static let moved: [DomainEvent] = [
        added("A"), added("B"), held("bkH", "A", "2024-05-01", "2024-05-03", until: "2024-04-20T10:00:00Z", client: "7"),
        changed("bkH", from: ("A", "2024-05-01", "2024-05-03"), to: ("B", "2024-05-01", "2024-05-03"), client: "7"),
    ]

    @Test func aConfirmWhoseBoundaryIsAroundTheRoomTheHoldLeftDecidesNothing() {
        // Given a hold moved from A to B, when a confirm drawn around room A decides, then it is refused
        // (its condition covers A, not B), and the command draws its boundary again.
        let confirm = ConfirmHold(booking: bookingID("bkH"), room: room("A"), client: nil, now: t0)
        #expect(given(Self.moved, when: confirm) == .failure(.movedSinceRead(bookingID("bkH"), boundary: room("A"), now: room("B"))))
        let aroundB = ConfirmHold(booking: bookingID("bkH"), room: room("B"), client: nil, now: t0)
        #expect(given(Self.moved, when: aroundB) == .success([confirmed("bkH", "B", client: "7")]))
    }

    @Test func aChangeWhoseBoundaryIsAroundTheRoomTheBookingLeftDecidesNothing() {
        let change = ChangeBooking(booking: bookingID("bkH"), currentRoom: room("A"), departure: day("2024-05-04"), now: t0)
        #expect(given(Self.moved, when: change) == .failure(.movedSinceRead(bookingID("bkH"), boundary: room("A"), now: room("B"))))
    }

    // MARK: One clock per decision

    /// A clock that moves on a second at every reading.
    final class Ticking: @unchecked Sendable {
        var seconds: Int
        init(_ start: String) { seconds = try! Instant(start).secondsSince1970 }
        var clock: WallClock { WallClock { [self] in seconds += 1; return seconds } }
    }

    @Test func aBatchDecidesEveryCommandAtTheTimeItStampsThemWith() throws {
        let directory = TemporaryDirectory()
        let ticking = Ticking("2024-04-20T09:00:00Z")
        let store = JSONLinesEventStore(path: directory.file("events.jsonl"), clock: ticking.clock)
        let desk = FrontDesk(store: store, clock: ticking.clock)
        try desk.addRooms([room("Blue")])
        // A 1-second hold, then, in one batch, ten commands and a booking onto its nights: decided at the
        // batch's one time (the hold still live), so refused, whatever the clock did meanwhile.
        let hold = try desk.reserve(StayRequest(client: client("h"), target: .room(room("Blue")), stay: stay("2024-05-01", "2024-05-03"), hold: try HoldDuration("2s")))
        let refused = try desk.batch { runner -> Bool in
            for i in 0..<10 { _ = try? runner.block(room: room("Blue"), stay: stay("2024-06-0\(i % 9 + 1)", "2024-06-10"), reason: nil) }
            return (try? runner.book(client: client("b"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-02"))) == nil
        }
        #expect(refused)
        #expect(try store.verify().problems.isEmpty)
        #expect(try desk.bookings(matching: BookingFilter()).contains { $0.id == hold.id })
    }

    @Test func aDecisionOvertakenByALaterEventIsDecidedAgainAndTheLogsTimesNeverRunBackwards() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let early = JSONLinesEventStore(path: path, clock: .fixed(secondsSince1970: try Instant("2024-04-20T09:00:00Z").secondsSince1970))
        try early.append([added("Blue").storeEvent, added("Green").storeEvent], condition: nil)
        // Another writer records at 10:00; this desk's clock says 09:00 (it stepped back).
        let late = JSONLinesEventStore(path: path, clock: .fixed(secondsSince1970: try Instant("2024-04-20T10:00:00Z").secondsSince1970))
        try late.append([booked("bkL", "Green", "2024-05-01", "2024-05-02").storeEvent], condition: nil)
        let desk = FrontDesk(store: early, clock: .fixed(secondsSince1970: try Instant("2024-04-20T09:00:00Z").secondsSince1970))
        #expect(desk.now == (try Instant("2024-04-20T10:00:00Z")))
        let id = try desk.command { (runner) throws(HotelError) in try runner.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-02")) }
        let times = try early.read(.all).events.map(\.recordedAt)
        #expect(times == ["2024-04-20T09:00:00Z", "2024-04-20T09:00:00Z", "2024-04-20T10:00:00Z", "2024-04-20T10:00:00Z"])
        #expect(try desk.bookings(matching: BookingFilter()).map(\.id).contains(id))
    }

    @Test func anAppendDecidedBeforeTheLastEventsTimeIsRefusedSoItCanBeDecidedAgain() throws {
        let directory = TemporaryDirectory()
        let store = JSONLinesEventStore(path: directory.file("events.jsonl"), clock: .fixed(secondsSince1970: try Instant("2024-04-20T10:00:00Z").secondsSince1970))
        try store.append([added("Blue").storeEvent], condition: nil)
        let (model, hint) = try store.currentModel()
        #expect(throws: EventStoreError.recordedLater) {
            try store.append([added("Green").storeEvent], condition: AppendCondition(failIfEventsMatch: .all, after: model.head), hint: hint, decidedAt: try Instant("2024-04-20T09:59:59Z"))
        }
        try store.append([added("Green").storeEvent], condition: AppendCondition(failIfEventsMatch: .all, after: model.head), hint: hint, decidedAt: try Instant("2024-04-20T10:00:00Z"))
    }

    // MARK: Readers see only what is durable

    @Test func anAppendUnderWayOrLeftUnfinishedIsNotRead() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let store = JSONLinesEventStore(path: path, clock: .fixed(secondsSince1970: 1_714_550_400))
        try store.append([added("Blue").storeEvent], condition: nil)
        let existing = try Data(contentsOf: URL(fileURLWithPath: path))
        let durable = existing.count
        // A writer records the append it is about to write, writes half of it, and is killed.
        var line: [UInt8] = []
        var chain = HashChain.value(of: Array(existing))
        HashChain.encode(SequencedEvent(position: Position(2), event: added("Green").storeEvent, recordedAt: "2024-05-01T08:00:00Z"), chain: &chain, into: &line)
        HashChain.encode(SequencedEvent(position: Position(3), event: added("Red").storeEvent, recordedAt: "2024-05-01T08:00:00Z"), chain: &chain, into: &line)
        let journal = AppendJournal(lock: try POSIXFile.open(store.lockPath, O_RDWR | O_CREAT)!)
        try journal.begin(AppendJournal.Pending(start: durable, end: durable + line.count))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(line.prefix(line.count - 40)))
        try handle.close()
        #expect(try store.read(.all).events.count == 1)
        #expect(try store.currentModel().model.roomNames() == [room("Blue")])
        // Whole once written, its writer gone: read.
        let rest = try #require(FileHandle(forWritingAtPath: path))
        rest.seekToEndOfFile()
        rest.write(Data(line.suffix(40)))
        try rest.close()
        #expect(try store.read(.all).events.count == 3)
        // The next writer settles it and clears the record.
        try store.append([added("White").storeEvent], condition: nil)
        #expect(try journal.pending() == nil)
        #expect(try store.read(.all).events.count == 4)
    }

    @Test func theNextWriterCutsBackABatchWhoseWriterWasKilled() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let store = JSONLinesEventStore(path: path, clock: .fixed(secondsSince1970: 1_714_550_400))
        try store.append([added("Blue").storeEvent], condition: nil)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var line: [UInt8] = []
        var chain = HashChain.value(of: Array(before))
        HashChain.encode(SequencedEvent(position: Position(2), event: added("Green").storeEvent, recordedAt: "2024-05-01T08:00:00Z"), chain: &chain, into: &line)
        let journal = AppendJournal(lock: try POSIXFile.open(store.lockPath, O_RDWR | O_CREAT)!)
        try journal.begin(AppendJournal.Pending(start: before.count, end: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(line))
        try handle.close()
        // A batch of unknown length whose writer is gone counts for nothing, complete lines or not.
        #expect(try store.read(.all).events.count == 1)
        #expect(try store.verify().events == 1)
        try store.append([added("Red").storeEvent], condition: nil)
        #expect(try store.read(.all).events.map { try DomainEvent($0) } == [added("Blue"), added("Red")])
        #expect(try Data(contentsOf: URL(fileURLWithPath: store.tornPath)) == Data(line + [10]))
    }
}
