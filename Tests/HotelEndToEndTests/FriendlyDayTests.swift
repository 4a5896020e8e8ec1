import Foundation
import HotelTestSupport
import Testing

/// `today`, `tomorrow`, `yesterday`, `+N`, `-N` and `--nights` wherever a day or a stay is taken, with the local
/// time zone deciding what today is.
struct FriendlyDayTests {
    let sandbox = Sandbox()

    func hotel(now: String, zone: String = "UTC") -> HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = now
        hotel.environment["TZ"] = zone
        return hotel
    }

    @Test func daysCountFromTheLocalToday() throws {
        let utc = hotel(now: "2024-05-01T23:30:00Z")
        #expect(try utc.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let blue = try utc.run(["book", "--client", "1", "--room", "Blue", "--from", "today", "--nights", "2"]).stdout.trimmingCharacters(in: .newlines)
        // In Tokyo it is already the 2nd.
        let tokyo = hotel(now: "2024-05-01T23:30:00Z", zone: "Asia/Tokyo")
        let green = try tokyo.run(["book", "--client", "2", "--room", "Green", "--from", "today", "--to", "+3"]).stdout.trimmingCharacters(in: .newlines)
        #expect(try utc.run(["bookings"]).lines == [
            "\(blue)\t1\tBlue\t2024-05-01\t2024-05-03\tactive", "\(green)\t2\tGreen\t2024-05-02\t2024-05-05\tactive",
        ])
        #expect(try utc.run(["free", "--from", "tomorrow", "--nights", "1"]).stdout == "")
        #expect(try utc.run(["free", "--from", "+3", "--nights", "1"]).stdout == "Blue\n")
        #expect(try utc.run(["arrivals", "--on", "tomorrow"]).lines.map { String($0.prefix(10)) } == [green])
        #expect(try tokyo.run(["arrivals", "--on", "yesterday"]).lines.map { String($0.prefix(10)) } == [blue])
        #expect(try utc.run(["bookings", "--from", "+1", "--to", "+2"]).lines.count == 2)
        // --nights on a change counts from the current arrival, or from a new one.
        #expect(try utc.run(["change", blue, "--nights", "1"]).status == 0)
        #expect(try utc.run(["change", green, "--from", "+5", "--nights", "2"]).status == 0)
        #expect(try utc.run(["bookings"]).lines == [
            "\(blue)\t1\tBlue\t2024-05-01\t2024-05-02\tactive", "\(green)\t2\tGreen\t2024-05-06\t2024-05-08\tactive",
        ])
        #expect(try utc.run(["block", "--room", "Blue", "--from", "+10", "--nights", "3"]).status == 0)
        #expect(try utc.run(["blocks"]).lines.first?.contains("\tBlue\t2024-05-11\t2024-05-14\t") == true)
        #expect(try utc.run(["change", "bknone", "--nights", "2"]).status == 1)
    }
}
