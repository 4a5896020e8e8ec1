import Testing
@testable import BookingCore

struct DayTests {
    @Test(arguments: ["2024-05-01", "2024-02-29", "2000-02-29", "1970-01-01", "0001-01-01", "9999-12-31", "2023-12-31"])
    func parsesAndPrintsRealDates(_ text: String) throws {
        #expect(try Day(text).description == text)
    }

    @Test(arguments: [
        "2024-02-30", "2023-02-29", "1900-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "2024-05-00", "24-5-1",
        "2024-5-1", "2024/05/01", "2024-05-01T00:00", " 2024-05-01", "", "0000-01-01", "abcd-ef-gh", "２０２４-05-01",
    ])
    func rejectsAnythingElse(_ text: String) {
        #expect(throws: InvalidValue.day(text)) { try Day(text) }
    }

    @Test func ordinalsCountDaysAcrossMonthAndYearEnds() {
        #expect(day("1970-01-01").ordinal == 0)
        #expect(day("2024-03-01").ordinal - day("2024-02-28").ordinal == 2)
        #expect(day("2025-01-01").ordinal - day("2024-12-31").ordinal == 1)
        #expect(day("2024-12-31").adding(days: 1) == day("2025-01-01"))
        #expect(day("1969-12-31").ordinal == -1)
    }

    @Test func everyDayOfFourHundredYearsRoundTrips() throws {
        var previous: Day?
        for ordinal in day("1900-01-01").ordinal...day("2300-01-01").ordinal {
            let d = Day(ordinal: ordinal)
            #expect(try Day(d.description) == d)
            if let previous { #expect(previous < d) }
            previous = d
        }
    }
}

/// The days a person types at the front desk.
struct FriendlyDayTests {
    let today = try! Day("2024-02-28")

    @Test func wordsAndOffsetsCountFromToday() throws {
        #expect(try Day("today", today: today) == today)
        #expect(try Day("tomorrow", today: today) == Day("2024-02-29"))
        #expect(try Day("yesterday", today: today) == Day("2024-02-27"))
        #expect(try Day("+2", today: today) == Day("2024-03-01"))
        #expect(try Day("-28", today: today) == Day("2024-01-31"))
        #expect(try Day("+0", today: today) == today)
        #expect(try Day("2025-12-31", today: today) == Day("2025-12-31"))
    }

    @Test func anythingElseIsRefused() {
        for bad in ["Today", "tomorow", "now", "+", "-", "+1d", "1", "+ 1", "+99999999", "2024-2-1", "2024-02-30", ""] {
            #expect(throws: InvalidValue.dayWord(bad)) { try Day(bad, today: today) }
        }
    }
}
