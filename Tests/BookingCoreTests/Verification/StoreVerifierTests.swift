import Testing
@testable import BookingCore

struct StoreVerifierTests {
    /// The log lines of `events`, recorded at positions 1, 2, 3, ..., chained as `hotel` writes them.
    func log(_ events: [DomainEvent]) -> [UInt8] {
        var bytes: [UInt8] = []
        var chain = HashChain.origin
        for (i, event) in events.enumerated() {
            HashChain.encode(SequencedEvent(position: Position(i + 1), event: event.storeEvent, recordedAt: "2024-05-01T08:00:00Z"), chain: &chain, into: &bytes)
        }
        return bytes
    }

    /// The lines of `events` as written before the hash chain: without previousHash.
    func unchainedLog(_ events: [DomainEvent]) -> [UInt8] {
        var bytes: [UInt8] = []
        for (i, event) in events.enumerated() {
            EventLine.encode(SequencedEvent(position: Position(i + 1), event: event.storeEvent, recordedAt: "2024-05-01T08:00:00Z"), previousHash: nil, into: &bytes)
        }
        return bytes
    }

    func line(_ text: String) -> [UInt8] { Array((text + "\n").utf8) }

    let sound: [DomainEvent] = [
        added("Blue"), added("Green"), booked("bk1", "Blue", "2024-05-01", "2024-05-03"), booked("bk2", "Blue", "2024-05-03", "2024-05-04"),
        cancelled("bk1", "Blue"), booked("bk3", "Blue", "2024-05-01", "2024-05-03"),
    ]

    @Test func aSoundLogHasNoProblemsAndIsCounted() {
        let report = StoreVerifier.verify(log(sound))
        #expect(report.problems == [])
        #expect(report.warnings == [])
        #expect((report.events, report.rooms, report.bookings, report.cancelled, report.lastPosition) == (6, 2, 3, 1, Position(6)))
    }

    @Test func anEmptyLogIsSound() {
        #expect(StoreVerifier.verify([]).isSound)
    }

    /// Issue 21: a check-in into a dirty room must say it was let through; a log that records housekeeping
    /// (a status set) is held to it, an older one (check-outs and check-ins only) is not.
    @Test func aCheckInToADirtyRoomMustSaySo() {
        let stays = [added("Blue"), booked("bk1", "Blue", "2024-05-01", "2024-05-02"), milestone(.checkedIn, "bk1", "Blue", on: "2024-05-01"),
                     milestone(.checkedOut, "bk1", "Blue", on: "2024-05-02"), booked("bk2", "Blue", "2024-05-02", "2024-05-03", client: "7")]
        let quiet = milestone(.checkedIn, "bk2", "Blue", on: "2024-05-02", client: "7")
        var saying = StayMilestone(.checkedIn, booking: bookingID("bk2"), client: client("7"), room: room("Blue"), day: day("2024-05-02"))
        saying.roomWasDirty = true
        let status: DomainEvent = .roomStatusSet(RoomStatusSet(room: room("Blue"), status: .dirty))
        // An old log: as before.
        #expect(StoreVerifier.verify(log(stays + [quiet])).problems == [])
        #expect(StoreVerifier.verify(log(stays + [.stayMilestone(saying)])).problems == [])
        let recorded = stays + [status]
        #expect(StoreVerifier.verify(log(recorded + [quiet])).problems.map(\.message) == ["checks in booking bk2 to room 'Blue', which was dirty, without --dirty-ok"])
        #expect(StoreVerifier.verify(log(recorded + [.stayMilestone(saying)])).problems == [])
        let cleaned = recorded + [.roomStatusSet(RoomStatusSet(room: room("Blue"), status: .clean))]
        #expect(StoreVerifier.verify(log(cleaned + [quiet])).problems == [])
        #expect(StoreVerifier.verify(log(cleaned + [.stayMilestone(saying)])).problems.map(\.message) == ["checks in booking bk2 saying room 'Blue' was dirty, but it was clean"])
        #expect(StoreVerifier.verify(log([status])).problems.map(\.message) == ["sets the status of room 'Blue', which was never added"])
    }

    @Test(arguments: [
        ([added("Blue"), added("Blue")], 2, "room 'Blue' is added again (first on line 1)"),
        ([added("Blue"), booked("bk1", "Green", "2024-05-01", "2024-05-02")], 2, "booking bk1 is of room 'Green', which is not registered"),
        ([added("Blue"), booked("bk1", "Blue", "2024-05-01", "2024-05-05"), booked("bk2", "Blue", "2024-05-04", "2024-05-06")], 3,
         "booking bk2 of room 'Blue' for 2024-05-04..2024-05-06 overlaps active booking bk1 for 2024-05-01..2024-05-05"),
        ([added("Blue"), booked("bk1", "Blue", "2024-05-01", "2024-05-02"), booked("bk1", "Blue", "2024-06-01", "2024-06-02")], 3, "booking id bk1 is used again (first on line 2)"),
        ([added("Blue"), cancelled("bk9", "Blue")], 2, "cancels booking bk9, which does not exist"),
        ([added("Blue"), booked("bk1", "Blue", "2024-05-01", "2024-05-02"), cancelled("bk1", "Blue"), cancelled("bk1", "Blue")], 4, "cancels booking bk1, which is already cancelled"),
        ([added("Blue"), added("Green"), booked("bk1", "Blue", "2024-05-01", "2024-05-02"), cancelled("bk1", "Green")], 4,
         "cancels booking bk1 with room 'Green' and client '42', but it was booked (line 3) with room 'Blue' and client '42'"),
    ])
    func findsBrokenRulesOnReplay(_ events: [DomainEvent], line: Int, message: String) {
        let bytes = log(events)
        let offset = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).prefix(line - 1).reduce(0) { $0 + $1.count + 1 }
        #expect(StoreVerifier.verify(bytes).problems == [.init(line: line, offset: offset, message: message)])
    }

    @Test func reportsEveryBadLineAndGoesOn() {
        // An old log (no previousHash on any line), so that only its other problems are found.
        let first = unchainedLog([added("Blue")])
        var bytes = first
        bytes += line("garbage")
        bytes += line(#"{"position":3,"type":"RoomPainted","tags":[],"data":{},"recordedAt":"2024-05-01T00:00:00Z"}"#)
        bytes += line(#"{"position":3,"type":"RoomAdded","tags":[],"data":{"room":"Red"},"recordedAt":"2024-05-01T00:00:00Z"}"#)
        bytes += line(#"{"position":5,"type":"RoomAdded","tags":["room:Pink"],"data":{"room":"Pink"}}"#)
        let report = StoreVerifier.verify(bytes)
        let offsets = [first.count, first.count + 8, first.count + 8 + 92]
        #expect(report.problems.map(\.line) == [2, 3, 4, 4, 5])
        #expect(report.problems.map(\.offset).prefix(3) == offsets[...])
        #expect(report.problems.map(\.message) == [
            "invalid JSON: unexpected character 'g'",
            "RoomPainted event: unknown event type; this store may have been written by a newer version of hotel",
            "position 3 repeated or out of order, expected 4",
            "RoomAdded event lacks the tags room:Red, so queries by tag miss it",
            "the envelope's \"recordedAt\" must be a string",
        ])
    }

    @Test(arguments: [
        (#"{"position":2,"type":"RoomAdded","tags":["room:Red"],"data":{"room":"Red"},"recordedAt":"yesterday"}"#,
         "the recorded time is not an ISO 8601 UTC time such as 2024-05-01T12:00:00Z"),
        (#"{"position":2,"type":"RoomBooked","tags":["booking:bk1","room:Blue","client:42"],"data":{"bookingId":"bk1","client":"42","room":"Blue","arrival":"2024-05-01","departure":"2026-04-30"},"recordedAt":"2024-04-01T00:00:00Z"}"#,
         "booking bk1 for 2024-05-01..2026-04-30 has 729 nights, more than the 366 a stay may have"),
        (#"{"position":2,"type":"RoomHeld","tags":["booking:bk1","room:Blue"],"data":{"bookingId":"bk1","room":"Blue","arrival":"2024-05-01","departure":"2024-05-02","expiresAt":"2099-01-01T00:00:00Z"},"recordedAt":"2024-04-01T00:00:00Z"}"#,
         "hold bk1 expires at 2099-01-01T00:00:00Z, more than 30 days after it was recorded"),
    ])
    func findsWhatNoCommandWrites(_ text: String, message: String) {
        let first = unchainedLog([added("Blue")])
        #expect(StoreVerifier.verify(first + line(text)).problems == [.init(line: 2, offset: first.count, message: message)])
    }

    @Test func aHoldThatAnEarlierLineReliedOnAsExpiredStaysExpiredWhenALaterLinesClockIsEarlier() {
        // Given a hold until 10:00, a booking onto its nights recorded at 11:00 (it saw the hold expired),
        // then a confirm of the hold recorded at 09:30 (a clock stepped back): the confirm is flagged.
        let lines = [
            #"{"position":1,"type":"RoomAdded","tags":["room:Blue"],"data":{"room":"Blue","type":"standard"},"recordedAt":"2024-04-01T08:00:00Z"}"#,
            #"{"position":2,"type":"RoomHeld","tags":["booking:bkH","room:Blue","client:7"],"data":{"bookingId":"bkH","client":"7","room":"Blue","arrival":"2024-05-01","departure":"2024-05-03","expiresAt":"2024-04-01T10:00:00Z"},"recordedAt":"2024-04-01T09:00:00Z"}"#,
            #"{"position":3,"type":"RoomBooked","tags":["booking:bkB","room:Blue","client:8"],"data":{"bookingId":"bkB","client":"8","room":"Blue","arrival":"2024-05-01","departure":"2024-05-03"},"recordedAt":"2024-04-01T11:00:00Z"}"#,
            #"{"position":4,"type":"HoldConfirmed","tags":["booking:bkH","room:Blue","client:7"],"data":{"bookingId":"bkH","client":"7","room":"Blue"},"recordedAt":"2024-04-01T09:30:00Z"}"#,
        ]
        let messages = StoreVerifier.verify(lines.flatMap(line)).problems.map(\.message)
        #expect(messages.contains("confirms booking bkH, which expired at 2024-04-01T10:00:00Z"), "\(messages)")
    }

    @Test func anUnterminatedLastLineIsOnlyAWarning() {
        let bytes = log(sound) + Array(#"{"position":7,"ty"#.utf8)
        let report = StoreVerifier.verify(bytes)
        #expect(report.isSound)
        #expect(report.events == 6)
        #expect(report.warnings.map(\.line) == [7])
        #expect(report.warnings.map(\.offset) == [log(sound).count])
    }

    @Test func theCalendarFindsTheEarliestOverlapAndForgetsCancelled() {
        var hotel = HotelProjection([added("Blue")])
        hotel.apply(booked("b", "Blue", "2024-05-10", "2024-05-12"))
        hotel.apply(booked("a", "Blue", "2024-05-01", "2024-05-03"))
        hotel.apply(booked("c", "Blue", "2024-05-20", "2024-05-25"))
        #expect(hotel.firstActiveOverlap(room: room("Blue"), stay: stay("2024-05-03", "2024-05-10")) == nil)
        #expect(hotel.firstActiveOverlap(room: room("Blue"), stay: stay("2024-05-02", "2024-05-22"))?.id == bookingID("a"))
        #expect(hotel.firstActiveOverlap(room: room("Blue"), stay: stay("2024-05-11", "2024-05-30"))?.id == bookingID("b"))
        hotel.apply(cancelled("b", "Blue"))
        #expect(hotel.firstActiveOverlap(room: room("Blue"), stay: stay("2024-05-11", "2024-05-19")) == nil)
        #expect(hotel.firstActiveOverlap(room: room("Blue"), stay: stay("2024-05-11", "2024-05-30"))?.id == bookingID("c"))
    }
}

/// The lifecycle's rules on replay: what `verify` reports about holds, changes, arrivals and blocks.
struct LifecycleVerificationTests {
    func log(_ events: [DomainEvent], at recordedAt: String = "2024-05-01T08:00:00Z") -> [UInt8] {
        var bytes: [UInt8] = []
        var chain = HashChain.origin
        for (i, event) in events.enumerated() {
            HashChain.encode(SequencedEvent(position: Position(i + 1), event: event.storeEvent, recordedAt: recordedAt), chain: &chain, into: &bytes)
        }
        return bytes
    }

    static let base: [DomainEvent] = [added("Blue"), added("Green"), booked("bkA", "Blue", "2024-05-01", "2024-05-05")]

    @Test func aWholeLifecycleIsSound() {
        let events = Self.base + [
            held("bkH", "Green", "2024-05-01", "2024-05-03", until: "2024-05-01T09:00:00Z"), confirmed("bkH", "Green", client: "7"),
            changed("bkH", from: ("Green", "2024-05-01", "2024-05-03"), to: ("Green", "2024-05-01", "2024-05-04"), client: "7"),
            milestone(.checkedIn, "bkA", "Blue", on: "2024-05-01"), milestone(.checkedOut, "bkA", "Blue", on: "2024-05-03"),
            milestone(.noShow, "bkH", "Green", on: "2024-05-01", client: "7"), blocked("blX", "Blue", "2024-05-03", "2024-05-06"), unblocked("blX", "Blue"),
            // A hold that expired (recorded 08:00, expiring 07:00) does not stand in the way of a booking.
            held("bkE", "Blue", "2024-06-01", "2024-06-03", until: "2024-05-01T07:00:00Z"), booked("bkB", "Blue", "2024-06-01", "2024-06-02"),
        ]
        let report = StoreVerifier.verify(log(events))
        #expect(report.problems == [])
        #expect((report.bookings, report.blocks) == (4, 1))
    }

    @Test(arguments: [
        ([held("bkH", "Blue", "2024-05-01", "2024-05-03", until: "2024-05-01T09:00:00Z", client: "4"), milestone(.checkedIn, "bkH", "Blue", on: "2024-05-01", client: "4")],
         "checks in booking bkH, which was never confirmed"),
        ([held("bkH", "Blue", "2024-06-01", "2024-06-03", until: "2024-05-01T07:00:00Z"), confirmed("bkH", "Blue")],
         "confirms booking bkH, which expired at 2024-05-01T07:00:00Z"),
        ([changed("bkA", from: ("Blue", "2024-05-01", "2024-05-05"), to: ("Green", "2024-05-01", "2024-05-05")), booked("bkG", "Green", "2024-05-02", "2024-05-03")],
         "booking bkG of room 'Green' for 2024-05-02..2024-05-03 overlaps active booking bkA for 2024-05-01..2024-05-05"),
        ([booked("bkG", "Green", "2024-05-02", "2024-05-03"), changed("bkA", from: ("Blue", "2024-05-01", "2024-05-05"), to: ("Green", "2024-05-01", "2024-05-05"))],
         "booking bkA of room 'Green' for 2024-05-01..2024-05-05 overlaps active booking bkG for 2024-05-02..2024-05-03"),
        ([held("bkH", "Blue", "2024-05-04", "2024-05-06", until: "2024-05-01T09:00:00Z")],
         "hold bkH of room 'Blue' for 2024-05-04..2024-05-06 overlaps active booking bkA for 2024-05-01..2024-05-05"),
        ([milestone(.checkedOut, "bkA", "Blue", on: "2024-05-03")], "checks out booking bkA, which is active"),
        ([milestone(.checkedIn, "bkA", "Blue", on: "2024-05-07")], "checks in booking bkA on 2024-05-07, outside its stay 2024-05-01..2024-05-05"),
        ([blocked("blX", "Blue", "2024-05-04", "2024-05-06")], "block blX of room 'Blue' for 2024-05-04..2024-05-06 overlaps active booking bkA for 2024-05-01..2024-05-05"),
        ([unblocked("bkA", "Blue")], "unblocks block bkA, which is a booking"),
        ([changed("bkA", from: ("Green", "2024-05-01", "2024-05-05"), to: ("Green", "2024-05-02", "2024-05-05"))],
         "changes booking bkA with room 'Green', but it is of room 'Blue' (line 3)"),
    ] as [([DomainEvent], String)])
    func findsBrokenLifecycleRules(_ events: [DomainEvent], message: String) {
        let report = StoreVerifier.verify(log(Self.base + events))
        #expect(report.problems.map(\.message).contains(message), "\(report.problems.map(\.message))")
    }
}
