import Foundation
import HotelTestSupport
import Testing

/// Every kind of bad input gets one clear line on stderr, the documented exit status, and changes nothing.
struct ErrorTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let arguments: [String]
        let status: Int32
        let stderr: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let book = ["book", "--client", "42", "--room", "Blue"]

    static let usageCases: [Case] = [
        Case(arguments: [], status: 64, stderr: "missing subcommand (rooms, book, hold, free, availability, cancel, bookings, arrivals, ...); see 'hotel --help'"),
        Case(arguments: ["bok"], status: 64, stderr: "unknown subcommand 'bok' (did you mean 'book'?); see 'hotel --help'"),
        Case(arguments: ["rooms", "ad", "X"], status: 64, stderr: "unknown subcommand 'rooms ad' (did you mean 'add'?); see 'hotel rooms --help'"),
        Case(arguments: ["--stor", "x", "rooms"], status: 64, stderr: "unknown option '--stor' (did you mean '--store'?); see 'hotel --help'"),
        Case(arguments: book + ["--form", "2024-05-01", "--to", "2024-05-03"], status: 64, stderr: "unknown option '--form' (did you mean '--from'?); see 'hotel book --help'"),
        Case(arguments: book + ["--to", "2024-05-03"], status: 64, stderr: "missing option '--from <day>'; see 'hotel book --help'"),
        Case(arguments: ["book", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"], status: 64, stderr: "missing option '--client <id>'; see 'hotel book --help'"),
        Case(arguments: book + ["--room", "Green", "--from", "2024-05-01", "--to", "2024-05-03"], status: 64, stderr: "option '--room' is given more than once; see 'hotel book --help'"),
        Case(arguments: book + ["--from", "2024-05-01", "--to"], status: 64, stderr: "missing value for '--to <day>'; see 'hotel book --help'"),
        Case(arguments: book + ["--from", "2024-05-01", "--to", "2024-05-03", "extra"], status: 64, stderr: "unexpected argument 'extra'; see 'hotel book --help'"),
        Case(arguments: book + ["--from", "2024-05-03", "--to", "2024-05-01"], status: 64, stderr: "the departure 2024-05-01 is before the arrival 2024-05-03: the stay must have at least one night; see 'hotel book --help'"),
        Case(arguments: book + ["--from", "2024-05-01", "--to", "2024-05-01"], status: 64, stderr: "the stay 2024-05-01..2024-05-01 has no nights: the departure must be after the arrival; see 'hotel book --help'"),
        Case(arguments: book + ["--from", "2024-02-30", "--to", "2024-03-03"], status: 64, stderr: "invalid date '2024-02-30': expected a calendar date as YYYY-MM-DD (for example 2024-05-01), today, tomorrow, yesterday, or +N or -N days from today; see 'hotel book --help'"),
        Case(arguments: book + ["--from", "24-5-1", "--to", "2024-03-03"], status: 64, stderr: "invalid date '24-5-1': expected a calendar date as YYYY-MM-DD (for example 2024-05-01), today, tomorrow, yesterday, or +N or -N days from today; see 'hotel book --help'"),
        Case(arguments: book + ["--from", "2024-13-01", "--to", "2024-03-03"], status: 64, stderr: "invalid date '2024-13-01': expected a calendar date as YYYY-MM-DD (for example 2024-05-01), today, tomorrow, yesterday, or +N or -N days from today; see 'hotel book --help'"),
        Case(arguments: ["book", "--client", "", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"], status: 64, stderr: "invalid client id '': it is empty; see 'hotel book --help'"),
        Case(arguments: ["rooms", "add", ""], status: 64, stderr: "invalid room name '': it is empty; see 'hotel rooms add --help'"),
        Case(arguments: ["rooms", "add", "Bl\nue"], status: 64, stderr: "invalid room name 'Bl\\u{a}ue': it contains a control character; see 'hotel rooms add --help'"),
        Case(arguments: ["rooms", "add", "Red", "Red"], status: 64, stderr: "room 'Red' is named more than once; see 'hotel rooms add --help'"),
        Case(arguments: ["rooms", "add"], status: 64, stderr: "missing argument <name>; see 'hotel rooms add --help'"),
        Case(arguments: ["cancel"], status: 64, stderr: "missing argument <booking-id>; see 'hotel cancel --help'"),
        Case(arguments: ["cancel", "bk/../x"], status: 64, stderr: "invalid booking id 'bk/../x': expected up to 12 letters, digits, '-' or '_', as printed by 'hotel book'; see 'hotel cancel --help'"),
        Case(arguments: ["free", "--from", "2024-05-01"], status: 64, stderr: "missing option '--to <day>' (or '--nights <n>'); see 'hotel free --help'"),
        Case(arguments: ["free", "--from", "2024-05-01", "--to", "2024-05-03", "--nights", "2"], status: 64, stderr: "give --to or --nights, not both; see 'hotel free --help'"),
        Case(arguments: ["free", "--from", "today", "--nights", "0"], status: 64, stderr: "invalid --nights '0': expected a whole number of nights, 1 to 366; see 'hotel free --help'"),
        Case(arguments: ["free", "--from", "tomorow", "--nights", "2"], status: 64, stderr: "invalid date 'tomorow': expected a calendar date as YYYY-MM-DD (for example 2024-05-01), today, tomorrow, yesterday, or +N or -N days from today; see 'hotel free --help'"),
        Case(arguments: ["free", "--from", "+1d", "--nights", "2"], status: 64, stderr: "invalid date '+1d': expected a calendar date as YYYY-MM-DD (for example 2024-05-01), today, tomorrow, yesterday, or +N or -N days from today; see 'hotel free --help'"),
        Case(arguments: ["free", "--from", "2024-05-01", "--to", "2024-05-02", "--json=yes"], status: 64, stderr: "option '--json' takes no value; see 'hotel free --help'"),
        Case(arguments: ["bookings", "--from", "2024-05-03", "--to", "2024-05-01"], status: 64, stderr: "--from 2024-05-03 must be before --to 2024-05-01; see 'hotel bookings --help'"),
        Case(arguments: ["help", "nope"], status: 64, stderr: "unknown subcommand 'nope'; see 'hotel --help'"),
    ]

    static let ruleCases: [Case] = [
        Case(arguments: ["book", "--client", "42", "--room", "Bleu", "--from", "2024-05-01", "--to", "2024-05-03"], status: 1, stderr: "unknown room 'Bleu' (did you mean 'Blue'?)"),
        Case(arguments: ["book", "--client", "42", "--room", "Purple", "--from", "2024-05-01", "--to", "2024-05-03"], status: 1, stderr: "unknown room 'Purple'; 'hotel rooms' lists the rooms"),
        Case(arguments: ["rooms", "add", "Pink", "Blue"], status: 1, stderr: "room 'Blue' already exists"),
        Case(arguments: ["cancel", "bkmissing"], status: 1, stderr: "unknown booking 'bkmissing'; 'hotel bookings' lists the bookings"),
    ]

    @Test(arguments: usageCases + ruleCases)
    func reportsOneLineAndChangesNothing(_ c: Case) throws {
        let sandbox = Sandbox()
        try #require(sandbox.hotel.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let before = sandbox.hotel.storeBytes()
        let result = try sandbox.hotel.run(c.arguments)
        #expect(result == .init(stdout: "", stderr: "hotel: error: \(c.stderr)\n", status: c.status))
        #expect(sandbox.hotel.storeBytes() == before)
    }

    @Test(arguments: [["free", "--from", "2024-05-01", "--to", "2024-05-03"], ["rooms"], ["bookings"], ["cancel", "bk1"]])
    func aQueryOnAMissingStoreExits66AndSaysHowToCreateOne(_ arguments: [String]) throws {
        let sandbox = Sandbox()
        let result = try sandbox.hotel.run(["--store", "missing.jsonl"] + arguments)
        #expect(result == .init(stdout: "", stderr: "hotel: error: no store at 'missing.jsonl': create one with 'hotel --store missing.jsonl rooms add NAME...', or point --store or HOTEL_STORE at an existing log\n", status: 66))
        #expect(!FileManager.default.fileExists(atPath: sandbox.path + "/missing.jsonl"))
    }

    @Test func aCorruptStoreExits65WithFileLineAndByteAndIsNotWritten() throws {
        let sandbox = Sandbox()
        try #require(sandbox.hotel.run(["rooms", "add", "Blue", "Green", "Red"]).status == 0)
        var text = String(decoding: try #require(sandbox.hotel.storeBytes()), as: UTF8.self)
        let secondLine = text.firstIndex(of: "\n")!
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: secondLine) + 1
        text.replaceSubrange(text.index(after: secondLine)...text.index(after: secondLine), with: "#")
        try Data(text.utf8).write(to: URL(fileURLWithPath: sandbox.hotel.storePath))
        let before = sandbox.hotel.storeBytes()
        let expected = "hotel: error: events.jsonl:2: corrupt event log at byte \(offset): invalid JSON: unexpected character '#'; nothing was written (run 'hotel verify' and repair or restore the file)\n"
        #expect(try sandbox.hotel.run(["rooms", "add", "Pink"]) == .init(stdout: "", stderr: expected, status: 65))
        #expect(try sandbox.hotel.run(["free", "--from", "2024-05-01", "--to", "2024-05-02"]) == .init(stdout: "", stderr: expected, status: 65))
        #expect(sandbox.hotel.storeBytes() == before)
    }

    @Test func aStoreInAFolderThatDoesNotExistExits66() throws {
        let sandbox = Sandbox()
        let result = try sandbox.hotel.run(["--store", sandbox.path + "/no/such/dir/events.jsonl", "rooms", "add", "Blue"])
        #expect(result.status == 66)
        #expect(result.stderr.hasPrefix("hotel: error: no store at '\(sandbox.path)/no/such/dir/events.jsonl': the folder '\(sandbox.path)/no/such/dir' does not exist"))
    }

    @Test func aLockHeldByAnotherProcessExits75AfterTheTimeout() throws {
        let sandbox = Sandbox()
        try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
        // flock(1) holds the store's lock for 3 s in another process.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [sandbox.hotel.storePath + ".lock", "sleep", "3"]
        try holder.run()
        defer { holder.waitUntilExit() }
        Thread.sleep(forTimeInterval: 0.3)
        var impatient = sandbox.hotel
        impatient.environment["HOTEL_LOCK_TIMEOUT"] = "0.5"
        let result = try impatient.run(["rooms", "add", "Green"])
        #expect(result == .init(stdout: "", stderr: "hotel: error: timed out after 0.5 s waiting for the lock on 'events.jsonl.lock' held by another hotel process; try again\n", status: 75))
    }
}
