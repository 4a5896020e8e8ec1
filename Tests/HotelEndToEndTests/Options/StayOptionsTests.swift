import BookingCore
@testable import hotel
import Testing

/// `--from`, `--to` and `--nights`, declared once and read as a ``Stay``.
struct StayOptionsTests {
    @Test func aStayIsFromAndToOrFromAndNights() throws {
        let expected = try Stay(arrival: Day("2024-05-01"), departure: Day("2024-05-03"))
        #expect(try read(StayOptions.standard, ["--from", "2024-05-01", "--to", "2024-05-03"]).stay() == expected)
        #expect(try read(StayOptions.standard, ["--from", "2024-05-01", "--nights", "2"]).stay() == expected)
        #expect(try read(StayOptions.standard, ["--from=today", "--nights=2"], today: "2024-05-01").stay() == expected)
        #expect(try read(StayOptions.standard, ["--from", "-1", "--to", "+1"], today: "2024-05-02").stay() == expected)
    }

    @Test(arguments: [
        (["--from", "2024-05-01", "--to", "2024-05-03", "--nights", "2"], "give --to or --nights, not both; see 'hotel t --help'"),
        (["--to", "2024-05-03"], "missing option '--from <day>'; see 'hotel t --help'"),
        (["--from", "2024-05-01"], "missing option '--to <day>' (or '--nights <n>'); see 'hotel t --help'"),
        (["--from", "2024-05-01", "--nights", "0"], "invalid --nights '0': expected a whole number of nights, 1 to 366; see 'hotel t --help'"),
        (["--from", "2024-05-01", "--nights", "+2"], "invalid --nights '+2': expected a whole number of nights, 1 to 366; see 'hotel t --help'"),
        (["--from", "2024-05-01", "--nights", "367"], "invalid --nights '367': expected a whole number of nights, 1 to 366; see 'hotel t --help'"),
        (["--from", "2024-05-01", "--to", "2025-05-03"], "the stay 2024-05-01..2025-05-03 has 367 nights, more than the 366 a stay may have; check the year; see 'hotel t --help'"),
        (["--from", "2024-05-03", "--to", "2024-05-01"], "the departure 2024-05-01 is before the arrival 2024-05-03: the stay must have at least one night; see 'hotel t --help'"),
        // --to is read before --nights, and --from before both.
        (["--from", "2024-05-01", "--to", "soon", "--nights", "0"], "invalid date 'soon': expected a calendar date as YYYY-MM-DD (for example 2024-05-01), today, tomorrow, yesterday, or +N or -N days from today; see 'hotel t --help'"),
        (["--from", "later", "--to", "soon"], "invalid date 'later': expected a calendar date as YYYY-MM-DD (for example 2024-05-01), today, tomorrow, yesterday, or +N or -N days from today; see 'hotel t --help'"),
    ])
    func aBadStayIsAUsageErrorOfTheCommand(words: [String], error: String) {
        #expect(message { () throws(CommandLineError) in try read(StayOptions.standard, words).stay() } == error)
    }

    @Test func aPartStayGivesWhatWasGiven() throws {
        let change = ChangeOptions().stay
        let nights = try read(change, ["--nights", "3"])
        #expect(try nights.arrival() == nil)
        #expect(try nights.nightCount() == 3)
        // Without a new arrival, --nights counts from the booking's, which the command finds.
        #expect(try nights.departure(after: nil) == nil)
        #expect(try nights.departure(after: Day("2024-05-10")) == Day("2024-05-13"))
        #expect(try read(change, ["--to", "2024-05-09"]).departure(after: nil) == Day("2024-05-09"))
        #expect(try read(change, []).departure(after: nil) == nil)
        #expect(message { () throws(CommandLineError) in try read(change, ["--to", "2024-05-09", "--nights", "1"]).departure(after: nil) }
            == "give --to or --nights, not both; see 'hotel t --help'")
    }

    @Test func theHelpOfEachCommandWordsTheOptionsItsOwnWay() {
        let block = StayOptions(from: "The first night out of service, YYYY-MM-DD.", to: "The day it is back in service, YYYY-MM-DD.")
        #expect(block.options.map(\.usage) == ["--from <day>", "--to <day>", "--nights <n>"])
        #expect(block.options.map(\.isRequired) == [true, false, false])
        #expect(block.options[0].help == "The first night out of service, YYYY-MM-DD.")
        #expect(ChangeOptions().stay.options.map(\.isRequired) == [false, false, false])
    }
}
