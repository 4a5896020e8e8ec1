import BookingCore
@testable import hotel
import Testing

/// The other typed groups: a room or a type, a range of days, repeated and required options, flags.
struct OptionGroupTests {
    let target = TargetOptions(room: "The room.", type: "A type.")

    @Test func aTargetIsARoomOrATypeNeverBoth() throws {
        #expect(try read(target, ["--room", "Blue"]).get() == .room(RoomName("Blue")))
        #expect(try read(target, ["--type=suite"]).get() == .type(RoomType("suite")))
        #expect(message { () throws(CommandLineError) in try read(target, ["--room", "Blue", "--type", "suite"]).get() }
            == "give --room or --type, not both; see 'hotel t --help'")
        // Both given is refused before either is read.
        #expect(message { () throws(CommandLineError) in try read(target, ["--room", "", "--type", "suite"]).get() }
            == "give --room or --type, not both; see 'hotel t --help'")
        #expect(message { () throws(CommandLineError) in try read(target, []).get() } == "missing option '--room <name>' or '--type <type>'; see 'hotel t --help'")
        #expect(message { () throws(CommandLineError) in try read(target, ["--room", ""]).get() } == "invalid room name '': it is empty; see 'hotel t --help'")
    }

    @Test func aRangeOfDaysHasItsFromBeforeItsTo() throws {
        let range = DayRangeOptions(of: "bookings")
        #expect(range.options.map(\.help) == ["Only bookings with a night on or after this day.", "Only bookings with a night before this day."])
        let both = try read(range, ["--from", "2024-05-01", "--to", "+2"], today: "2024-05-01").get()
        #expect(both.from == (try Day("2024-05-01")))
        #expect(both.to == (try Day("2024-05-03")))
        let neither = try read(range, []).get()
        #expect(neither.from == nil && neither.to == nil)
        #expect(message { () throws(CommandLineError) in try read(range, ["--from", "2024-05-03", "--to", "2024-05-03"]).get() }
            == "--from 2024-05-03 must be before --to 2024-05-03; see 'hotel t --help'")
    }

    @Test func aRepeatedOptionGivesEveryValueInOrder() throws {
        let statuses = RepeatedOption("--status", "status", "A status.", parse: Booking.Status.parse)
        #expect(statuses.options.map(\.isRepeatable) == [true])
        #expect(try read(statuses, ["--status", "held", "--status=no-show"]).get() == [.held, .noShow])
        #expect(try read(statuses, []).get() == [])
        #expect(message { () throws(CommandLineError) in try read(statuses, ["--status", "held", "--status", "cancled"]).get() }
            == "unknown status 'cancled' (did you mean 'cancelled'?); one of held, expired, released, active, checked-in, checked-out, cancelled, no-show; see 'hotel t --help'")
    }

    @Test func aRequiredOptionIsShownSoAndMissedByName() throws {
        let client = Option.client("The client.").required
        #expect(client.options.map(\.isRequired) == [true])
        #expect(try read(client, ["--client", "42"]).get() == ClientID("42"))
        #expect(message { () throws(CommandLineError) in try read(client, []).get() } == "missing option '--client <id>'; see 'hotel t --help'")
    }

    @Test func anOptionalOptionIsNilUntilGiven() throws {
        let type = Option.type("A type.")
        #expect(try read(type, []).get() == nil)
        #expect(try read(type, ["--type", "suite"]).get() == RoomType("suite"))
        #expect(message { () throws(CommandLineError) in try read(type, ["--type", " suite"]).get() }?.hasPrefix("invalid room type ' suite': ") == true)
    }

    @Test func aFlagIsWhetherItWasGiven() throws {
        #expect(try read(Flag.json, ["--json"]) == true)
        #expect(try read(Flag.json, []) == false)
        #expect(message { () throws(CommandLineError) in try read(Flag.json, ["--json=yes"]) } == "option '--json' takes no value; see 'hotel t --help'")
        #expect(message { () throws(CommandLineError) in try read(Flag.json, ["--json", "--json"]) } == "option '--json' is given more than once; see 'hotel t --help'")
    }

    @Test func asOfIsReadByTheCommandLineNotTheCommand() throws {
        let spec = CommandSpec(name: "t", abstract: "A test command.").declaring(AsOfOption().options)
        #expect(try AsOfOption.point(in: ArgumentParser.parse(["--as-of", "3"], for: spec)) == .position(Position(3)))
        #expect(try AsOfOption.point(in: ArgumentParser.parse([], for: spec)) == nil)
        #expect(message { () throws(CommandLineError) in try AsOfOption.point(in: ArgumentParser.parse(["--as-of", "soon"], for: spec)) }?
            .hasPrefix("invalid --as-of 'soon': ") == true)
    }

    @Test func anUndeclaredOptionIsUnknownWithTheNearestDeclared() {
        #expect(message { () throws(CommandLineError) in try read(StayOptions.standard, ["--form", "2024-05-01"]) }
            == "unknown option '--form' (did you mean '--from'?); see 'hotel t --help'")
    }
}
