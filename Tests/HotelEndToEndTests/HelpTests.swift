import Foundation
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
        #expect(help.contains("USAGE: hotel book --client <id> [--room <name>] [--type <type>] --from <day> [--to <day>] [--nights <n>] [--idempotency-key <key>] [--price <amount>] [--json] [--store <path|url>]\n"))
        for option in ["--client <id>", "--room <name>", "--type <type>", "--from <day>", "--to <day>", "--nights <n>", "--idempotency-key <key>", "--price <amount>", "--json", "--store <path|url>", "-h, --help"] {
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

/// The man page is made from the same specs as --help: the checked-in `hotel.1` must be what `hotel manpage`
/// prints now, and `man` must render it without a warning.
struct ManPageTests {
    let sandbox = Sandbox()
    static let checkedIn = Repository.root.appendingPathComponent("hotel.1")

    @Test func theCheckedInPageIsCurrentAndRendersWithoutWarnings() throws {
        let printed = try sandbox.hotel.run(["manpage"])
        #expect(printed.status == 0 && printed.stderr == "")
        #expect(printed.stdout == (try String(contentsOf: Self.checkedIn, encoding: .utf8)), "hotel.1 is stale: run 'swift run hotel manpage > hotel.1'")
        // Every subcommand and every option of each has its place.
        for section in [".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH EXAMPLES", ".SH FILES", ".SH ENVIRONMENT", ".SH EXIT STATUS"] {
            #expect(printed.stdout.contains("\n" + section + "\n"), "\(section)")
        }
        for command in ["book", "free", "calendar", "occupancy", "log", "import", "verify", "batch"] {
            #expect(printed.stdout.contains("\n.SS \(command)\n"), "\(command)")
        }
        #expect(printed.stdout.contains("\\fB\\-\\-idempotency\\-key\\fR \\fIkey\\fR"))
        let rendered = try sandbox.hotel.start(shell: "MANWIDTH=80 man --warnings -l '\(Self.checkedIn.path)' 2>&1 >/dev/null; echo \"status $?\"").wait()
        #expect(rendered.stdout == "status 0\n", "\(rendered)")
        let text = try sandbox.hotel.start(shell: "MANWIDTH=80 man -l '\(Self.checkedIn.path)' 2>/dev/null").wait().stdout
        #expect(text.contains("hotel calendar [--from day]"))
    }
}
