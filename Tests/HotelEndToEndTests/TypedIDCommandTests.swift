import Foundation
import HotelTestSupport
import Testing

/// Ids as a person types them: Crockford's base 32 in any case, with I and L for 1 and O for 0, on every command
/// that takes one, in batch lines and in `history`; an unknown id one edit from a known one gets did-you-mean.
/// And holds of compound durations (`--for 1h30m`).
struct TypedIDCommandTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel(now: "2024-05-01T10:00:00Z") }

    /// Blue, Green and Red; a booking of each (ids from idempotency keys, so the same every run); a hold; a block.
    func setUp() throws -> (bookings: [String], hold: String, block: String) {
        try #require(hotel.run(["rooms", "add", "Blue", "Green", "Red", "Pink"]).status == 0)
        let bookings = try ["Blue", "Green", "Red"].enumerated().map { n, room in
            try hotel.run(["book", "--client", "\(n)", "--room", room, "--from", "2024-05-01", "--nights", "2", "--idempotency-key", "k\(n)"]).lines[0]
        }
        let hold = try hotel.run(["hold", "--room", "Pink", "--from", "2024-05-01", "--nights", "2"]).lines[0]
        let block = try hotel.run(["block", "--room", "Pink", "--from", "2024-06-01", "--nights", "2"]).lines[0]
        return (bookings, hold, block)
    }

    /// `id` in capitals, with each 0 written O and each 1 written L (after the prefix).
    func typed(_ id: String) -> String {
        String(id.prefix(2)).uppercased() + id.dropFirst(2).uppercased().replacingOccurrences(of: "0", with: "O").replacingOccurrences(of: "1", with: "L")
    }

    @Test func everyCommandOnAnIDTakesItInAnyCase() throws {
        let (bookings, hold, block) = try setUp()
        #expect(bookings.allSatisfy { $0.count == 12 && $0 == $0.lowercased() })
        // Every command prints the id as the store holds it.
        #expect(try hotel.run(["checkin", typed(bookings[0])]) == .init(stdout: bookings[0] + "\n", stderr: "", status: 0))
        #expect(try hotel.run(["change", bookings[1].uppercased(), "--nights", "3"]).stdout == bookings[1] + "\n")
        #expect(try hotel.run(["cancel", typed(bookings[1]), "--reason", "typed in capitals"]).stdout == bookings[1] + "\n")
        #expect(try hotel.run(["confirm", typed(hold), "--client", "9"]).stdout == hold + "\n")
        #expect(try hotel.run(["unblock", typed(block)]).stdout == block + "\n")
        #expect(try hotel.run(["checkout", bookings[0].uppercased()]).stdout == bookings[0] + "\n")
        #expect(try hotel.run(["history", typed(bookings[1])]) == (try hotel.run(["history", bookings[1]])))
        #expect(try hotel.run(["history", typed(bookings[1]), "--json"]).stdout.hasPrefix("{\"id\":\"\(bookings[1])\""))
        // In a batch line too.
        let batch = try hotel.run(["batch"], input: "noshow \(typed(bookings[2]))\n")
        #expect(batch == .init(stdout: bookings[2] + "\n", stderr: "", status: 0))
        #expect(try hotel.run(["verify"]).status == 0)
    }

    @Test func anUnknownIDOneEditFromAKnownOneGetsDidYouMean() throws {
        let (bookings, _, block) = try setUp()
        let before = sandbox.hotel.storeBytes()
        let typo = String(bookings[0].dropLast()) + (bookings[0].last == "z" ? "y" : "z")
        let message = "unknown booking '\(typo)' (did you mean '\(bookings[0])'?)"
        #expect(try hotel.run(["cancel", typo]) == .init(stdout: "", stderr: "hotel: error: \(message)\n", status: 1))
        #expect(try hotel.run(["checkin", typo.uppercased()]).stderr == "hotel: error: unknown booking '\(typo.uppercased())' (did you mean '\(bookings[0])'?)\n")
        let dropped = String(bookings[0].dropLast())
        #expect(try hotel.run(["change", dropped, "--nights", "1"]).stderr == "hotel: error: unknown booking '\(dropped)' (did you mean '\(bookings[0])'?)\n")
        #expect(try hotel.run(["history", typo]) == .init(stdout: "", stderr: "hotel: error: \(message)\n", status: 1))
        let blockTypo = "bl" + String(block.dropFirst(2).reversed())
        let swapped = "bl" + block.dropFirst(2).prefix(1) + block.dropFirst(3).prefix(1) + block.dropFirst(4)
        if swapped != block {
            #expect(try hotel.run(["unblock", swapped]).stderr == "hotel: error: unknown block '\(swapped)' (did you mean '\(block)'?)\n")
        }
        // Two edits away: no guess.
        #expect(try hotel.run(["release", blockTypo]).stderr.hasSuffix("; 'hotel bookings' lists the bookings\n"))
        #expect(try hotel.run(["cancel", "bkzzzzzzzzzz"]).stderr == "hotel: error: unknown booking 'bkzzzzzzzzzz'; 'hotel bookings' lists the bookings\n")
        let batch = try hotel.run(["batch"], input: "cancel \(typo)\n")
        #expect(batch == .init(stdout: "error: \(message)\n", stderr: "hotel: error: 1 of 1 commands were refused\n", status: 1))
        #expect(sandbox.hotel.storeBytes() == before)
    }

    @Test func aHoldLastsACompoundDuration() throws {
        try #require(hotel.run(["rooms", "add", "Blue"]).status == 0)
        for (duration, expiry) in [("1h30m", "2024-05-01T11:30:00Z"), ("2d12h", "2024-05-03T22:00:00Z"), ("90s", "2024-05-01T10:01:30Z"), ("1d2h3m4s", "2024-05-02T12:03:04Z"), ("30d", "2024-05-31T10:00:00Z")] {
            let hold = try hotel.run(["hold", "--room", "Blue", "--from", "2024-06-01", "--nights", "1", "--for", duration, "--json"])
            #expect(hold.status == 0 && hold.stdout.contains(#""expiresAt":"\#(expiry)""#), "\(duration): \(hold)")
            let range = try #require(hold.stdout.range(of: #"bk[0-9a-z]{8}"#, options: .regularExpression))
            let id = String(hold.stdout[range])
            #expect(try hotel.run(["release", id]).status == 0)
        }
        for duration in ["30d1s", "30m1h", "1h 30m", "1.5h", "0h0m"] {
            #expect(try hotel.run(["hold", "--room", "Blue", "--from", "2024-06-01", "--nights", "1", "--for", duration]) == .init(
                stdout: "", stderr: "hotel: error: invalid duration '\(duration)': expected a whole number and a unit, such as 90s, 15m, 2h or 1d, or several largest first, such as 1h30m (at most 30d); see 'hotel hold --help'\n",
                status: 64), "\(duration)")
        }
        // In a batch line too.
        let batch = try hotel.run(["batch"], input: "hold --room Blue --from 2024-07-01 --nights 1 --for 2h15m\n")
        #expect(batch.status == 0, "\(batch)")
        #expect(try hotel.run(["bookings", "--status", "held", "--json"]).stdout.contains(#""expiresAt":"2024-05-01T12:15:00Z""#))
    }
}
