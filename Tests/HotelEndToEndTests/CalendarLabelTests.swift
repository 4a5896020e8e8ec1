import Foundation
import HotelTestSupport
import Testing

/// The tape chart's bars start with as much of their client (or, for a hold without one, its id) as their
/// nights leave room for, less one column for the status's glyph: a one-night stay shows two columns of it.
struct CalendarLabelTests {
    let sandbox = Sandbox()

    var hotel: HotelProcess {
        var hotel = sandbox.hotel(now: "2024-05-02T12:00:00Z")
        hotel.environment["COLUMNS"] = "50"
        return hotel
    }

    @Test func aBarShowsAsMuchOfItsClientAsItsNightsAllow() throws {
        for arguments in [
            ["rooms", "add", "A", "B", "C"], ["book", "--client", "Alexandra", "--room", "A", "--from", "2024-05-01", "--nights", "3"],
            ["book", "--client", "Bob", "--room", "A", "--from", "2024-05-04", "--nights", "1"],
            ["book", "--client", "Christopher", "--room", "A", "--from", "2024-05-05", "--nights", "2"],
            ["hold", "--room", "B", "--from", "2024-05-03", "--nights", "4", "--for", "2d"],
            ["book", "--client", "Dominique-Anne", "--room", "C", "--from", "2024-05-10", "--nights", "10"],
        ] { try #require(hotel.run(arguments).status == 0, "\(arguments)") }
        let hold = try hotel.run(["bookings", "--status", "held"]).lines[0].prefix(10)
        let chart = try hotel.run(["calendar", "--from", "2024-05-01", "--nights", "20"])
        // Each stay in its own bar: a neighbour's label never runs into it. A stay that goes on into the next
        // block of nights starts with its client again there.
        #expect(chart.stdout == """
                      May 2024
                      We*Th Fr Sa Su Mo Tu We Th Fr Sa Su Mo
                      01*02 03 04 05 06 07 08 09 10 11 12 13
            standard
              A      Alexandr=Bo=Chris= .  .  .  .  .  .  . 
              B       .  . \(hold.dropFirst(2))???? .  .  .  .  .  .  . 
              C       .  .  .  .  .  .  .  .  . Dominique-A=

                      May 2024
                      Tu We Th Fr Sa Su Mo
                      14 15 16 17 18 19 20
            standard
              A       .  .  .  .  .  .  . 
              B       .  .  .  .  .  .  . 
              C      Dominique-Anne==== . 
            = active  # checked in  ? held  - checked out
            X out of service  . free  * today

            """, "\(chart)")
        // In colour, each bar is one run of its status's colour.
        let colored = try hotel.run(["calendar", "--from", "2024-05-01", "--nights", "13", "--color", "always"]).stdout
        #expect(colored.contains("\u{1B}[32mAlexandr=\u{1B}[0m\u{1B}[32mBo=\u{1B}[0m\u{1B}[32mChris=\u{1B}[0m"), "\(colored)")
    }
}
