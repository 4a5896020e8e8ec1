import Testing
@testable import BookingCore

struct WallClockTests {
    @Test(arguments: [
        (0, "1970-01-01T00:00:00Z"), (1_714_550_400, "2024-05-01T08:00:00Z"), (951_782_399, "2000-02-28T23:59:59Z"),
        (951_782_400, "2000-02-29T00:00:00Z"), (-1, "1969-12-31T23:59:59Z"), (-86_400, "1969-12-31T00:00:00Z"),
    ])
    func formatsISO8601UTC(_ seconds: Int, _ text: String) {
        #expect(WallClock.iso8601(secondsSince1970: seconds) == text)
        #expect(WallClock.fixed(secondsSince1970: seconds).timestamp() == text)
    }

    @Test func theSystemClockIsAfter2024() {
        #expect(WallClock.system.secondsSince1970() > 1_704_067_200)
    }
}
