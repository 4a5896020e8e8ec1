import Foundation
import HotelTestSupport
import Testing

/// Issue 20's defects found by an adversarial session, each as it was reported: values left after a forget
/// (a symlinked side file), or after a failed write, an erasure recorded while reporting nothing written,
/// leftovers `verify` did not see, a lost side file reported sound, a lock that ignored HOTEL_LOCK_TIMEOUT,
/// and a search that found everyone.
struct GuestDefectTests {
    let sandbox = Sandbox()
    let now = "2026-12-03T10:00:00Z"
    var guests: String { sandbox.hotel.storePath + ".guests" }

    @discardableResult
    func ok(_ arguments: [String]) throws -> String { try sandbox.ok(arguments, at: now) }

    init() throws {
        try sandbox.ok(["rooms", "add", "Blue"], at: now)
        try sandbox.ok(["guests", "set", "40", "--name", "Élodie Fournier", "--email", "elodie@example.fr"], at: now)
    }

    @Test func aSymlinkedSideFileIsRefusedRatherThanLeftHoldingAForgottenGuest() throws {
        let real = sandbox.path + "/guests.real"
        try FileManager.default.moveItem(atPath: guests, toPath: real)
        try FileManager.default.createSymbolicLink(atPath: guests, withDestinationPath: real)
        let refused = try sandbox.hotel(now: now).run(["guests", "forget", "40"])
        #expect(refused.status == 74 && refused.stdout == "" && refused.stderr.contains("events.jsonl.guests' is a symbolic link"), "\(refused)")
        #expect(!(try ok(["log"])).contains("GuestForgotten"))
        // So is a side file with a second name (a hard link).
        try FileManager.default.removeItem(atPath: guests)
        try FileManager.default.moveItem(atPath: real, toPath: guests)
        try FileManager.default.linkItem(atPath: guests, toPath: sandbox.path + "/backup")
        #expect(try sandbox.hotel(now: now).run(["guests", "forget", "40"]).status == 74)
        #expect(try sandbox.hotel(now: now).run(["verify"]).status == 65)
    }

    @Test func aGuestsSetThatFailsLeavesNoneOfItsValues() throws {
        var hotel = sandbox.hotel(now: now)
        let holder = try hotel.start(shell: "exec flock -x '\(sandbox.hotel.storePath).lock' sleep 4")
        usleep(300_000)
        hotel.environment["HOTEL_LOCK_TIMEOUT"] = "1"
        let failed = try hotel.run(["guests", "set", "80", "--name", "Timeout Victim"])
        #expect(failed.status == 75, "\(failed)")
        #expect(filesContaining("Timeout Victim", in: sandbox) == [])
        _ = holder.wait()
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func aForgetOnADamagedSideFileRecordsNothing() throws {
        let bytes = try #require(FileManager.default.contents(atPath: guests))
        try bytes.prefix(40).write(to: URL(fileURLWithPath: guests))
        let refused = try sandbox.hotel(now: now).run(["guests", "forget", "40"])
        #expect(refused.status == 65, "\(refused)")
        #expect(!(try ok(["log"])).contains("GuestForgotten"))
    }

    @Test func aKilledWritersCopyIsReportedAndRemovedByTheNextWrite() throws {
        // What a `guests set` killed before its rename leaves: a copy of the values, and the marker.
        let copy = guests + ".tmp999999"
        try Data("{\"client\":\"40\",\"revision\":\"0123456789abcdef\",\"name\":\"Half Written\"}\n".utf8).write(to: URL(fileURLWithPath: copy))
        FileManager.default.createFile(atPath: guests + ".pending", contents: Data())
        let verify = try sandbox.hotel(now: now).run(["verify"])
        #expect(verify.status == 65 && verify.stdout.contains("events.jsonl.guests.tmp999999: a guests write killed"), "\(verify)")
        try ok(["book", "--client", "40", "--room", "Blue", "--from", "2026-12-10", "--nights", "1"])
        #expect(filesContaining("Half Written", in: sandbox) == [])
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func aLostSideFileIsAWarning() throws {
        try FileManager.default.removeItem(atPath: guests)
        let verify = try sandbox.hotel(now: now).run(["verify"])
        #expect(verify.status == 0 && verify.stderr.contains("has no values of client 40's profile"), "\(verify)")
    }

    /// A side file others may read (restored by a copy that did not keep its mode, say) is a warning that
    /// says how to close it; the next guests write makes it 0600 again.
    @Test func aSideFileOthersMayReadIsAWarning() throws {
        #expect(chmod(guests, 0o644) == 0)
        let verify = try sandbox.hotel(now: now).run(["verify"])
        #expect(verify.status == 0 && verify.stderr.contains("hotel: warning: \(URL(fileURLWithPath: guests).lastPathComponent): has mode 0644, not 0600 (read and write by its owner only): others may read the guests' personal data, or its owner may not write it; 'chmod 600 "), "\(verify)")
        try sandbox.ok(["guests", "set", "40", "--note", "x"], at: now)
        var info = stat()
        #expect(stat(guests, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try sandbox.hotel(now: now).run(["verify"]).stderr == "")
    }

    @Test func theGuestsLockWaitsAsLongAsHOTEL_LOCK_TIMEOUTSays() throws {
        var hotel = sandbox.hotel(now: now)
        let holder = try hotel.start(shell: "exec flock -x '\(guests).lock' sleep 6")
        usleep(300_000)
        hotel.environment["HOTEL_LOCK_TIMEOUT"] = "1"
        let started = Date()
        let waited = try hotel.run(["guests", "set", "40", "--note", "x"])
        #expect(waited.status == 75 && Date().timeIntervalSince(started) < 5, "\(waited)")
        _ = holder.wait()
    }

    @Test func aTextThatFoldsToNothingIsAUsageError() throws {
        #expect(try sandbox.refused(["guests", "find", "\u{301}"], at: now, status: 64).stderr.contains("empty"))
        #expect(try sandbox.refused(["bookings", "--guest", "\u{301}"], at: now, status: 64).stderr.contains("--guest"))
    }
}
