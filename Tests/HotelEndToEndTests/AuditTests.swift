import Foundation
import HotelTestSupport
import Testing

/// `hotel audit`: the night audit, as a cron job runs it.
struct AuditTests {
    let sandbox = Sandbox()

    func run(_ arguments: [String], at now: String) throws -> HotelProcess.Result { try sandbox.hotel(now: now).run(arguments) }

    @discardableResult
    func ok(_ arguments: [String], at now: String) throws -> String {
        let result = try run(arguments, at: now)
        try #require(result.status == 0 && result.stderr == "", "\(arguments): \(result)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    @Test func aDayWithNothingToSettleExitsZeroAndPrintsNothing() throws {
        try ok(["rooms", "add", "A"], at: "2024-05-10T09:00:00Z")
        let result = try run(["audit"], at: "2024-05-10T22:00:00Z")
        #expect(result.status == 0 && result.stdout == "" && result.stderr == "")
        let json = try run(["audit", "--json"], at: "2024-05-10T22:00:00Z")
        #expect(json.status == 0 && json.stdout == #"{"day":"2024-05-10","items":[]}"# + "\n")
    }

    @Test func itListsEachKindAndExitsOne() throws {
        let morning = "2024-05-10T09:00:00Z"
        try ok(["rooms", "add", "A", "B", "C", "D"], at: morning)
        let late = try ok(["book", "--client", "1", "--room", "A", "--from", "2024-05-08", "--to", "2024-05-10"], at: "2024-05-08T09:00:00Z")
        let next = try ok(["book", "--client", "2", "--room", "A", "--from", "2024-05-10", "--to", "2024-05-12"], at: "2024-05-08T09:00:00Z")
        try ok(["checkin", late], at: "2024-05-08T15:00:00Z")
        let due = try ok(["book", "--client", "3", "--room", "B", "--from", "2024-05-09", "--to", "2024-05-10"], at: "2024-05-09T09:00:00Z")
        try ok(["checkin", due], at: "2024-05-09T15:00:00Z")
        let arriving = try ok(["book", "--client", "4", "--room", "C", "--from", "2024-05-10", "--to", "2024-05-11"], at: morning)
        let hold = try ok(["hold", "--client", "5", "--room", "D", "--from", "2024-05-12", "--to", "2024-05-13", "--for", "30m"], at: "2024-05-10T21:45:00Z")
        let result = try run(["audit"], at: "2024-05-10T22:00:00Z")
        #expect(result.status == 1 && result.stderr == "", "\(result)")
        #expect(result.stdout == """
            arrival-pending\t\(next)\tA\t2024-05-10
            arrival-pending\t\(arriving)\tC\t2024-05-10
            departure-pending\t\(late)\tA\t2024-05-10
            departure-pending\t\(due)\tB\t2024-05-10
            overstay-conflict\t\(late)\tA\t\(next) 2024-05-10
            hold-expiring\t\(hold)\tD\t2024-05-10T22:15:00Z

            """)
        // Settled: the guests leave, the arrivals arrive (the one whose room was taken, now free), the hold ends.
        try ok(["release", hold], at: "2024-05-10T22:05:00Z")
        for id in [late, due] { try ok(["checkout", id], at: "2024-05-10T22:10:00Z") }
        // The rooms left are dirty until cleaned (issue 21).
        try ok(["clean", "A", "B"], at: "2024-05-10T22:15:00Z")
        for id in [next, arriving] { try ok(["checkin", id], at: "2024-05-10T22:20:00Z") }
        let settled = try run(["audit"], at: "2024-05-10T22:30:00Z")
        #expect(settled.status == 0 && settled.stdout == "", "\(settled)")
    }

    @Test func anotherDayIsAuditedWithOn() throws {
        try ok(["rooms", "add", "A"], at: "2024-05-10T09:00:00Z")
        let id = try ok(["book", "--client", "1", "--room", "A", "--from", "2024-05-20", "--to", "2024-05-21"], at: "2024-05-10T09:00:00Z")
        let result = try run(["audit", "--on", "2024-05-20", "--json"], at: "2024-05-10T22:00:00Z")
        #expect(result.status == 1)
        #expect(result.stdout == #"{"day":"2024-05-20","items":[{"kind":"arrival-pending","id":"\#(id)","room":"A","detail":"2024-05-20","name":null}]}"# + "\n")
    }
}
