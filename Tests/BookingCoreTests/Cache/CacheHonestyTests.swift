import Foundation
import Synchronization
import HotelTestSupport
import Testing
@testable import BookingCore

/// The cache must never change an answer: random command sequences are run against the file store, and
/// every query is answered with a current cache, with the cache deleted, with a stale cache, with a damaged
/// cache, and by the in-memory store; all must agree.
struct CacheHonestyTests {
    /// Every answer the command line can give about a hotel.
    struct Answers: Equatable {
        var head: Position
        var rooms: [RoomName]
        var types: [RoomType?]
        var free: [[RoomName]]
        var freeDoubles: [[RoomName]]
        var all: [Booking]
        var blocks: [Block]
        var byClient: [[Booking]]
        var byRoom: [[Booking]]
        var byDates: [Booking]
        var byDay: [[Booking]]
        var byStatus: [Booking]
        var lookups: [CalendarEntry?]
        var overlaps: [CalendarEntry?]
        var streamed: [[Booking]]
        /// The desk's lists (guests checked in now, overstays among them) and the night audit.
        var dayLists: [[Booking]]
        var audits: [NightAudit]
        /// The parts of stays in earlier rooms (guests moved while checked in), and the occupancy they make.
        var withEarlierRooms: [Booking]
        var occupancy: Occupancy
        /// The money: settings and rates, every folio, and what each booking's balance is.
        var tariff: Tariff
        var folios: [Folio?]
        var balances: [Amount?]
        /// What `hotel balances` lists, by id: read through the index of folios that may be owed.
        var owed: [String]
        /// What the log says of the guests' profiles: each client looked up (the section's binary search),
        /// and every entry (the section read whole).
        var guests: [GuestEntry?]
        var register: [String]
        /// Every room's housekeeping status, and the list of a day.
        var housekeeping: Housekeeping
        var housekeepingLines: [HousekeepingLine]
    }

    static let rooms = ["101", "102", "Blue", "Grün", "Suite 7"].map(room)
    static let clients = ["1", "2", "42"].map(client)
    static let stays: [Stay] = [("2024-05-01", "2024-05-03"), ("2024-05-02", "2024-05-06"), ("2024-04-28", "2024-05-01"), ("2024-05-05", "2024-05-20"), ("2024-12-30", "2025-01-02")].map { stay($0.0, $0.1) }
    static let double = try! RoomType("double")

    static func answers(_ model: any HotelReadModel, ids: [BookingID], now: Instant) -> Answers {
        let days = ["2024-05-01", "2024-05-02", "2024-05-05"].map(day)
        return Answers(
            head: model.head, rooms: model.roomNames(), types: rooms.map(model.roomType),
            free: stays.map { model.freeRooms(for: $0, at: now, ofType: nil) }, freeDoubles: stays.map { model.freeRooms(for: $0, at: now, ofType: double) },
            all: model.bookings(matching: BookingFilter(now: now)), blocks: model.blocks(matching: BlockFilter()),
            byClient: clients.map { model.bookings(matching: BookingFilter(client: $0, now: now)) },
            byRoom: rooms.map { model.bookings(matching: BookingFilter(room: $0, now: now)) },
            byDates: model.bookings(matching: BookingFilter(from: day("2024-05-02"), to: day("2024-05-05"), now: now)),
            byDay: days.flatMap { d -> [[Booking]] in
                var arriving = BookingFilter(statuses: BookingFilter.stayStatuses, now: now), leaving = arriving, staying = arriving
                arriving.arrival = d
                leaving.departure = d
                staying.from = d
                staying.to = d.adding(days: 1)
                return [arriving, leaving, staying].map(model.bookings(matching:))
            },
            byStatus: model.bookings(matching: BookingFilter(statuses: [.held, .expired, .checkedIn], now: now)),
            lookups: (ids + [bookingID("bkNone")]).map(model.entry),
            overlaps: rooms.flatMap { r in stays.map { model.firstHolding(room: r, stay: $0, at: now, except: nil) } },
            streamed: [BookingFilter(now: now), BookingFilter(from: day("2024-05-02"), to: day("2024-05-05"), now: now), BookingFilter(to: day("2024-05-02"), now: now), BookingFilter(client: clients[2], now: now)].map { filter in
                var seen: [Booking] = []
                model.forEachBooking(matching: filter) { seen.append($0) }
                return seen
            },
            dayLists: (days + [now.localDay]).flatMap { d in DayList.allCases.map { model.stays($0, on: d, at: now) } },
            audits: (days + [now.localDay]).map { NightAudit(model, on: $0, at: now) },
            withEarlierRooms: {
                var filter = BookingFilter(from: day("2024-04-28"), to: day("2024-05-20"), now: now)
                filter.includesEarlierRooms = true
                return model.bookings(matching: filter)
            }(),
            occupancy: Occupancy(model, nights: stay("2024-04-28", "2024-05-20"), by: .room, at: now),
            tariff: model.tariff, folios: ids.map(model.folio),
            balances: ids.map { id in model.folio(id).flatMap { folio in model.booking(id).map { folio.balance(of: $0, at: now) } } },
            owed: {
                var owed: [String] = []
                model.forEachFolioThatMayBeOwed { id, folio in
                    guard let booking = model.booking(id), Folio.isOwed(balance: folio.balance(of: booking, at: now), status: booking.status(at: now)) else { return }
                    owed.append(id.rawValue)
                }
                return owed.sorted()
            }(),
            guests: (clients + [client("77"), client("0")]).map(model.guest),
            register: {
                var entries: [String] = []
                model.forEachGuest { entries.append("\($0) \($1)") }
                return entries.sorted()
            }(),
            housekeeping: model.housekeeping, housekeepingLines: model.housekeepingLines(on: day("2024-05-02"), statuses: [], at: now))
    }

    /// Runs a random command on both desks; they must agree on the outcome.
    static func step(_ random: inout SplitMix, _ desks: [FrontDesk], _ ids: inout [BookingID]) throws {
        func same<T: Equatable>(_ run: (FrontDesk) -> Result<T, HotelError>) -> Result<T, HotelError> {
            let results = desks.map(run)
            #expect(results.allSatisfy { $0 == results[0] }, "\(results)")
            return results[0]
        }
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        let id = ids.isEmpty ? bookingID("bkNone") : pick(ids)
        switch random.next() % 33 {
        case 0, 1:
            let rooms = [pick(rooms)], type = random.next() % 2 == 0 ? RoomType.standard : double
            _ = same { desk in Result { () throws(HotelError) in try desk.addRooms(rooms, type: type) }.map { 0 } }
        case 2, 3, 4, 5, 6:
            let r = pick(rooms), c = pick(clients), s = pick(stays)
            if case .success(let id) = same({ desk in Result { () throws(HotelError) in try desk.book(client: c, room: r, stay: s) } }) { ids.append(id) }
        case 7:
            let request = StayRequest(client: pick(clients), target: .type(double), stay: pick(stays))
            if case .success(let booking) = same({ desk in Result { () throws(HotelError) in try desk.reserve(request) } }) { ids.append(booking.id) }
        case 8, 9:
            let target: StayRequest.Target = random.next() % 3 == 0 ? .type(double) : .room(pick(rooms))
            let request = StayRequest(client: random.next() % 2 == 0 ? nil : pick(clients), target: target, stay: pick(stays), hold: pick([try HoldDuration("30m"), try HoldDuration("3h")]))
            if case .success(let booking) = same({ desk in Result { () throws(HotelError) in try desk.reserve(request) } }) { ids.append(booking.id) }
        case 10:
            let c: ClientID? = random.next() % 2 == 0 ? nil : pick(clients)
            _ = same { desk in Result { () throws(HotelError) in try desk.confirm(id, client: c) } }
        case 11:
            _ = same { desk in Result { () throws(HotelError) in try desk.release(id) } }
        case 12, 13:
            let r: RoomName? = random.next() % 2 == 0 ? nil : pick(rooms), s = pick(stays)
            let from: Day? = random.next() % 3 == 0 ? nil : s.arrival, to: Day? = random.next() % 3 == 0 ? nil : s.departure
            _ = same { desk in Result { () throws(HotelError) in try desk.change(id, room: r, arrival: from, departure: to) } }
        case 14:
            _ = same { desk in Result { () throws(HotelError) in try desk.record(.checkedIn, id) } }
        case 15:
            let kind = pick([StayMilestone.Kind.checkedOut, .noShow])
            _ = same { desk in Result { () throws(HotelError) in try desk.record(kind, id) } }
        case 16:
            let r = pick(rooms), s = pick(stays), reason: Reason? = random.next() % 2 == 0 ? nil : try Reason("paint")
            if case .success(let block) = same({ desk in Result { () throws(HotelError) in try desk.block(room: r, stay: s, reason: reason) } }) { ids.append(block) }
        case 17:
            _ = same { desk in Result { () throws(HotelError) in try desk.unblock(id) } }
        case 18, 19:
            let reason: Reason? = random.next() % 2 == 0 ? nil : try Reason("mistake")
            _ = same { desk in Result { () throws(HotelError) in try desk.undo(id, reason: reason) } }
        case 20:
            // The guests' register (the values are the side file's, which only the file store has).
            let c = pick(clients), revision = try GuestRevision(String(format: "%016llx", random.next()))
            _ = same { desk in Result { () throws(HotelError) in
                try desk.run(SetGuestProfile(client: c, revision: revision, fields: [.name], expected: try desk.model().guest(c)?.revision)).events.count
            } }
        case 21:
            let c = pick(clients), at = Instant(secondsSince1970: desks[0].clock.secondsSince1970())
            _ = same { desk in Result { () throws(HotelError) in try desk.run(ForgetGuest(client: c, reason: nil, now: at)).events.count } }
        case 22:
            _ = same { desk in Result { () throws(HotelError) in try desk.changeSetting(.currency, to: "EUR") }.map { 0 } }
        case 23:
            let price = pick(["100", "120.50"]), nights: Stay? = pick([nil, stays[1]]), days: [Weekday] = pick([[], [.sat, .sun]])
            _ = same { desk in Result { () throws(HotelError) in try desk.setRate(double, price: price, nights: nights, days: days) }.map { 0 } }
        case 24:
            let kind = pick([Posting.Kind.payment, .extra, .refund]), amount = pick(["50", "12.25"])
            let what = try FolioText("breakfast")
            _ = same { desk in Result { () throws(HotelError) in try desk.post(kind, to: id, amount: amount, what: what, method: .card) } }
        case 25:
            let hold: HoldDuration? = random.next() % 2 == 0 ? nil : try HoldDuration("3h")
            let request = StayRequest(client: pick(clients), target: .room(pick(rooms)), stay: pick(stays), hold: hold, price: "95")
            if case .success(let booking) = same({ desk in Result { () throws(HotelError) in try desk.reserve(request) } }) { ids.append(booking.id) }
        case 26:
            _ = same { desk in Result { () throws(HotelError) in try desk.cancel(id, reason: nil, fee: "30") } }
        case 28:
            let request = StayRequest(client: random.next() % 2 == 0 ? nil : pick(clients), target: .room(pick(rooms)), stay: pick(stays), hold: try HoldDuration("3h"), deposit: "50")
            if case .success(let booking) = same({ desk in Result { () throws(HotelError) in try desk.reserve(request) } }) { ids.append(booking.id) }
        case 29, 30:
            let credit = random.next() % 3 == 0
            _ = same { desk in Result { () throws(HotelError) in try desk.invoice(id, credit: credit) } }
        case 31:
            // Housekeeping: a status set on rooms (a check-out makes its room dirty too).
            let status = pick(HousekeepingStatus.allCases), r = [pick(rooms), pick(rooms)]
            _ = same { desk in Result { () throws(HotelError) in try desk.setRoomStatus(r, to: status) }.map { 0 } }
        case 32:
            let dirtyOK = random.next() % 2 == 0
            _ = same { desk in Result { () throws(HotelError) in try desk.record(.checkedIn, id, dirtyOK: dirtyOK) } }
        default:
            let reason: Reason? = random.next() % 2 == 0 ? nil : try Reason("asked")
            _ = same { desk in Result { () throws(HotelError) in try desk.cancel(id, reason: reason) } }
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func everyCacheStateGivesTheSameAnswers(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        // A clock both desks read, moved by the test: holds expire and days pass between commands.
        let time = Mutex(try Instant("2024-04-30T06:00:00Z").secondsSince1970)
        let clock = WallClock { time.withLock { $0 } }
        let file = JSONLinesEventStore(path: path, clock: clock, cacheThreshold: 0)
        let memory = InMemoryEventStore()
        // Both desks draw the same ids.
        let desks = [
            FrontDesk(store: file, newBookingID: .incrementing(), clock: clock), FrontDesk(store: memory, newBookingID: .incrementing(), clock: clock),
        ]
        var random = SplitMix(seed: seed)
        var ids: [BookingID] = []
        var staleCache: Data?
        // Money in the currency from the start, so that rates, prices and postings are recorded (a store
        // without one refuses them, which the decision tables cover).
        for desk in desks { try desk.changeSetting(.currency, to: "EUR") }
        // At least 160 commands, and on until the log is varied enough to mean something (checked below).
        func varied() throws -> Bool {
            let model = try desks[1].model()
            let all = model.bookings(matching: BookingFilter())
            return Set(all.map(\.status)).count >= 3 && ids.contains { model.folio($0)?.price != nil } && ids.contains { model.folio($0)?.openInvoice != nil }
                && ids.contains { model.folio($0)?.postings.isEmpty == false }
                && model.housekeeping.isRecorded && Set(model.housekeeping.statuses.values).count >= 2
                && Self.clients.contains { model.guest($0)?.revision != nil }
        }
        var i = 0
        while try i < 160 || (i < 600 && !varied()) {
            try Self.step(&random, desks, &ids)
            time.withLock { $0 += Int(random.next() % 4 * 3600) }
            if i == 50 { staleCache = try? Data(contentsOf: URL(fileURLWithPath: file.cachePath)) }
            i += 1
        }
        let now = Instant(secondsSince1970: time.withLock { $0 })
        let expectedAnswers = Self.answers(try desks[1].model(), ids: ids, now: now)
        #expect(expectedAnswers.all.count > 5)
        #expect(expectedAnswers.guests.contains { $0?.revision != nil } && !expectedAnswers.register.isEmpty, "\(expectedAnswers.register)")
        #expect(expectedAnswers.housekeeping.isRecorded && Set(expectedAnswers.housekeeping.statuses.values).count >= 2, "\(expectedAnswers.housekeeping)")
        #expect(expectedAnswers.folios.contains { $0?.postings.isEmpty == false } && expectedAnswers.folios.contains { $0?.price != nil })
        #expect(Set(expectedAnswers.all.map(\.status)).count >= 3, "\(Set(expectedAnswers.all.map(\.status))) \(expectedAnswers.all.count) \(expectedAnswers.rooms)")

        // Every section answers: the stay calendar, and the history index (as of the end and of the middle),
        // of every booking and every client's profile.
        let middle = Position(try memory.read(.all).head.rawValue / 2)
        let subjects = ids.map(HistorySubject.booking) + Self.clients.map(HistorySubject.guest)
        let histories = try subjects.flatMap { subject in
            try [nil, middle].map { last in try memory.read(subject.query).events.map(\.position).filter { last == nil || $0 <= last! } }
        }
        let profileEvents = try Self.clients.map { try memory.read(HistorySubject.guest($0).query).events.count }
        #expect(histories.contains { !$0.isEmpty } && profileEvents.contains { $0 > 0 }, "\(profileEvents)")
        struct Both: Equatable {
            var answers: Answers
            var histories: [[Position]]
        }
        let expected = Both(answers: expectedAnswers, histories: histories)
        func answers(_ store: JSONLinesEventStore) throws -> Both {
            let found = try subjects.flatMap { subject in
                try [nil, middle].map { last in
                    var positions: [Position] = []
                    try store.forEachLine(about: subject, through: last) { _, position in positions.append(position); return true }
                    return positions
                }
            }
            return Both(answers: Self.answers(try store.currentModel().model, ids: ids, now: now), histories: found)
        }
        // A current cache.
        #expect(try answers(file) == expected)
        #expect(FileManager.default.fileExists(atPath: file.cachePath))
        // No cache, and no cache written (a short log): plain replay.
        try FileManager.default.removeItem(atPath: file.cachePath)
        #expect(try answers(JSONLinesEventStore(path: path)) == expected)
        // A stale cache: the snapshot of an earlier prefix, plus the tail.
        try #require(staleCache).write(to: URL(fileURLWithPath: file.cachePath))
        #expect(try answers(JSONLinesEventStore(path: path)) == expected)
        #expect(try answers(file) == expected)
        // Damaged caches: truncated, zeroed header, random bytes, empty.
        let good = try Data(contentsOf: URL(fileURLWithPath: file.cachePath))
        var damaged = [good.prefix(good.count / 2), Data(count: 200) + good.dropFirst(200), Data(), Data((0..<4096).map { _ in UInt8(truncatingIfNeeded: random.next()) })]
        var header = good
        header[16] ^= 0x40  // the covered offset
        damaged.append(header)
        for bytes in damaged {
            try bytes.write(to: URL(fileURLWithPath: file.cachePath))
            #expect(try answers(file) == expected)
        }
        // A cache that cannot be written (a directory stands in its way): the whole log folded in memory.
        try FileManager.default.removeItem(atPath: file.cachePath)
        try FileManager.default.createDirectory(atPath: file.cachePath, withIntermediateDirectories: false)
        #expect(try answers(JSONLinesEventStore(path: path, cacheThreshold: 0)) == expected)
        try FileManager.default.removeItem(atPath: file.cachePath)
        #expect(try answers(file) == expected)
        // A cache of another log.
        try FileManager.default.copyItem(atPath: file.cachePath, toPath: directory.file("other.jsonl.cache"))
        try Data(try Data(contentsOf: URL(fileURLWithPath: path)).prefix(100)).write(to: URL(fileURLWithPath: directory.file("other.jsonl")))
        #expect(throws: Never.self) { try JSONLinesEventStore(path: directory.file("other.jsonl")).currentModel() }
    }

    @Test func aReadOnlyDirectoryStillAnswers() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("events.jsonl")
        let desk = FrontDesk(store: JSONLinesEventStore(path: path), newBookingID: .incrementing())
        try desk.addRooms([room("Blue")])
        _ = try desk.book(client: client("1"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-02"))
        // A cache path that cannot be written: a directory stands in its way.
        try FileManager.default.createDirectory(atPath: path + ".cache", withIntermediateDirectories: false)
        let forced = FrontDesk(store: JSONLinesEventStore(path: path, cacheThreshold: 0))
        #expect(try forced.freeRooms(for: stay("2024-05-01", "2024-05-02")) == [])
        #expect(try forced.bookings(matching: BookingFilter()).count == 1)
    }
}
