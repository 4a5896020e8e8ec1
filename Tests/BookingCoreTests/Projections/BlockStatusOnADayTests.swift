import Testing
@testable import BookingCore

/// A block's status on a day: active up to its last night, past from the day it is back in service, ended
/// once unblocked whatever the day.
struct BlockStatusOnADayTests {
    let block = Block(id: bookingID("blA"), room: room("Blue"), stay: stay("2024-05-02", "2024-05-04"))

    @Test func activeUpToItsLastNightThenPast() {
        #expect(block.status(on: day("2024-05-01")) == .active)
        #expect(block.status(on: day("2024-05-03")) == .active)
        #expect(block.status(on: day("2024-05-04")) == .past)
        #expect(block.status(on: day("2025-01-01")) == .past)
    }

    @Test func endedWhateverTheDay() {
        var ended = block
        ended.hasEnded = true
        #expect(ended.status(on: day("2024-05-01")) == .ended)
        #expect(ended.status(on: day("2024-05-05")) == .ended)
    }
}
