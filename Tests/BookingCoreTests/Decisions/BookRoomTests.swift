import Testing
@testable import BookingCore

/// Given past events, when a client books Blue, then a `RoomBooked` event or the rule that refuses it.
struct BookRoomTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let given: [DomainEvent]
        let from: String
        let to: String
        let then: Result<[DomainEvent], BookingError>
        var testDescription: String { name }
    }

    static let history: [DomainEvent] = [added("Blue"), added("Green"), booked("bkA", "Blue", "2024-05-10", "2024-05-15")]

    static func accepted(_ from: String, _ to: String) -> Result<[DomainEvent], BookingError> {
        .success([booked("bkNEW", "Blue", from, to, client: "7")])
    }

    static func blocked(_ from: String, _ to: String) -> Result<[DomainEvent], BookingError> {
        .failure(.roomNotFree(room("Blue"), stay(from, to), blockedBy: bookingID("bkA"), blockingStay: stay("2024-05-10", "2024-05-15")))
    }

    static let cases: [Case] = [
        Case(name: "a free room is booked", given: [added("Blue")], from: "2024-05-01", to: "2024-05-03", then: accepted("2024-05-01", "2024-05-03")),
        Case(name: "the departure day is free for a new arrival", given: history, from: "2024-05-15", to: "2024-05-16", then: accepted("2024-05-15", "2024-05-16")),
        Case(name: "a stay may end on the arrival day", given: history, from: "2024-05-08", to: "2024-05-10", then: accepted("2024-05-08", "2024-05-10")),
        Case(name: "starting inside blocks", given: history, from: "2024-05-14", to: "2024-05-18", then: blocked("2024-05-14", "2024-05-18")),
        Case(name: "ending inside blocks", given: history, from: "2024-05-08", to: "2024-05-11", then: blocked("2024-05-08", "2024-05-11")),
        Case(name: "containing blocks", given: history, from: "2024-05-01", to: "2024-05-31", then: blocked("2024-05-01", "2024-05-31")),
        Case(name: "being contained blocks", given: history, from: "2024-05-11", to: "2024-05-12", then: blocked("2024-05-11", "2024-05-12")),
        Case(name: "an identical stay blocks", given: history, from: "2024-05-10", to: "2024-05-15", then: blocked("2024-05-10", "2024-05-15")),
        Case(name: "another room's booking does not block", given: [added("Blue"), added("Green"), booked("bkG", "Green", "2024-05-01", "2024-05-31")], from: "2024-05-10", to: "2024-05-12", then: accepted("2024-05-10", "2024-05-12")),
        Case(name: "a cancelled booking does not block", given: history + [cancelled("bkA", "Blue")], from: "2024-05-10", to: "2024-05-15", then: accepted("2024-05-10", "2024-05-15")),
        Case(name: "a re-booking after a cancellation blocks again", given: history + [cancelled("bkA", "Blue"), booked("bkB", "Blue", "2024-05-12", "2024-05-13")], from: "2024-05-10", to: "2024-05-15",
             then: .failure(.roomNotFree(room("Blue"), stay("2024-05-10", "2024-05-15"), blockedBy: bookingID("bkB"), blockingStay: stay("2024-05-12", "2024-05-13")))),
        Case(name: "a stay across the year end", given: [added("Blue"), booked("bkY", "Blue", "2024-12-30", "2025-01-02")], from: "2024-12-31", to: "2025-01-01",
             then: .failure(.roomNotFree(room("Blue"), stay("2024-12-31", "2025-01-01"), blockedBy: bookingID("bkY"), blockingStay: stay("2024-12-30", "2025-01-02")))),
        Case(name: "a stay across the month end, arriving on the departure day", given: [added("Blue"), booked("bkM", "Blue", "2024-02-27", "2024-03-01")], from: "2024-03-01", to: "2024-03-02", then: accepted("2024-03-01", "2024-03-02")),
        Case(name: "an unknown room is refused", given: [added("Green")], from: "2024-05-01", to: "2024-05-02", then: .failure(.unknownRoom(room("Blue"), suggestion: nil))),
        Case(name: "an id already in the store is refused", given: [added("Blue"), booked("bkNEW", "Green", "2024-01-01", "2024-01-02")], from: "2024-05-01", to: "2024-05-02", then: .failure(.bookingIDTaken(bookingID("bkNEW")))),
    ]

    @Test(arguments: cases)
    func decides(_ c: Case) {
        let command = bookRoom(booking: bookingID("bkNEW"), client: client("7"), room: room("Blue"), stay: stay(c.from, c.to))
        #expect(given(c.given, when: command) == c.then)
    }

    @Test func namesTheEarliestBookingInTheWay() {
        let history = [added("Blue"), booked("bkLate", "Blue", "2024-05-20", "2024-05-22"), booked("bkEarly", "Blue", "2024-05-02", "2024-05-04")]
        let command = bookRoom(booking: bookingID("bkNEW"), client: client("7"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-31"))
        #expect(given(history, when: command) == .failure(.roomNotFree(room("Blue"), stay("2024-05-01", "2024-05-31"), blockedBy: bookingID("bkEarly"), blockingStay: stay("2024-05-02", "2024-05-04"))))
    }

    @Test func readsOnlyTheRoomAndTheNewIDAsItsConsistencyBoundary() {
        let query = bookRoom(booking: bookingID("bkNEW"), client: client("7"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-02")).query
        #expect(query.matches(added("Blue").storeEvent))
        #expect(query.matches(booked("bkX", "Blue", "2024-01-01", "2024-01-02").storeEvent))
        #expect(query.matches(cancelled("bkX", "Blue").storeEvent))
        #expect(query.matches(booked("bkNEW", "Green", "2024-01-01", "2024-01-02").storeEvent))
        #expect(!query.matches(added("Green").storeEvent))
        #expect(!query.matches(booked("bkX", "Green", "2024-05-01", "2024-05-02").storeEvent))
    }
}
