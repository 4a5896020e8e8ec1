import Foundation

/// The repository's own files, for tests that use the shipped sample store, the README, scripts or the man page.
public enum Repository {
    /// The repository's root directory.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `events.jsonl.sample`, the store a new user queries first.
    public static let sample = root.appendingPathComponent("events.jsonl.sample")
    /// `scripts/check-chain`, the README's Python check of a log's hash chain.
    public static let checkChain = root.appendingPathComponent("scripts/check-chain")
    /// The head hash of the sample (`verify`'s summary ends with it).
    public static let sampleHead = "9fb1913be62462b734be6ad32c253d014f9c266029b80534c37cc045d9a4f56e"

    /// What `scripts/check-chain` (Python's hashlib) makes of the log at `path`: the head it prints, or the
    /// line where the chain breaks, and its exit status.
    public static func checkChain(_ path: String) throws -> HotelProcess.Result {
        var python = HotelProcess(directory: URL(fileURLWithPath: path).deletingLastPathComponent().path)
        python.environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return try python.start(shell: "exec python3 '\(checkChain.path)' '\(path)'").wait()
    }

    /// The head hash of the log at `path`, as Python's hashlib computes it.
    public static func chainHead(_ path: String) throws -> String {
        try checkChain(path).stdout.trimmingCharacters(in: .newlines)
    }
}

extension Sandbox {
    /// Puts a copy of the sample store where ``HotelProcess/storePath`` is.
    public func copySample() throws {
        try FileManager.default.copyItem(atPath: Repository.sample.path, toPath: hotel.storePath)
    }
}
