import Testing
@testable import BookingCore

/// ``FrontDesk/atomicBatch(expectedCommands:_:)``: a batch's commands are recorded all together, or none of them
/// when the batch returns a failure, on a store with batches (the file) and on one without (in memory).
struct AtomicBatchTests {
    let directory = TemporaryDirectory()

    func desks() throws -> [(name: String, desk: FrontDesk)] {
        let clock = WallClock.fixed(secondsSince1970: try Instant("2024-04-20T09:00:00Z").secondsSince1970)
        return try [
            ("file", FrontDesk(store: JSONLinesEventStore(path: directory.file("events.jsonl"), clock: clock), newBookingID: .incrementing(), clock: clock)),
            ("memory", FrontDesk(store: InMemoryEventStore(), newBookingID: .incrementing(), clock: clock)),
        ].map { name, desk in
            try desk.addRooms([room("Blue"), room("Green")])
            return (name, desk)
        }
    }

    struct Refused: Error, Equatable {
        let line: Int
        let error: HotelError
    }

    /// Books each stay of Blue in turn, stopping at the first refusal.
    func book(_ stays: [Stay], on runner: any CommandRunner) -> Result<[BookingID], Refused> {
        var ids: [BookingID] = []
        for (n, stay) in stays.enumerated() {
            do throws(HotelError) { ids.append(try runner.book(client: client("1"), room: room("Blue"), stay: stay)) } catch {
                return .failure(Refused(line: n + 1, error: error))
            }
        }
        return .success(ids)
    }

    @Test func aFailureRecordsNothing() throws {
        for (name, desk) in try desks() {
            let head = try desk.model().head
            let result = try desk.atomicBatch { runner in
                book([stay("2024-05-01", "2024-05-03"), stay("2024-05-03", "2024-05-04"), stay("2024-05-02", "2024-05-04")], on: runner)
            }
            #expect(result == .failure(Refused(line: 3, error: .rejected(.roomNotFree(room("Blue"), stay("2024-05-02", "2024-05-04"), blockedBy: bookingID("bk1"), blockingStay: stay("2024-05-01", "2024-05-03"))))), "\(name)")
            #expect(try desk.model().head == head, "\(name)")
            #expect(try desk.bookings(matching: BookingFilter()).isEmpty, "\(name)")
        }
    }

    @Test func aSuccessRecordsEveryCommand() throws {
        for (name, desk) in try desks() {
            let result = try desk.atomicBatch { runner in book([stay("2024-05-01", "2024-05-03"), stay("2024-05-03", "2024-05-04")], on: runner) }
            let ids = try result.get()
            #expect(try desk.bookings(matching: BookingFilter()).map(\.id) == ids, "\(name)")
            #expect(try desk.model().head == Position(4), "\(name)")
        }
    }
}
