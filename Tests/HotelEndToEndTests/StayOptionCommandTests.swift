import Foundation
import HotelTestSupport
import Testing

/// Every command that takes a stay reads `--from`, `--to` and `--nights` the same way, and says the same
/// when they do not make one: the errors and statuses of the command line before the options were typed.
struct StayOptionCommandTests {
    let sandbox = Sandbox()

    var hotel: HotelProcess { sandbox.hotel(now: "2024-05-01T12:00:00Z") }

    /// Each command with a stay, with the words it needs besides.
    static let commands: [[String]] = [
        ["book", "--client", "42", "--room", "Blue"], ["hold", "--room", "Blue"], ["block", "--room", "Blue"], ["free"], ["availability"],
        ["occupancy"],
    ]

    @Test(arguments: commands)
    func toAndNightsTogetherAreAUsageError(_ command: [String]) throws {
        let result = try hotel.run(command + ["--from", "2024-05-01", "--to", "2024-05-03", "--nights", "2"])
        #expect(result == .init(stdout: "", stderr: "hotel: error: give --to or --nights, not both; see 'hotel \(command[0]) --help'\n", status: 64))
        #expect(sandbox.hotel.storeBytes() == nil)
    }

    @Test(arguments: commands)
    func aStayNeedsAFromAndAToOrNights(_ command: [String]) throws {
        #expect(try hotel.run(command + ["--to", "2024-05-03"])
            == .init(stdout: "", stderr: "hotel: error: missing option '--from <day>'; see 'hotel \(command[0]) --help'\n", status: 64))
        #expect(try hotel.run(command + ["--from", "today"])
            == .init(stdout: "", stderr: "hotel: error: missing option '--to <day>' (or '--nights <n>'); see 'hotel \(command[0]) --help'\n", status: 64))
        #expect(try hotel.run(command + ["--from", "today", "--nights", "0"]) == .init(
            stdout: "", stderr: "hotel: error: invalid --nights '0': expected a whole number of nights, 1 to 366; see 'hotel \(command[0]) --help'\n", status: 64))
    }

    @Test func changeReadsNightsBeforeToAndTakesEitherAlone() throws {
        #expect(try hotel.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let id = try hotel.run(["book", "--client", "42", "--room", "Blue", "--from", "today", "--nights", "2"]).stdout.trimmingCharacters(in: .newlines)
        #expect(try hotel.run(["change", id, "--to", "soon", "--nights", "0"]) == .init(
            stdout: "", stderr: "hotel: error: invalid --nights '0': expected a whole number of nights, 1 to 366; see 'hotel change --help'\n", status: 64))
        #expect(try hotel.run(["change", id, "--to", "+3", "--nights", "3"])
            == .init(stdout: "", stderr: "hotel: error: give --to or --nights, not both; see 'hotel change --help'\n", status: 64))
        #expect(try hotel.run(["change", id])
            == .init(stdout: "", stderr: "hotel: error: give at least one of --room, --from, --to and --nights; see 'hotel change --help'\n", status: 64))
        #expect(try hotel.run(["change", id, "--nights", "3"]).status == 0)
        #expect(try hotel.run(["change", id, "--from", "+1", "--to", "+2", "--room", "Green"]).status == 0)
        #expect(try hotel.run(["bookings"]).stdout == "\(id)\t42\tGreen\t2024-05-02\t2024-05-03\tactive\n")
    }

    @Test func theTreeOfRoomsRunsListByEitherName() throws {
        #expect(try hotel.run(["rooms", "add", "Blue", "301", "--type", "suite"]).stdout == "Blue\n301\n")
        let list = try hotel.run(["rooms", "--json"])
        #expect(list.stdout == "{\"rooms\":[{\"room\":\"301\",\"type\":\"suite\"},{\"room\":\"Blue\",\"type\":\"suite\"}]}\n")
        #expect(try hotel.run(["rooms", "list", "--json"]) == list)
        #expect(try hotel.run(["rooms", "list", "--help"]) == (try hotel.run(["rooms", "--help"])))
        #expect(try hotel.run(["help", "rooms", "list"]) == (try hotel.run(["rooms", "--help"])))
        #expect(try hotel.run(["rooms", "list", "extra"])
            == .init(stdout: "", stderr: "hotel: error: unexpected argument 'extra'; see 'hotel rooms --help'\n", status: 64))
        // A line that is not a write command refuses the whole batch before it runs: Red is not added.
        let batch = try hotel.run(["batch"], input: "rooms add Red\nrooms list\n")
        #expect(batch == .init(
            stdout: "", stderr: "hotel: error: line 2 of the batch: 'rooms list' is not a command a batch runs (rooms add, book, hold, confirm, release, cancel, change, checkin, checkout, noshow, undo, clean, inspect, dirty, settings set, rates set, guests set, guests forget, charge, pay, refund, invoice, block, unblock); see 'hotel batch --help'\n",
            status: 64))
        #expect(try hotel.run(["rooms"]).stdout == "301\nBlue\n")
    }
}
