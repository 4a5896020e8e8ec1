import HotelTestSupport
import Testing

/// `--help`, `-h` and `hotel help` agree, go to stdout and exit 0; `--version` prints the version.
struct HelpTests {
    let sandbox = Sandbox()

    @Test(arguments: [
        ["book"], ["free"], ["cancel"], ["bookings"], ["rooms"], ["rooms", "add"], ["verify"], ["batch"], ["hold"], ["confirm"], ["release"],
        ["change"], ["checkin"], ["checkout"], ["noshow"], ["availability"], ["arrivals"], ["departures"], ["in-house"], ["block"], ["unblock"],
        ["blocks"], ["history"], ["log"], ["import"],
    ])
    func everySubcommandHasTheSameHelpThreeWays(_ command: [String]) throws {
        let long = try sandbox.hotel.run(command + ["--help"])
        #expect(long.status == 0)
        #expect(long.stderr == "")
        #expect(long.stdout.hasPrefix("OVERVIEW: "))
        #expect(long.stdout.contains("\nUSAGE: hotel \(command.joined(separator: " "))"))
        #expect(long.stdout.contains("\nOPTIONS:\n"))
        #expect(try sandbox.hotel.run(command + ["-h"]) == long)
        #expect(try sandbox.hotel.run(["help"] + command) == long)
        #expect(sandbox.hotel.storeBytes() == nil)
    }

    @Test func bookHelpShowsItsOptions() throws {
        let help = try sandbox.hotel.run(["book", "--help"]).stdout
        #expect(help.contains("USAGE: hotel book --client <id> [--room <name>] [--type <type>] --from <day> [--to <day>] [--nights <n>] [--idempotency-key <key>] [--json] [--store <path|url>]\n"))
        for option in ["--client <id>", "--room <name>", "--type <type>", "--from <day>", "--to <day>", "--nights <n>", "--idempotency-key <key>", "--json", "--store <path|url>", "-h, --help"] {
            // A long option stands on its own line, its help below it.
            #expect(help.contains("\n  \(option) ") || help.contains("\n  \(option)\n"))
        }
    }

    @Test func topLevelHelpListsSubcommandsAndExitStatuses() throws {
        let help = try sandbox.hotel.run(["--help"])
        #expect(help.status == 0)
        #expect(try sandbox.hotel.run(["help"]) == help)
        for word in ["rooms add", "book", "hold", "confirm", "change", "checkin", "availability", "arrivals", "in-house", "blocks", "free", "cancel", "bookings", "EXIT STATUS:", "64  usage error", "HOTEL_STORE", "HOTEL_NOW"] {
            #expect(help.stdout.contains(word))
        }
    }

    @Test func versionPrintsOneLine() throws {
        let result = try sandbox.hotel.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("hotel ") && result.lines.count == 1)
    }
}
