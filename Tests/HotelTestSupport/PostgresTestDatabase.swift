import Foundation

/// A fresh PostgreSQL schema for one test, in the database `HOTEL_TEST_POSTGRES_URL` names (`scripts/postgres
/// start` prints one); dropped when the value is released. Tests that need it are skipped, with
/// ``skipReason``, when the variable is not set.
public final class PostgresTestDatabase: @unchecked Sendable {
    /// The server's URL, if the tests were given one.
    public static let baseURL: String? = ProcessInfo.processInfo.environment["HOTEL_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Whether PostgreSQL tests run.
    public static var isAvailable: Bool { baseURL != nil }

    /// Why PostgreSQL tests are skipped.
    public static let skipReason = "PostgreSQL tests skipped: HOTEL_TEST_POSTGRES_URL is not set (build with --traits PostgreSQL, run scripts/postgres start, and set it to the URL it prints)"

    /// A URL whose connections see only this test's schema (libpq's `options=-csearch_path=...`).
    public let url: String
    public let schema: String

    public init() throws {
        guard let base = Self.baseURL else { throw CocoaError(.featureUnsupported) }
        schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try Self.psql("CREATE SCHEMA \(schema)")
        url = base + (base.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
    }

    deinit { try? Self.psql("DROP SCHEMA \(schema) CASCADE") }

    /// Runs SQL with `psql` on the server (as the URL's user), returning its unaligned output.
    @discardableResult
    public static func psql(_ sql: String, url: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url ?? baseURL!, "-qAtX", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw NSError(domain: "psql", code: Int(process.terminationStatus), userInfo: [NSLocalizedDescriptionKey: String(decoding: error, as: UTF8.self)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
