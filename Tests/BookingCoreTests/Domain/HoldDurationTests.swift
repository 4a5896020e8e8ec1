import Testing
@testable import BookingCore

/// `hold --for`: a whole number and a unit, or several of them largest unit first (`1h30m`), up to 30 days.
struct HoldDurationTests {
    @Test(arguments: [
        ("90s", 90), ("15m", 900), ("2h", 7_200), ("1d", 86_400), ("30d", 30 * 86_400), ("1h30m", 5_400), ("2d12h", 216_000),
        ("1d2h3m4s", 93_784), ("1h0m", 3_600), ("90m", 5_400), ("29d23h59m60s", 30 * 86_400), ("2592000s", 30 * 86_400),
    ])
    func acceptsOneOrSeveralUnitsLargestFirst(_ text: String, seconds: Int) throws {
        #expect(try HoldDuration(text).seconds == seconds)
    }

    @Test(arguments: [
        "", "15", "m", "0s", "0h0m", "-5m", "+5m", "1.5h", "15 m", "15M", "1h 30m", "30m1h", "1h1h", "1h30", "h30m", "1w", "30d1s", "31d",
        "720h1s", "99999999999999999999s", "9223372036854775807d", "1h-30m", "15minutes",
    ])
    func refusesAnythingElse(_ text: String) {
        #expect(throws: InvalidValue.holdDuration(text)) { try HoldDuration(text) }
    }

    @Test func printsItsShortestForm() throws {
        #expect(try ["90s", "15m", "2h", "1d", "1h30m", "90m", "2d12h", "3600s", "1d2h3m4s"].map { try HoldDuration($0).description }
            == ["1m30s", "15m", "2h", "1d", "1h30m", "1h30m", "2d12h", "1h", "1d2h3m4s"])
    }
}
