import Foundation
import HotelTestSupport
import Testing

extension Reliability {
    /// 2. `book` processes killed with SIGKILL at random moments.
    struct Kill {
        @Test func everyAcknowledgedBookingSurvivesSIGKILL() throws {
            let sandbox = Sandbox()
            // Rewrite the read-model cache after every change, so that kills land in cache writes too.
            sandbox.hotel.environment["HOTEL_CACHE_THRESHOLD"] = "0"
            let rooms = (1...50).map { "R\($0)" }
            try #require(sandbox.hotel.run(["rooms", "add"] + rooms).status == 0)
            var random = SplitMix(seed: 4)
            func bookArguments() -> [String] {
                let first = Int.random(in: 0..<700, using: &random)
                let day = { (n: Int) in String(format: "2025-%02d-%02d", n / 28 % 12 + 1, n % 28 + 1) }
                return ["book", "--client", "\(first)", "--room", rooms.randomElement(using: &random)!, "--from", day(first), "--to", day(first + 1)]
            }
            // How long an undisturbed book takes, so the kills land before, during and after its work.
            let probe = ContinuousClock.now
            for _ in 0..<5 { _ = try sandbox.hotel.run(bookArguments()) }
            let typical = Reliability.seconds(since: probe) / 5

            var acknowledged: [String] = []
            var killedBeforeAnswer = 0, killedAfterAnswer = 0, finished = 0
            for _ in 0..<Scale.current.killedProcesses {
                let running = try sandbox.hotel.start(bookArguments())
                Thread.sleep(forTimeInterval: Double.random(in: (typical * 0.3)...(typical * 2), using: &random))
                kill(running.process.processIdentifier, SIGKILL)
                let result = running.wait()
                let printed = result.lines.first.map { !$0.isEmpty } ?? false
                if printed { acknowledged.append(result.lines[0]) }
                switch (running.process.terminationReason, printed) {
                case (.uncaughtSignal, false): killedBeforeAnswer += 1
                case (.uncaughtSignal, true): killedAfterAnswer += 1
                default: finished += 1
                }
            }
            let torn = sandbox.hotel.storeBytes().map { $0.last != UInt8(ascii: "\n") } ?? false
            let ids = try Reliability.bookedIDs(in: sandbox)
            #expect(Set(ids).count == ids.count, "a booking id appears twice")
            #expect(Set(acknowledged).isSubset(of: Set(ids)), "acknowledged but lost: \(Set(acknowledged).subtracting(ids))")
            try Reliability.expectVerifies(sandbox)
            let next = try sandbox.hotel.run(["book", "--client", "1", "--room", "R1", "--from", "2030-01-01", "--to", "2030-01-02"])
            #expect(next.status == 0, "\(next)")
            let after = try Reliability.expectVerifies(sandbox)
            #expect(after.stderr == "")
            // The cache the killed processes left answers as a full replay does.
            let cached = try sandbox.hotel.run(["bookings"])
            try FileManager.default.removeItem(atPath: sandbox.hotel.storePath + ".cache")
            #expect(try sandbox.hotel.run(["bookings"]) == cached)
            #expect(cached.lines.count == ids.count + 1)
            Reliability.figures("kill -9", "\(Scale.current.killedProcesses) book processes (typical run \(Int(typical * 1000)) ms): \(killedBeforeAnswer) killed before answering, \(killedAfterAnswer) killed after, \(finished) finished; \(acknowledged.count) acknowledged ids, all in the log; \(ids.count) bookings in the log; unterminated tail after the loop: \(torn)")
        }
    }
}
