import Foundation

/// The repository's own files, for tests that use the shipped sample store, the README, scripts or the man page.
public enum Repository {
    /// The repository's root directory.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    /// `events.jsonl.sample`, the store a new user queries first.
    public static let sample = root.appendingPathComponent("events.jsonl.sample")
}

extension Sandbox {
    /// Puts a copy of the sample store where ``HotelProcess/storePath`` is.
    public func copySample() throws {
        try FileManager.default.copyItem(atPath: Repository.sample.path, toPath: hotel.storePath)
    }
}
