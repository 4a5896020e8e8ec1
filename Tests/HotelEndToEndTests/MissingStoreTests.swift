import Foundation
import HotelTestSupport
import Testing

/// A mistyped store path: only `rooms add` and `import` create a store (a batch, through its `rooms add`
/// lines); every other command exits 66 with the same message and creates nothing, not even a lock or a
/// cache. A store in a folder that does not exist is missing too, and says so.
struct MissingStoreTests {
    static let missing = "hotel: error: no store at 'missing.jsonl': create one with 'hotel --store missing.jsonl rooms add NAME...', or point --store or HOTEL_STORE at an existing log\n"

    static func noFolder(_ path: String, _ folder: String) -> String {
        "hotel: error: no store at '\(path)': the folder '\(folder)' does not exist; make it first (mkdir -p '\(folder)'), or point --store or HOTEL_STORE at an existing log\n"
    }

    static let stay = ["--from", "2024-05-01", "--to", "2024-05-03"]

    /// Every command that reads or writes a store, other than those that create one.
    static let needingAStore: [[String]] = [
        ["book", "--client", "42", "--room", "Blue"] + stay, ["book", "--client", "42", "--type", "double"] + stay,
        ["hold", "--room", "Blue"] + stay, ["hold", "--type", "double", "--client", "42"] + stay,
        ["confirm", "bk1"], ["release", "bk1"], ["cancel", "bk1"], ["change", "bk1", "--to", "2024-05-04"], ["checkin", "bk1"],
        ["checkout", "bk1"], ["noshow", "bk1"], ["block", "--room", "Blue"] + stay, ["unblock", "bl1"],
        ["free"] + stay, ["availability"] + stay, ["bookings"], ["arrivals"], ["departures"], ["in-house"], ["blocks"], ["calendar"],
        ["occupancy"] + stay, ["history", "bk1"], ["log"], ["verify"], ["rooms"], ["rooms", "list"],
    ]

    /// What the sandbox's folder holds, but for the files a test put there itself.
    func files(_ sandbox: Sandbox) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { !$0.hasPrefix(".stdin-") && $0 != "log.jsonl" }.sorted()
    }

    func hotel(_ sandbox: Sandbox) -> HotelProcess { sandbox.hotel(now: "2024-05-01T10:00:00Z") }

    @Test(arguments: needingAStore)
    func aCommandOnAMissingStoreExits66AndCreatesNothing(_ arguments: [String]) throws {
        let sandbox = Sandbox()
        let result = try hotel(sandbox).run(["--store", "missing.jsonl"] + arguments)
        #expect(result == .init(stdout: "", stderr: Self.missing, status: 66))
        #expect(try files(sandbox) == [])
    }

    @Test(arguments: ["book --client 42 --room Blue --from 2024-05-01 --to 2024-05-03\n", "cancel bk1\n", "", "# nothing\n"])
    func aBatchWithoutRoomsAddOnAMissingStoreExits66AndCreatesNothing(_ input: String) throws {
        let sandbox = Sandbox()
        let result = try hotel(sandbox).run(["--store", "missing.jsonl", "batch"], input: input)
        #expect(result == .init(stdout: "", stderr: Self.missing, status: 66))
        #expect(try files(sandbox) == [])
    }

    @Test func aBatchCreatesTheStoreThroughItsRoomsAddLinesOnly() throws {
        let sandbox = Sandbox()
        let input = "book --client 42 --room Blue --from 2024-05-01 --to 2024-05-03\nrooms add Blue\nbook --client 42 --room Blue --from 2024-05-01 --to 2024-05-03\n"
        let result = try hotel(sandbox).run(["--store", "missing.jsonl", "batch"], input: input)
        #expect(result.status == 1, "\(result)")
        #expect(result.lines.count == 3 && result.lines[0] == "error: " + Self.missing.dropFirst("hotel: error: ".count).dropLast() && result.lines[1] == "Blue")
        #expect(result.lines.last?.hasPrefix("bk") == true, "\(result)")
        #expect(try hotel(sandbox).run(["--store", "missing.jsonl", "bookings"]).lines.count == 1)
    }

    @Test func roomsAddAndImportCreateAStore() throws {
        let sandbox = Sandbox()
        #expect(try hotel(sandbox).run(["--store", "new.jsonl", "rooms", "add", "Blue"]) == .init(stdout: "Blue\n", stderr: "", status: 0))
        let log = try hotel(sandbox).run(["--store", "new.jsonl", "log"]).stdout
        #expect(try hotel(sandbox).run(["--store", "copy.jsonl", "import", "-"], input: log) == .init(stdout: "imported 1 events\n", stderr: "", status: 0))
        #expect(FileManager.default.contents(atPath: sandbox.path + "/copy.jsonl") == Data(log.utf8))
    }

    @Test(arguments: [["rooms", "add", "Blue"], ["book", "--client", "42", "--room", "Blue"] + stay, ["free"] + stay, ["bookings"], ["import", "log.jsonl"]])
    func aStoreInAFolderThatDoesNotExistIsMissingAndSaysSo(_ arguments: [String]) throws {
        let sandbox = Sandbox()
        let source = Sandbox()
        try #require(source.hotel.run(["rooms", "add", "Blue"]).status == 0)
        try FileManager.default.copyItem(atPath: source.hotel.storePath, toPath: sandbox.path + "/log.jsonl")
        let result = try hotel(sandbox).run(["--store", "no/such/events.jsonl"] + arguments)
        #expect(result == .init(stdout: "", stderr: Self.noFolder("no/such/events.jsonl", "no/such"), status: 66))
        #expect(try files(sandbox) == [])
    }

    @Test func aBatchInAFolderThatDoesNotExistIsMissingAndSaysSo() throws {
        let sandbox = Sandbox()
        let result = try hotel(sandbox).run(["--store", "no/such/events.jsonl", "batch"], input: "rooms add Blue\nbook --client 42 --room Blue --from 2024-05-01 --to 2024-05-03\n")
        #expect(result == .init(stdout: "", stderr: Self.noFolder("no/such/events.jsonl", "no/such"), status: 66))
        #expect(try files(sandbox) == [])
    }
}
