import Foundation
import HotelTestSupport
import Testing

extension Reliability {
    /// 4. Disk full and I/O errors: injected with strace into real system calls, and a real short write
    /// from a file-size limit.
    struct FaultInjection {
        let book = ["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]

        func prepared() throws -> Sandbox {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue", "Green"]).status == 0)
            try #require(sandbox.hotel.run(["book", "--client", "1", "--room", "Green", "--from", "2024-05-01", "--to", "2024-05-03"]).status == 0)
            return sandbox
        }

        /// Runs `hotel` under strace with one fault injected.
        func runInjected(_ sandbox: Sandbox, _ injection: String, _ arguments: [String]) throws -> HotelProcess.Result {
            let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
            return try Reliability.sh("exec strace -f -o /dev/null -e trace=\(injection.prefix { $0 != ":" }) -e inject=\(injection) '\(HotelProcess.binary.path)' \(quoted)", in: sandbox.path)
        }

        /// The failed command claimed nothing, left the log as it was, and the store works afterwards.
        func expectCleanFailure(_ result: HotelProcess.Result, _ sandbox: Sandbox, before: Data?, message: String) throws {
            #expect(result.status == 74, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.hasPrefix("hotel: error: ") && result.stderr.contains(message), "\(result)")
            #expect(sandbox.hotel.storeBytes() == before)
            try Reliability.expectVerifies(sandbox)
            let retry = try sandbox.hotel.run(book)
            #expect(retry.status == 0, "\(retry)")
            #expect(try Reliability.bookedIDs(in: sandbox).count == 2)
            try Reliability.expectVerifies(sandbox)
        }

        @Test(arguments: [
            ("write:error=ENOSPC:when=1", "No space left on device"),
            ("write:error=EIO:when=1", "Input/output error"),
            ("fsync:error=EIO:when=1", "fsync 'events.jsonl' failed: Input/output error"),
            ("fsync:error=ENOSPC:when=1", "fsync 'events.jsonl' failed: No space left on device"),
        ])
        func aFailedWriteOrSyncClaimsNothingAndLeavesNoPartialLine(_ injection: String, _ message: String) throws {
            let sandbox = try prepared()
            let before = sandbox.hotel.storeBytes()
            let result = try runInjected(sandbox, injection, book)
            try expectCleanFailure(result, sandbox, before: before, message: message)
        }

        @Test func aBatchWhoseSyncFailsAcknowledgesNothing() throws {
            let sandbox = try prepared()
            let before = sandbox.hotel.storeBytes()
            let input = sandbox.path + "/batch.txt"
            try Data("book --client 1 --room Blue --from 2024-06-01 --to 2024-06-02\nbook --client 2 --room Blue --from 2024-06-02 --to 2024-06-03\n".utf8).write(to: URL(fileURLWithPath: input))
            let result = try Reliability.sh("exec strace -f -o /dev/null -e trace=fsync -e inject=fsync:error=EIO:when=1 '\(HotelProcess.binary.path)' batch < '\(input)'", in: sandbox.path)
            #expect(result.status == 74, "\(result)")
            #expect(result.stdout == "")
            #expect(sandbox.hotel.storeBytes() == before)
            try Reliability.expectVerifies(sandbox)
        }

        @Test func aBatchWhoseSecondWriteFailsIsCutBackWhole() throws {
            let sandbox = try prepared()
            let before = try #require(sandbox.hotel.storeBytes())
            let input = sandbox.path + "/batch.txt"
            // About 1.2 MB of lines: written in two pieces; the second fails after the first landed.
            let days = consecutiveDays(fromNewYearOf: 2030, count: 5_001)
            let lines = (0..<5_000).map { "book --client \($0) --room Blue --from \(days[$0]) --to \(days[$0 + 1])\n" }.joined()
            try Data(lines.utf8).write(to: URL(fileURLWithPath: input))
            let result = try Reliability.sh("exec strace -f -o /dev/null -e trace=write -e inject=write:error=ENOSPC:when=2 '\(HotelProcess.binary.path)' batch < '\(input)'", in: sandbox.path)
            #expect(result.status == 74, "\(result)")
            #expect(result.stdout == "")
            #expect(result.stderr.contains("No space left on device"))
            #expect(sandbox.hotel.storeBytes() == before)
            try Reliability.expectVerifies(sandbox)
            #expect(try sandbox.hotel.run(["book", "--client", "1", "--room", "Blue", "--from", "2030-01-01", "--to", "2030-01-02"]).status == 0)
        }

        @Test func aWriteCutShortByAFullDiskIsCutBackBeforeTheNextWrite() throws {
            let sandbox = try prepared()
            // Grow the log until the next booking's line would cross a 1 KiB boundary part-way.
            var size = try #require(sandbox.hotel.storeBytes()).count
            var n = 0
            while !(60...160).contains(1024 - size % 1024) {
                n += 1
                try #require(sandbox.hotel.run(["rooms", "add", "Pad\(n)"]).status == 0)
                size = try #require(sandbox.hotel.storeBytes()).count
            }
            let before = sandbox.hotel.storeBytes()
            let limit = size / 1024 + 1
            let quoted = book.map { "'\($0)'" }.joined(separator: " ")
            // SIGXFSZ ignored: write(2) returns the bytes that fit, then fails with EFBIG, as on a full disk.
            let result = try Reliability.sh("trap '' XFSZ; ulimit -f \(limit); exec '\(HotelProcess.binary.path)' \(quoted)", in: sandbox.path)
            try expectCleanFailure(result, sandbox, before: before, message: "File too large")
            Reliability.figures("short write", "log of \(size) bytes, limit \(limit * 1024): write cut after \(limit * 1024 - size) bytes, exit 74, log cut back to \(size) bytes")
        }
    }
}
