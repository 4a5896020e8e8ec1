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

    /// The same server over TCP with a password (`scripts/postgres tcp-url`), if the tests were given it.
    public static let tcpBaseURL: String? = ProcessInfo.processInfo.environment["HOTEL_TEST_POSTGRES_TCP_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// The server's data directory (`scripts/postgres`'s DIR), if the tests may restart it.
    public static let serverDirectory: String? = ProcessInfo.processInfo.environment["HOTEL_TEST_POSTGRES_DIR"].flatMap { $0.isEmpty ? nil : $0 }

    /// A URL whose connections see only this test's schema (libpq's `options=-csearch_path=...`).
    public let url: String
    /// The same over TCP, if ``tcpBaseURL`` is given.
    public var tcpURL: String? { Self.tcpBaseURL.map { Self.scoped($0, to: schema) } }
    public let schema: String

    public init() throws {
        guard let base = Self.baseURL else { throw CocoaError(.featureUnsupported) }
        schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try Self.psql("CREATE SCHEMA \(schema)")
        url = Self.scoped(base, to: schema)
    }

    /// `url` with connections seeing only `schema`.
    static func scoped(_ url: String, to schema: String) -> String {
        url + (url.contains("?") ? "&" : "?") + "options=-csearch_path%3D\(schema)"
    }

    deinit { try? Self.psql("DROP SCHEMA \(schema) CASCADE") }

    /// What `pg_dump` writes of this test's schema: everything the database holds in it.
    public func dump() throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["pg_dump", "--dbname", Self.baseURL!, "--schema", schema]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw NSError(domain: "pg_dump", code: Int(process.terminationStatus)) }
        return String(decoding: output, as: UTF8.self)
    }

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
