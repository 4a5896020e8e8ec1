import Foundation
import HotelTestSupport
import Testing

extension Reliability {
    /// 1. Hundreds of processes released together.
    struct Contention {
        let processes = 200

        @Test func twoHundredProcessesBookingOneRoomAndStayGiveOneBookingEachRound() throws {
            let sandbox = Sandbox()
            // Through the read-model cache, rewritten after every change.
            sandbox.hotel.environment["HOTEL_CACHE_THRESHOLD"] = "0"
            try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
            var statuses: [Int32: Int] = [:]
            let start = ContinuousClock.now
            for round in 0..<Scale.current.contentionRounds {
                let day = round % 28 + 1
                let from = String(format: "2024-05-%02d", day), to = String(format: "2024-05-%02d", day + 1)
                let gate = StartGate(in: sandbox.path + "/")
                let running = try (0..<processes).map { i in
                    try sandbox.hotel.start(["book", "--client", "\(i)", "--room", "Blue", "--from", from, "--to", to], after: gate)
                }
                gate.release(processes)
                let results = running.map { $0.wait() }
                try? FileManager.default.removeItem(atPath: gate.path)
                for r in results { statuses[r.status, default: 0] += 1 }
                let winners = results.filter { $0.status == 0 }
                #expect(winners.count == 1, "round \(round)")
                for loser in results where loser.status != 0 {
                    #expect(loser.status == 1 || loser.status == 75, "\(loser)")
                    #expect(loser.stdout == "")
                    #expect(loser.stderr.hasPrefix("hotel: error: ") && loser.stderr.filter { $0 == "\n" }.count == 1, "\(loser)")
                    if loser.status == 1 { #expect(loser.stderr.contains("room 'Blue' is not free for \(from)..\(to): booking ")) }
                }
            }
            let ids = try Reliability.bookedIDs(in: sandbox)
            #expect(ids.count == Scale.current.contentionRounds)
            try Reliability.expectVerifies(sandbox)
            Reliability.figures("contention, one room", "\(Scale.current.contentionRounds) rounds x \(processes) processes in \(String(format: "%.1f", Reliability.seconds(since: start))) s; exit statuses \(statuses.sorted { $0.key < $1.key })")
        }

        @Test func twoHundredProcessesBookingTwoHundredRoomsAllSucceed() throws {
            let sandbox = Sandbox()
            let rooms = (1...processes).map { "R\($0)" }
            try #require(sandbox.hotel.run(["rooms", "add"] + rooms).status == 0)
            let gate = StartGate(in: sandbox.path)
            let start = ContinuousClock.now
            let running = try rooms.map { try sandbox.hotel.start(["book", "--client", "42", "--room", $0, "--from", "2024-05-01", "--to", "2024-05-03"], after: gate) }
            gate.release(processes)
            let results = running.map { $0.wait() }
            let elapsed = Reliability.seconds(since: start)
            #expect(results.filter { $0.status == 0 }.count == processes, "\(results.filter { $0.status != 0 }.prefix(3))")
            #expect(Set(results.map(\.stdout)).count == processes)
            #expect(try Reliability.bookedIDs(in: sandbox).count == processes)
            try Reliability.expectVerifies(sandbox)
            Reliability.figures("contention, 200 rooms", "\(processes) processes, \(results.filter { $0.status == 0 }.count) bookings in \(String(format: "%.1f", elapsed)) s")
        }
    }
}
