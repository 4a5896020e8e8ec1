import Foundation
import HotelTestSupport
import Testing

extension Reliability {
    /// 7. A writer killed holding the lock frees it at once; a live holder makes writers wait, then exit 75.
    struct LockHygiene {
        /// Whether some process holds the store's lock now.
        func lockIsHeld(_ sandbox: Sandbox) throws -> Bool {
            try Reliability.sh("flock -n '\(sandbox.hotel.storePath).lock' true", in: sandbox.path).status != 0
        }

        @Test func aWriterKilledWhileHoldingTheLockDoesNotBlockTheNext() throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
            // A real `hotel book` held inside fsync (so holding the lock) for 20 s by strace.
            let stuck = try sandbox.hotel.start(shell: "exec strace -f -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=20000000 '\(HotelProcess.binary.path)' book --client 1 --room Blue --from 2024-05-01 --to 2024-05-03")
            let deadline = ContinuousClock.now + .seconds(10)
            while try !lockIsHeld(sandbox), ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
            try #require(try lockIsHeld(sandbox))
            // Kill the hotel process itself (strace's child), then strace.
            let child = try Reliability.sh("pgrep -P \(stuck.process.processIdentifier)", in: sandbox.path).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
            let pid = try #require(Int32(child))
            kill(pid, SIGKILL)
            _ = stuck.wait()
            let start = ContinuousClock.now
            let next = try sandbox.hotel.run(["rooms", "add", "Green"])
            let waited = Reliability.seconds(since: start)
            #expect(next.status == 0, "\(next)")
            #expect(waited < 1.0, "the next writer waited \(waited) s")
            try Reliability.expectVerifies(sandbox)
            Reliability.figures("lock of a killed writer", "next writer done in \(Int(waited * 1000)) ms")
        }

        @Test func aLiveHolderMakesAWriterWaitThenExit75() throws {
            let sandbox = Sandbox()
            try #require(sandbox.hotel.run(["rooms", "add", "Blue"]).status == 0)
            var impatient = sandbox.hotel
            impatient.environment["HOTEL_LOCK_TIMEOUT"] = "1"

            // Held for 0.5 s: the writer waits, then succeeds.
            let short = try sandbox.hotel.start(shell: "exec flock '\(sandbox.hotel.storePath).lock' sleep 0.5")
            while try !lockIsHeld(sandbox) { Thread.sleep(forTimeInterval: 0.01) }
            let waited = try impatient.run(["rooms", "add", "Green"])
            #expect(waited.status == 0, "\(waited)")
            _ = short.wait()

            // Held for 5 s: the writer gives up after its 1 s timeout with exit 75, having written nothing.
            let long = try sandbox.hotel.start(shell: "exec flock '\(sandbox.hotel.storePath).lock' sleep 5")
            while try !lockIsHeld(sandbox) { Thread.sleep(forTimeInterval: 0.01) }
            let before = sandbox.hotel.storeBytes()
            let start = ContinuousClock.now
            let timedOut = try impatient.run(["rooms", "add", "Red"])
            let elapsed = Reliability.seconds(since: start)
            kill(long.process.processIdentifier, SIGKILL)
            _ = long.wait()
            #expect(timedOut.status == 75)
            #expect(timedOut.stderr == "hotel: error: timed out after 1 s waiting for the lock on 'events.jsonl.lock' held by another hotel process; try again\n")
            #expect(elapsed >= 1.0)
            #expect(sandbox.hotel.storeBytes() == before)
            Reliability.figures("live lock holder", "writer gave up after \(String(format: "%.2f", elapsed)) s (timeout 1 s), exit 75")
        }
    }
}
