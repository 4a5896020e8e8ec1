import Foundation
import HotelTestSupport
import Testing

extension Reliability {
    /// 9. Nothing a command accepts can brick the store: days past the calendar hotel writes, and imports and
    /// batches killed part-way (each leaves the log as it was, or whole).
    struct Bricking {
        /// Runs `script` in a shell in the sandbox with `HOTEL_STORE` set, as the issue's reproductions do.
        func sh(_ sandbox: Sandbox, _ script: String, now: String? = nil) throws -> HotelProcess.Result {
            let clock = now.map { "HOTEL_NOW=\($0) " } ?? ""
            return try Reliability.sh("HOTEL_STORE='\(sandbox.hotel.storePath)' \(clock)exec '\(HotelProcess.binary.path)' \(script)", in: sandbox.path)
        }

        @Test(arguments: [
            ("book --client x --room Blue --from 9999-12-31 --nights 1", nil as String?),
            ("book --client x --room Blue --from 9999-12-31 --to tomorrow", "9999-12-31T12:00:00Z"),
            ("hold --client x --room Blue --from 9999-12-31 --nights 1 --for 1h", nil),
            ("block --room Blue --from 9999-12-31 --nights 1", nil),
            ("book --client x --room Blue --from yesterday --nights 1", "0001-01-01T00:00:00Z"),
            ("hold --client x --room Blue --from 9999-12-30 --nights 1 --for 2h", "9999-12-31T23:00:00Z"),
        ])
        func aStayOrHoldPastTheCalendarIsAUsageErrorAndWritesNothing(_ command: String, _ now: String?) throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
            let before = sandbox.hotel.storeBytes()
            let result = try sh(sandbox, command, now: now)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.hasPrefix("hotel: error: ") && result.stderr.contains("0001-01-01..9999-12-31"), "\(result)")
            #expect(sandbox.hotel.storeBytes() == before)
            try Reliability.expectVerifies(sandbox)
        }

        @Test func changeAndBatchPastTheCalendarAreRefusedToo() throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
            let id = try sandbox.hotel.run(["book", "--client", "x", "--room", "Blue", "--from", "9999-12-29", "--nights", "1"]).lines[0]
            let before = sandbox.hotel.storeBytes()
            let change = try sandbox.hotel.run(["change", id, "--nights", "3"])
            #expect(change.status == 64, "\(change)")
            #expect(change.stderr.contains("0001-01-01..9999-12-31"), "\(change)")
            let batch = try sandbox.hotel.run(["batch"], input: "book --client y --room Blue --from 9999-12-31 --nights 1\n")
            // A stay past the calendar is a usage error of its line, found before the batch runs.
            #expect(batch == .init(stdout: "", stderr: "hotel: error: line 1 of the batch: the stay 9999-12-31..10000-01-01 is outside the days hotel can record, 0001-01-01..9999-12-31; see 'hotel book --help'\n", status: 64), "\(batch)")
            #expect(sandbox.hotel.storeBytes() == before)
            try Reliability.expectVerifies(sandbox)
        }

        /// A log of `count` bookings written by `hotel batch`, as `hotel log` prints it.
        func generatedLog(_ sandbox: Sandbox, bookings count: Int) throws -> String {
            var input = "rooms add " + (1...100).map { "R\($0)" }.joined(separator: " ") + "\n"
            for i in 0..<count {
                input += "book --client c\(i) --room R\(i % 100 + 1) --from \(day(i / 100)) --nights 1\n"
            }
            let source = sandbox.path + "/source.jsonl"
            var writer = sandbox.hotel
            writer.environment["HOTEL_STORE"] = source
            let result = try writer.run(["batch"], input: input)
            try #require(result.status == 0, "\(result.stderr)")
            return source
        }

        func day(_ n: Int) -> String {
            let year = 2030 + n / 336, month = n / 28 % 12 + 1, day = n % 28 + 1
            return String(format: "%04d-%02d-%02d", year, month, day)
        }

        @Test func anImportKilledPartWayLeavesNothingAndCanBeDoneAgain() throws {
            let sandbox = Sandbox()
            let source = try generatedLog(sandbox, bookings: 30_000)
            let whole = try Data(contentsOf: URL(fileURLWithPath: source))
            var random = SplitMix(seed: 16)
            var outcomes: [String: Int] = [:]
            // How long an undisturbed import takes (it checks the whole input first, then writes), so that
            // the kills land in its writing too.
            var probe = sandbox.hotel
            probe.environment["HOTEL_STORE"] = sandbox.path + "/probe.jsonl"
            let started = ContinuousClock.now
            try #require(try probe.run(["import", source]).status == 0)
            let typical = Reliability.seconds(since: started)
            for round in 0..<12 {
                let store = sandbox.path + "/imported\(round).jsonl"
                var importer = sandbox.hotel
                importer.environment["HOTEL_STORE"] = store
                let running = try importer.start(["import", source])
                Thread.sleep(forTimeInterval: Double.random(in: (typical * 0.75)...(typical * 1.05), using: &random))
                kill(running.process.processIdentifier, SIGKILL)
                let result = running.wait()
                let bytes = FileManager.default.contents(atPath: store)
                let state = bytes == nil || bytes!.isEmpty ? "nothing" : bytes == whole ? "whole" : "partial (\(bytes!.count) of \(whole.count) bytes)"
                outcomes[state, default: 0] += 1
                #expect(state == "nothing" || state == "whole", "round \(round): \(state), \(result)")
                if state == "nothing" {
                    let again = try importer.run(["import", source])
                    #expect(again.status == 0, "\(again)")
                    #expect(FileManager.default.contents(atPath: store) == whole)
                }
                // The next cache rebuild clears what the killed import left aside.
                importer.environment["HOTEL_CACHE_THRESHOLD"] = "0"
                #expect(try importer.run(["rooms", "add", "Late"]).status == 0)
                let after = try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { $0.hasPrefix("imported\(round).jsonl.") && $0.contains("tmp") }
                #expect(after.isEmpty, "left behind: \(after)")
            }
            Reliability.figures("killed import", "12 imports of 30,000 bookings (typical \(Int(typical * 1000)) ms) killed at random: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))")
        }

        @Test func anImportIntoAStoreHoldingOnlyATornLineIsAccepted() throws {
            let sandbox = Sandbox()
            let source = sandbox.path + "/source.jsonl"
            var writer = sandbox.hotel
            writer.environment["HOTEL_STORE"] = source
            try #require(writer.run(["rooms", "add", "Blue"]).status == 0)
            try Data(#"{"position":1,"type":"Room"#.utf8).write(to: URL(fileURLWithPath: sandbox.hotel.storePath))
            let result = try sandbox.hotel.run(["import", source])
            #expect(result == .init(stdout: "", stderr: "", status: 0) || result.status == 0, "\(result)")
            #expect(sandbox.hotel.storeBytes() == FileManager.default.contents(atPath: source))
            #expect(FileManager.default.contents(atPath: sandbox.hotel.storePath + ".torn") == Data(#"{"position":1,"type":"Room"#.utf8 + [10]))
        }

        @Test func aBatchKilledPartWayLeavesTheLogAsBeforeOrWhole() throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add"] + (1...100).map { "R\($0)" }).status == 0)
            var random = SplitMix(seed: 3)
            var outcomes: [String: Int] = [:]
            var total = 0
            for round in 0..<12 {
                let before = sandbox.hotel.storeBytes()!
                var input = ""
                for i in 0..<20_000 { input += "book --client k\(round)-\(i) --room R\(i % 100 + 1) --from \(day(round * 210 + i / 100)) --nights 1\n" }
                let file = sandbox.path + "/batch\(round).txt"
                try Data(input.utf8).write(to: URL(fileURLWithPath: file))
                let running = try sandbox.hotel.start(shell: "exec '\(HotelProcess.binary.path)' batch < '\(file)'")
                Thread.sleep(forTimeInterval: Double.random(in: 0.05...1.5, using: &random))
                kill(running.process.processIdentifier, SIGKILL)
                let result = running.wait()
                // What later commands see: the batch whole, or nothing of it; and the store works.
                #expect(try sandbox.hotel.run(["verify"]).status == 0)
                let visible = try sandbox.hotel.run(["bookings"]).lines.count - total
                let seen = visible == 0 ? "as before" : visible == 20_000 ? "whole" : "partial (\(visible) bookings)"
                if result.status == 0 { #expect(seen == "whole") }
                #expect(seen == "as before" || seen == "whole", "round \(round): \(seen), \(before.count) bytes before")
                total += max(0, visible)
                outcomes[seen.hasPrefix("partial") ? "partial" : seen, default: 0] += 1
                // The next write settles it, and keeps what was seen.
                #expect(try sandbox.hotel.run(["book", "--client", "n\(round)", "--room", "R1", "--from", day(5000 + round), "--nights", "1"]).status == 0)
                total += 1
                #expect(try sandbox.hotel.run(["bookings"]).lines.count == total)
            }
            Reliability.figures("killed batch", "12 batches of 20,000 bookings killed at random: \(outcomes.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", "))")
        }
    }
}
