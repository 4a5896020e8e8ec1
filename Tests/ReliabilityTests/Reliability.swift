import Foundation
import HotelTestSupport
import Testing

/// The reliability suite: real `hotel` processes on temporary stores, under contention, SIGKILL, truncation,
/// injected I/O errors, concurrent readers, garbage input and stuck locks. Its suites run one at a time so
/// that the figures they print mean something.
///
/// `HOTEL_RELIABILITY=full` runs the full size (`scripts/reliability`); the default is the CI size.
@Suite(.serialized) struct Reliability {
    /// How much work each test does.
    struct Scale {
        let contentionRounds: Int
        let killedProcesses: Int
        let insertedGarbageCopies: Int
        let fuzzIterations: Int
        let writesPerWriter: Int

        static let ci = Scale(contentionRounds: 3, killedProcesses: 500, insertedGarbageCopies: 2_000, fuzzIterations: 100_000, writesPerWriter: 40)
        static let full = Scale(contentionRounds: 20, killedProcesses: 2_000, insertedGarbageCopies: 20_000, fuzzIterations: 2_000_000, writesPerWriter: 200)

        static let current: Scale = ProcessInfo.processInfo.environment["HOTEL_RELIABILITY"] == "full" ? .full : .ci
    }

    /// Prints a test's figures, one line, so that they show in the test log.
    static func figures(_ test: String, _ text: String) {
        print("[reliability] \(test): \(text)")
    }

    /// A shell command's outcome, run to the end.
    static func sh(_ script: String, in directory: String) throws -> HotelProcess.Result {
        try HotelProcess(directory: directory).start(shell: script).wait()
    }

    /// The log's lines as JSON objects, parsed by Foundation (independently of BookingCore).
    static func events(in sandbox: Sandbox) throws -> [[String: Any]] {
        let text = String(decoding: sandbox.hotel.storeBytes() ?? Data(), as: UTF8.self)
        return try text.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    /// The booking ids of the log's `RoomBooked` events, in order.
    static func bookedIDs(in sandbox: Sandbox) throws -> [String] {
        try events(in: sandbox).filter { $0["type"] as? String == "RoomBooked" }.compactMap { ($0["data"] as? [String: Any])?["bookingId"] as? String }
    }

    /// Asserts `hotel verify` passes and returns its result.
    @discardableResult
    static func expectVerifies(_ sandbox: Sandbox, sourceLocation: SourceLocation = #_sourceLocation) throws -> HotelProcess.Result {
        let result = try sandbox.hotel.run(["verify"])
        #expect(result.status == 0, "\(result)", sourceLocation: sourceLocation)
        #expect(result.stdout.hasPrefix("ok: "), sourceLocation: sourceLocation)
        return result
    }

    /// Seconds since `start`.
    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
