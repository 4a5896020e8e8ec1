import Testing
@testable import BookingCore

struct StayTests {
    @Test func hasAtLeastOneNight() {
        #expect(stay("2024-05-01", "2024-05-02").nights == 1)
        #expect(throws: InvalidValue.stay(arrival: day("2024-05-01"), departure: day("2024-05-01"))) {
            try Stay(arrival: day("2024-05-01"), departure: day("2024-05-01"))
        }
        #expect(throws: InvalidValue.stay(arrival: day("2024-05-03"), departure: day("2024-05-01"))) {
            try Stay(arrival: day("2024-05-03"), departure: day("2024-05-01"))
        }
    }

    /// Existing stay 05-10..05-15 against other stays.
    @Test(arguments: [
        ("2024-05-15", "2024-05-17", false),  // arrives on the departure day
        ("2024-05-08", "2024-05-10", false),  // leaves on the arrival day
        ("2024-05-01", "2024-05-05", false),  // well before
        ("2024-05-08", "2024-05-11", true),  // ends inside
        ("2024-05-14", "2024-05-20", true),  // starts inside
        ("2024-05-08", "2024-05-20", true),  // contains
        ("2024-05-11", "2024-05-12", true),  // is contained
        ("2024-05-10", "2024-05-15", true),  // identical
        ("2024-05-14", "2024-05-15", true),  // last night only
    ])
    func overlapIsHalfOpen(from: String, to: String, overlaps: Bool) {
        let existing = stay("2024-05-10", "2024-05-15")
        let other = stay(from, to)
        #expect(existing.overlaps(other) == overlaps)
        #expect(other.overlaps(existing) == overlaps)
    }
}
