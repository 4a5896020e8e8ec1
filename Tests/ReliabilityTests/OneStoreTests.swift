import Foundation
import HotelTestSupport
import Testing

extension Reliability {
    /// 10. One log is one store whatever the path it is reached by, one clock decides and stamps, and readers
    /// see only what is durable.
    struct OneStore {
        @Test(arguments: ["symlink", "hard link", "./relative"])
        func racersThroughTwoPathsToOneLogGetOneWinner(_ kind: String) throws {
            let sandbox = Sandbox()
            sandbox.hotel.environment["HOTEL_CACHE_THRESHOLD"] = "0"
            try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
            let other: String
            switch kind {
            case "symlink":
                other = sandbox.path + "/link.jsonl"
                try FileManager.default.createSymbolicLink(atPath: other, withDestinationPath: "events.jsonl")
            case "hard link":
                other = sandbox.path + "/hard.jsonl"
                try #require(link(sandbox.hotel.storePath, other) == 0)
            default:
                other = "./events.jsonl"
            }
            var viaOther = sandbox.hotel
            viaOther.environment["HOTEL_STORE"] = other
            var winners: [Int] = []
            for round in 0..<12 {
                let from = String(format: "2024-05-%02d", round + 1)
                let gate = StartGate(in: sandbox.path)
                let running = try (0..<16).map { i in
                    try (i % 2 == 0 ? sandbox.hotel : viaOther).start(["book", "--client", "\(i)", "--room", "Blue", "--from", from, "--nights", "1"], after: gate)
                }
                gate.release(16)
                let results = running.map { $0.wait() }
                try? FileManager.default.removeItem(atPath: gate.path)
                winners.append(results.filter { $0.status == 0 }.count)
                for loser in results where loser.status != 0 { #expect(loser.status == 1, "\(loser)") }
            }
            #expect(winners == Array(repeating: 1, count: 12), "winners per round: \(winners)")
            try Reliability.expectVerifies(sandbox)
            #expect(try viaOther.run(["verify"]).status == 0)
            if kind == "symlink" {
                let caches = try FileManager.default.contentsOfDirectory(atPath: sandbox.path).filter { $0.hasSuffix(".cache") || $0.hasSuffix(".lock") }
                #expect(caches.sorted() == ["events.jsonl.cache", "events.jsonl.lock"], "\(caches)")
            }
        }

        @Test func aBookingMovedBetweenTwoRoomsWhileOthersBookBothIsNeverDoubleBooked() throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "A", "B"]).status == 0)
            var overlaps = 0
            for round in 0..<8 {
                let from = String(format: "2024-06-%02d", round * 3 + 1)
                let moving = try sandbox.hotel.run(["hold", "--client", "m", "--room", "A", "--from", from, "--nights", "2", "--for", "1h"]).lines[0]
                let gate = StartGate(in: sandbox.path)
                var running = [
                    try sandbox.hotel.start(["change", moving, "--room", "B"], after: gate),
                    try sandbox.hotel.start(["change", moving, "--room", "A"], after: gate),
                    try sandbox.hotel.start(["confirm", moving], after: gate),
                ]
                for i in 0..<6 {
                    running.append(try sandbox.hotel.start(["book", "--client", "r\(i)", "--room", i % 2 == 0 ? "A" : "B", "--from", from, "--nights", "2"], after: gate))
                }
                gate.release(running.count)
                _ = running.map { $0.wait() }
                try? FileManager.default.removeItem(atPath: gate.path)
                let holding = try sandbox.hotel.run(["bookings", "--from", from, "--nights", "2"]).lines.filter { !$0.hasSuffix("\tcancelled") && !$0.hasSuffix("\treleased") && !$0.hasSuffix("\texpired") }
                let rooms = holding.map { $0.split(separator: "\t")[2] }
                if Set(rooms).count != rooms.count { overlaps += 1 }
            }
            #expect(overlaps == 0)
            try Reliability.expectVerifies(sandbox)
        }

        @Test func aHoldABookingTreatedAsExpiredStaysExpiredWhenTheClockGoesBack() throws {
            let sandbox = Sandbox()
            var at = sandbox.hotel
            at.environment["HOTEL_NOW"] = "2024-05-01T10:00:00Z"
            try #require(at.run(["rooms", "add", "Blue"]).status == 0)
            let hold = try at.run(["hold", "--client", "h", "--room", "Blue", "--from", "2024-06-01", "--nights", "2", "--for", "1h"]).lines[0]
            at.environment["HOTEL_NOW"] = "2024-05-01T12:00:00Z"
            let booked = try at.run(["book", "--client", "b", "--room", "Blue", "--from", "2024-06-01", "--nights", "2"])
            try #require(booked.status == 0, "\(booked)")
            // The clock steps back to before the hold's expiry.
            at.environment["HOTEL_NOW"] = "2024-05-01T10:30:00Z"
            let bookings = try at.run(["bookings"]).lines
            #expect(bookings.contains { $0.hasPrefix(hold + "\t") && $0.hasSuffix("\texpired") }, "\(bookings)")
            let confirm = try at.run(["confirm", hold])
            #expect(confirm.status == 1, "\(confirm)")
            #expect(try at.run(["free", "--from", "2024-06-01", "--nights", "2"]).stdout == "")
            let again = try at.run(["book", "--client", "c", "--room", "Blue", "--from", "2024-06-01", "--nights", "2"])
            #expect(again.status == 1, "\(again)")
            #expect(try at.run(["verify"]).status == 0)
        }

        @Test func aConfirmThatWaitsForTheLockPastTheHoldsExpiryIsNotRecordedAsConfirmingAnExpiredHold() throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
            let hold = try sandbox.hotel.run(["hold", "--client", "h", "--room", "Blue", "--from", "2030-06-01", "--nights", "2", "--for", "2s"]).lines[0]
            // Someone holds the lock for 4 s while the confirm waits.
            let holder = try sandbox.hotel.start(shell: "exec flock '\(sandbox.hotel.storePath).lock' sleep 4")
            Thread.sleep(forTimeInterval: 0.3)
            let confirm = try sandbox.hotel.run(["confirm", hold])
            _ = holder.wait()
            // Either refused (the hold expired while it waited) or recorded at a time the hold was live.
            let verify = try sandbox.hotel.run(["verify"])
            #expect(verify.status == 0, "confirm: \(confirm)\nverify: \(verify)")
        }

        @Test func readersNeverSeeAnAppendWhoseSyncFails() throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue", "Green"]).status == 0)
            let before = sandbox.hotel.storeBytes()
            // A book whose fsync waits 1.5 s and then fails; meanwhile a follower and a competitor run.
            let writer = try sandbox.hotel.start(shell: "exec strace -f -o /dev/null -e trace=fsync -e inject=fsync:error=EIO:delay_enter=1500000:when=1 '\(HotelProcess.binary.path)' book --client w --room Blue --from 2024-05-01 --nights 2")
            Thread.sleep(forTimeInterval: 0.7)
            let follower = try sandbox.hotel.start(shell: "exec timeout -s KILL 3 '\(HotelProcess.binary.path)' log --follow --after 2")
            let bookings = try sandbox.hotel.run(["bookings"])
            let written = writer.wait()
            let competitor = try sandbox.hotel.run(["book", "--client", "c", "--room", "Blue", "--from", "2024-05-01", "--nights", "2"])
            let followed = follower.wait()
            #expect(written.status == 74, "\(written)")
            #expect(bookings.stdout == "", "a reader saw the unsynced booking: \(bookings)")
            #expect(!followed.stdout.contains("\"w\""), "the follower printed the unsynced line: \(followed.stdout)")
            #expect(competitor.status == 0, "\(competitor)")
            #expect(sandbox.hotel.storeBytes()!.starts(with: before!))
            try Reliability.expectVerifies(sandbox)
        }

        @Test(arguments: ["", ".cache", ".torn"])
        func aFIFOWhereAFileShouldBeIsRefusedWithoutHanging(_ suffix: String) throws {
            let sandbox = Sandbox()
            if suffix != "" { try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0) }
            if suffix == ".torn" { try Data(#"{"posi"#.utf8).write(to: URL(fileURLWithPath: sandbox.hotel.storePath), options: .atomic) }
            try? FileManager.default.removeItem(atPath: sandbox.hotel.storePath + suffix)
            try #require(mkfifo(sandbox.hotel.storePath + suffix, 0o644) == 0)
            let start = ContinuousClock.now
            let result = try Reliability.sh("exec timeout -s KILL 5 '\(HotelProcess.binary.path)' rooms add Green", in: sandbox.path)
            #expect(Reliability.seconds(since: start) < 4, "\(result)")
            if suffix == ".cache" {
                // A cache is disposable: the command works without it.
                #expect(result.status == 0, "\(result)")
            } else {
                #expect(result.status == 74, "\(result)")
                #expect(result.stderr.contains("is not a regular file"), "\(result)")
            }
        }

        @Test func aDirectoryWhereTheLockFileShouldBeIsRefusedWithOneClearLine() throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
            try FileManager.default.removeItem(atPath: sandbox.hotel.storePath + ".lock")
            try FileManager.default.createDirectory(atPath: sandbox.hotel.storePath + ".lock", withIntermediateDirectories: false)
            let result = try sandbox.hotel.run(["rooms", "add", "Green"])
            #expect(result.status == 74, "\(result)")
            #expect(result.stderr.hasSuffix("is not a regular file (a FIFO, a device, a socket or a directory): a store and the files beside it must be plain files; remove it or point --store elsewhere\n"), "\(result)")
        }

        @Test func aCacheTemporaryLeftByAKilledRebuildIsCleared() throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
            // A process id that is not running: a killed rebuild's leftover.
            let stale = sandbox.hotel.storePath + ".cache.tmp999999"
            try Data("partial".utf8).write(to: URL(fileURLWithPath: stale))
            var rebuild = sandbox.hotel
            rebuild.environment["HOTEL_CACHE_THRESHOLD"] = "0"
            #expect(try rebuild.run(["rooms", "add", "Green"]).status == 0)
            #expect(!FileManager.default.fileExists(atPath: stale))
        }

        @Test func friendlyDaysInABatchCountFromToday() throws {
            let sandbox = Sandbox()
            sandbox.hotel.environment["HOTEL_NOW"] = "2024-05-01T10:00:00Z"
            sandbox.hotel.environment["TZ"] = "UTC"
            let result = try sandbox.hotel.run(["batch"], input: "rooms add Blue Green\nbook --client a --room Blue --from today --nights 1\nbook --client b --room Green --from +3 --nights 1\n")
            #expect(result.status == 0, "\(result)")
            #expect(try sandbox.hotel.run(["bookings"]).lines.map { $0.split(separator: "\t")[3] } == ["2024-05-01", "2024-05-04"])
        }

        @Test func aBatchThatCreatesTheStoreRunsItsIdCommands() throws {
            let sandbox = Sandbox()
            let result = try sandbox.hotel.run(["batch"], input: "rooms add Blue\nhold --client a --room Blue --from 2030-05-01 --nights 1 --for 1h --idempotency-key k1\nconfirm \(bookingID(forKey: "k1"))\n")
            // The id of a keyed hold is printed before; confirm it by that id in the same batch.
            #expect(!result.stdout.contains("no store at"), "\(result)")
            #expect(!result.stderr.contains("no store at"), "\(result)")
        }

        /// The id `hotel` gives a hold made with `key` (asked of a scratch store).
        func bookingID(forKey key: String) -> String {
            let scratch = Sandbox()
            _ = try? scratch.hotel.run(["rooms", "add", "Blue"])
            return (try? scratch.hotel.run(["hold", "--client", "a", "--room", "Blue", "--from", "2030-05-01", "--nights", "1", "--for", "1h", "--idempotency-key", key]).lines.first) ?? ""
        }
    }
}
