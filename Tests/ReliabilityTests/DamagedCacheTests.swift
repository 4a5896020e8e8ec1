import Foundation
import HotelTestSupport
import Testing

extension Reliability {
    /// 11. A damaged read-model cache never changes an answer: its bytes are flipped, zeroed, overwritten and
    /// truncated at random, and each time `free`, `bookings`, `history` and a `book` into a taken night
    /// answer as the log alone does.
    struct DamagedCache {
        @Test func noDamagedCacheChangesAnAnswer() throws {
            let sandbox = Sandbox()
            sandbox.hotel.environment["HOTEL_NOW"] = "2024-05-01T09:00:00Z"
            sandbox.hotel.environment["HOTEL_CACHE_THRESHOLD"] = "0"
            let rooms = (1...6).map { "R\($0)" }
            var lines = ["rooms add " + rooms.joined(separator: " ")]
            for night in 1...28 {
                for room in rooms where (night + room.count) % 5 != 0 {
                    lines.append("book --client c\(night % 7) --room \(room) --from 2024-06-\(String(format: "%02d", night)) --nights 1")
                }
            }
            let batch = try sandbox.hotel.run(["batch"], input: lines.joined(separator: "\n") + "\n")
            try #require(batch.status == 0, "\(batch)")
            let ids = batch.lines.filter { $0.hasPrefix("bk") }
            for id in ids.prefix(30) { try #require(sandbox.hotel.run(["cancel", id]).status == 0) }
            _ = try sandbox.hotel.run(["free", "--from", "2024-06-01", "--nights", "1"])
            let cachePath = sandbox.hotel.storePath + ".cache"
            let pristineLog = try #require(sandbox.hotel.storeBytes())
            let pristineCache = try #require(FileManager.default.contents(atPath: cachePath))

            // The questions, and the log's answers with no cache (none written: the threshold is past the log).
            let taken = ids[40]
            let takenRoom = try sandbox.hotel.run(["history", taken]).stdout.split(separator: " ")[1]
            let questions: [[String]] = [
                ["free", "--from", "2024-06-03", "--nights", "2"], ["free", "--from", "2024-06-10", "--to", "2024-06-20"],
                ["bookings", "--room", "R3"], ["bookings", "--client", "c2"], ["history", ids[5]], ["history", taken],
                ["book", "--client", "x", "--room", String(takenRoom), "--from", "2024-06-01", "--to", "2024-06-29"],
            ]
            var replay = sandbox.hotel
            replay.environment["HOTEL_CACHE_THRESHOLD"] = "1000000000000"
            try FileManager.default.removeItem(atPath: cachePath)
            let truth = try questions.map { try replay.run($0) }
            #expect(truth.last?.status == 1, "the booking must be refused: \(truth.last!)")

            var random = SplitMix(seed: 11)
            var changed: [String] = []
            for n in 0..<120 {
                var bytes = pristineCache
                let at = 4096 + Int(random.next() % UInt64(bytes.count - 4096))
                let how: String
                switch n % 4 {
                case 0: bytes[at] ^= UInt8(1) << UInt8(random.next() % 8); how = "bit flipped at \(at)"
                case 1: bytes.replaceSubrange(at..<min(bytes.count, at + 16), with: Data(count: min(16, bytes.count - at))); how = "zeroed at \(at)"
                case 2: bytes[at] = UInt8(truncatingIfNeeded: random.next()); how = "overwritten at \(at)"
                default: bytes = bytes.prefix(at); how = "truncated to \(at)"
                }
                for (k, question) in questions.enumerated() {
                    try pristineLog.write(to: URL(fileURLWithPath: sandbox.hotel.storePath))
                    try bytes.write(to: URL(fileURLWithPath: cachePath))
                    let answer = try sandbox.hotel.run(question)
                    if answer != truth[k] { changed.append("\(how): \(question.joined(separator: " ")): \(answer)") }
                }
            }
            Reliability.figures("damaged caches", "120 damaged caches, \(questions.count) questions each, \(changed.count) answers changed")
            #expect(changed.isEmpty, "\(changed.prefix(5))")
        }

        @Test func aCacheTruncatedWhileACommandReadsItCrashesNothing() throws {
            let sandbox = Sandbox()
            sandbox.hotel.environment["HOTEL_NOW"] = "2024-01-01T00:00:00Z"
            var lines = ["rooms add " + (0..<200).map { "R\($0)" }.joined(separator: " ")]
            let first = 19_723  // 2024-01-01, days since 1970
            for i in 0..<40_000 {
                let day = Date(timeIntervalSince1970: Double(first + i / 200) * 86_400).formatted(.iso8601.year().month().day())
                lines.append("book --client c\(i % 97) --room R\(i % 200) --from \(day) --nights 1")
            }
            try #require(sandbox.hotel.run(["batch"], input: lines.joined(separator: "\n") + "\n").status == 0)
            let cachePath = sandbox.hotel.storePath + ".cache"
            let expected = try sandbox.hotel.run(["bookings"])
            try #require(expected.status == 0 && FileManager.default.fileExists(atPath: cachePath))
            let cache = try #require(FileManager.default.contents(atPath: cachePath))
            var outcomes: [Int32] = []
            for round in 0..<8 {
                try cache.write(to: URL(fileURLWithPath: cachePath))
                let running = try sandbox.hotel.start(["bookings"])
                usleep(useconds_t(2_000 + round * 4_000))
                // Truncated in place, as `: > file` or `cp` does: the mapped pages past the new end are gone.
                try #require(truncate(cachePath, round % 2 == 0 ? 0 : cache.count / 3) == 0)
                let result = running.wait()
                outcomes.append(result.status)
                #expect(result == expected, "round \(round): status \(result.status), \(result.stderr)")
            }
            Reliability.figures("cache truncated while read", "exit statuses \(outcomes)")
        }
    }
}
