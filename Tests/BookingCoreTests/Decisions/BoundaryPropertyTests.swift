import HotelTestSupport
import Testing
@testable import BookingCore

/// A decision sees only its boundary: over random command sequences, every decision decides the same
/// (the same events, or the same error) on the model of the whole log and on a model folded from only the
/// events its query matches. Its state then holds everything its `decide` reads, and its append condition,
/// drawn with the same query, covers all of it.
struct BoundaryPropertyTests {
    static let rooms = ["Blue", "Green", "Red", "301", "302"].map(room)
    static let suite = try! RoomType("suite")
    static let clients = ["1", "2", "42"].map(client)
    static let durations = ["90s", "30m", "3h", "1d"].map { try! HoldDuration($0) }
    static let keys = ["k1", "k2"].map { try! IdempotencyKey($0) }

    /// Runs one random command on `desk`: book, hold, confirm, release, cancel, change (moving checked-in
    /// guests too), checkin, checkout, noshow, undo, block, unblock, add rooms, set or forget a guest's profile, on ids and rooms of the hotel (and some it does not have).
    static func step(_ random: inout SplitMix, _ desk: BoundaryCheckingDesk, _ ids: inout [BookingID]) {
        func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &random)] }
        func maybe<T>(_ value: @autoclosure () -> T) -> T? { Bool.random(using: &random) ? value() : nil }
        /// A stay near today: arrivals from two days ago to ten days ahead, one to four nights.
        func randomStay() -> Stay {
            let arrival = desk.today.adding(days: Int.random(in: -2...10, using: &random))
            return try! Stay(arrival: arrival, departure: arrival.adding(days: Int.random(in: 1...4, using: &random)))
        }
        // Mostly the newest id (a hold is confirmed soon after it is made), else any, now and then none.
        /// Now and then an idempotency key (there are two: most uses repeat or reuse one).
        func key() -> IdempotencyKey? { Int.random(in: 0..<4, using: &random) == 0 ? pick(keys) : nil }
        let id = ids.isEmpty || Int.random(in: 0..<12, using: &random) == 0 ? bookingID("bkNone") : Bool.random(using: &random) ? ids.last! : pick(ids)
        do throws(HotelError) {
            switch Int.random(in: 0..<40, using: &random) {
            case 0, 1:
                let names = (0..<Int.random(in: 1...2, using: &random)).map { _ in pick(rooms) }
                try desk.addRooms(names, type: Bool.random(using: &random) ? .standard : suite)
            case 2, 3, 4, 5:
                let target: StayRequest.Target = Int.random(in: 0..<3, using: &random) == 0 ? .type(pick([.standard, suite])) : .room(pick(rooms))
                let request = StayRequest(client: pick(clients), target: target, stay: randomStay(), idempotencyKey: key())
                ids.append(try desk.reserve(request).id)
            case 6, 7, 8:
                let target: StayRequest.Target = Int.random(in: 0..<3, using: &random) == 0 ? .type(pick([.standard, suite])) : .room(pick(rooms))
                let request = StayRequest(
                    client: maybe(pick(clients)), target: target, stay: randomStay(), hold: pick(durations), idempotencyKey: key())
                ids.append(try desk.reserve(request).id)
            case 9, 10, 34:
                _ = try desk.confirm(id, client: maybe(pick(clients)))
            case 11, 33:
                _ = try desk.release(id)
            case 12:
                _ = try desk.cancel(id, reason: maybe(try! Reason("asked")))
            case 13, 14, 15:
                let moved = randomStay()
                _ = try desk.change(id, room: maybe(pick(rooms)), arrival: maybe(moved.arrival), departure: maybe(moved.departure))
            case 16, 17:
                _ = try desk.record(.checkedIn, id)
            case 18:
                _ = try desk.record(pick([.checkedOut, .noShow]), id)
            case 19:
                ids.append(try desk.block(room: pick(rooms), stay: randomStay(), reason: maybe(try! Reason("paint"))))
            case 20, 21:
                _ = try desk.undo(id, reason: maybe(try! Reason("mistake")))
            case 22, 23:
                _ = try desk.unblock(id)
            case 24, 35:
                try desk.changeSetting(.currency, to: pick(["EUR", "EUR", "USD"]))
            case 25:
                let nights = maybe(randomStay())
                try desk.setRate(pick([.standard, suite]), price: pick(["100", "80.5", "1.999"]), nights: nights, days: maybe([Weekday.sat, .sun]) ?? [])
            case 26, 27, 28:
                _ = try desk.post(pick([.payment, .extra, .refund]), to: id, amount: pick(["50", "12.25", "0"]), what: try! FolioText("breakfast"), method: .card)
            case 29:
                let request = StayRequest(client: pick(clients), target: .room(pick(rooms)), stay: randomStay(), hold: maybe(pick(durations)), price: pick(["95", nil]))
                ids.append(try desk.reserve(request).id)
            case 31:
                let request = StayRequest(client: maybe(pick(clients)), target: .room(pick(rooms)), stay: randomStay(), hold: pick(durations), deposit: pick(["50", "100"]))
                ids.append(try desk.reserve(request).id)
            case 32:
                _ = try desk.invoice(id, credit: Bool.random(using: &random))
            case 36:
                try desk.setGuest(pick(clients), [pick(GuestField.allCases): pick(["Ana", "+41 1", "b@c.d"])])
            case 37:
                try desk.forgetGuest(pick(clients), reason: maybe(try! Reason("asked")))
            case 38:
                try desk.setRoomStatus([pick(rooms), pick(rooms)], to: pick(HousekeepingStatus.allCases), reason: maybe(try! Reason("spill")))
            case 39:
                _ = try desk.record(.checkedIn, id, dirtyOK: Bool.random(using: &random))
            default:
                _ = try desk.cancel(id, reason: nil, fee: maybe("30"))
            }
        } catch {
            // A refusal is an outcome too: the desk compared it on both models.
        }
    }

    @Test func everyDecisionDecidesTheSameOnItsBoundaryAsOnTheWholeLog() {
        var decided: [String: Int] = [:], accepted: [String: Int] = [:]
        var failures: [String: [String]] = [:]
        for seed in 1...360 as ClosedRange<UInt64> {
            // Given a random log so far,
            var random = SplitMix(seed: seed)
            let desk = BoundaryCheckingDesk(time: instant("2024-04-30T06:00:00Z"))
            var ids: [BookingID] = []
            for _ in 0..<120 {
                // when each command's decision is decided on the whole log and on its boundary,
                Self.step(&random, desk, &ids)
                // The clock moves on: not at all, minutes (holds expire), or hours (days pass).
                desk.time += [0, 0, 60, 600, 3600, 4 * 3600, 12 * 3600].randomElement(using: &random)! + Int.random(in: 0..<60, using: &random)
            }
            for mismatch in desk.mismatches {
                failures[String(mismatch.decision.prefix { $0 != "(" }), default: []].append("seed \(seed): \(mismatch)")
            }
            decided.merge(desk.decided, uniquingKeysWith: +)
            accepted.merge(desk.accepted, uniquingKeysWith: +)
        }
        // then both give the same outcome, for every kind of decision.
        for (name, examples) in failures.sorted(by: { $0.key < $1.key }) {
            Issue.record("\(name) decided differently on its boundary \(examples.count) times; the first:\n\(examples[0])")
        }
        // Every decision was tried, and recorded something, often enough to mean something.
        let names = ["AddRooms", "ReserveStay", "ConfirmHold", "ReleaseHold", "CancelBooking", "ChangeBooking", "RecordMilestone", "BlockRoom", "UnblockRoom", "UndoLastStep", "ChangeSetting", "SetRate", "PostToFolio", "IssueInvoice", "SetGuestProfile", "ForgetGuest", "SetRoomStatus"]
        for name in names {
            #expect(decided[name, default: 0] > 1000, "\(name): \(decided[name, default: 0]) decided")
            #expect(accepted[name, default: 0] > 50, "\(name): \(accepted[name, default: 0]) accepted")
        }
    }
}
