import Foundation
import HotelTestSupport
import Testing

/// Progress of long work shows on stderr only when it is a terminal (here a pseudo-terminal made by
/// script(1)), redrawn in place, and is gone when the work is done.
struct ProgressTests {
    let sandbox = Sandbox()

    /// A batch of 20,000 bookings: long enough for a debug build to take well over a tenth of a second.
    func writeBatch() throws -> String {
        var lines = ["rooms add " + (0..<100).map { String(format: "R%03d", $0) }.joined(separator: " ")]
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd"
        formatter.timeZone = TimeZone(identifier: "UTC")
        let start = formatter.date(from: "2030-01-01")!
        for i in 0..<20_000 {
            let arrival = start.addingTimeInterval(Double(i / 100) * 86_400)
            lines.append("book --client \(i % 50) --room \(String(format: "R%03d", i % 100)) --from \(formatter.string(from: arrival)) --to \(formatter.string(from: arrival.addingTimeInterval(86_400)))")
        }
        let path = sandbox.path + "/batch.txt"
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// What a terminal would have received from `command`, run in a pseudo-terminal.
    func inTerminal(_ command: String) throws -> String {
        let typescript = sandbox.path + "/typescript-\(UUID().uuidString)"
        let run = try sandbox.hotel.start(shell: "script -q -e -c \"\(command)\" '\(typescript)' > /dev/null").wait()
        #expect(run.status == 0, "\(run)")
        let bytes = try String(contentsOfFile: typescript, encoding: .utf8)
        // script(1) frames the session with its own lines; the command's output is between them.
        return bytes.components(separatedBy: "\n").dropFirst().filter { !$0.hasPrefix("Script done") }.joined(separator: "\n")
    }

    @Test func aLongBatchAndAVerifyShowProgressOnATerminalOnly() throws {
        let batch = try writeBatch()
        let hotel = HotelProcess.binary.path
        let shown = try inTerminal("'\(hotel)' batch < '\(batch)' > /dev/null")
        #expect(shown.contains("\r\u{1B}[Khotel: running the batch: "), "\(shown.prefix(300))")
        #expect(shown.contains(" of 20001 commands)"))
        // Gone when done: the last thing drawn clears the line.
        #expect(shown.hasSuffix("\r\u{1B}[K") || shown.hasSuffix("\r\u{1B}[K\r\n") || shown.hasSuffix("\r\u{1B}[K\n"), "\(shown.suffix(120).debugDescription)")
        try? FileManager.default.removeItem(atPath: sandbox.hotel.storePath + ".cache")
        let verifying = try inTerminal("'\(hotel)' verify")
        #expect(verifying.contains("\r\u{1B}[Khotel: verifying: "))
        #expect(verifying.contains("\r\u{1B}[Kok: 20100 events"), "\(verifying.suffix(200).debugDescription)")
        // Not a terminal: nothing but the result.
        let piped = try sandbox.hotel.run(["verify"])
        #expect(piped == .init(stdout: "ok: 20100 events, 100 rooms, 20000 bookings (0 cancelled), last position 20100, head \(try Repository.chainHead(sandbox.hotel.storePath))\n", stderr: "", status: 0))
    }

    /// `(X of Y MB)` for a file of `bytes`, as the progress line writes it: megabytes with one decimal.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = bytes * 10 / (1 << 20)
        return "\(tenths / 10).\(tenths % 10)"
    }

    @Test func verifyImportAndTheCacheBuildShowTheRealMegabytes() throws {
        let batch = try writeBatch()
        try #require(sandbox.hotel.run(["batch"], input: try String(contentsOfFile: batch, encoding: .utf8)).status == 0)
        let size = try #require(sandbox.hotel.storeBytes()).count
        let total = " of \(Self.megabytes(size)) MB)"
        #expect(Self.megabytes(size) != "0.0", "the store is too small for the test")
        let hotel = HotelProcess.binary.path
        try? FileManager.default.removeItem(atPath: sandbox.hotel.storePath + ".cache")
        let verifying = try inTerminal("'\(hotel)' verify")
        #expect(verifying.contains("hotel: verifying: ") && verifying.contains(total), "\(verifying.prefix(300).debugDescription)")
        #expect(!verifying.contains("(0.0 of 0.0 MB)"))
        let importing = try inTerminal("'\(hotel)' --store copy.jsonl import events.jsonl")
        #expect(importing.contains("hotel: checking: ") && importing.contains(total), "\(importing.prefix(300).debugDescription)")
        #expect(!importing.contains("(0.0 of 0.0 MB)"))
        let building = try inTerminal("'\(hotel)' free --from 2030-01-01 --to 2030-01-02 > /dev/null")
        #expect(building.contains("hotel: building the cache: ") && building.contains(total), "\(building.prefix(300).debugDescription)")
        #expect(!building.contains("(0.0 of 0.0 MB)"))
        #expect(FileManager.default.fileExists(atPath: sandbox.hotel.storePath + ".cache"))
    }
}
