#if PostgreSQL
import CLibPQ
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One connection to a PostgreSQL server through libpq, with errors turned into ``EventStoreError``s.
/// (Used from one thread at a time: the store holds it behind a lock.)
final class PostgresConnection: @unchecked Sendable {
    private let connection: OpaquePointer
    let location: PostgresLocation

    /// Connects, retrying with backoff (50 ms doubling to 1 s) while the server is down, starting or
    /// shutting down, for up to `wait` seconds.
    ///
    /// - Throws: ``EventStoreError/unavailable(store:reason:outcome:)`` after the wait;
    ///   ``EventStoreError/authentication(store:reason:)`` at once for refused credentials;
    ///   ``EventStoreError/notFound(path:)`` for a database that does not exist.
    init(_ location: PostgresLocation, wait: Double) throws(EventStoreError) {
        self.location = location
        let deadline = Self.now() + wait
        var delay = 0.05
        while true {
            guard let connection = PQconnectdb(location.uri) else {
                throw .unavailable(store: location.description, reason: "out of memory", outcome: "nothing was recorded")
            }
            if PQstatus(connection) == CONNECTION_OK {
                self.connection = connection
                break
            }
            let reason = Self.message(PQerrorMessage(connection))
            PQfinish(connection)
            if Self.isAuthentication(reason) { throw .authentication(store: location.description, reason: reason) }
            if reason.contains("database \""), reason.contains("does not exist") { throw .notFound(path: location.description) }
            if reason.contains("invalid") && (reason.contains("URI") || reason.contains("connection option") || reason.contains("value")) {
                throw .invalidLocation(store: location.description, reason: reason)
            }
            // The last try is at the deadline.
            let remaining = deadline - Self.now()
            guard remaining > 0 else {
                throw .unavailable(store: location.description, reason: reason, outcome: "gave up after \(Self.seconds(wait)) s (HOTEL_CONNECT_TIMEOUT); nothing was recorded, try again")
            }
            usleep(UInt32(min(delay, remaining) * 1_000_000))
            delay = min(delay * 2, 1)
        }
        // Notices (such as "relation already exists, skipping") are not for the user.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
    }

    deinit { PQfinish(connection) }

    /// Whether a transaction is open on the connection (a batch's): statements then run inside it.
    var isInTransaction: Bool { PQtransactionStatus(connection) != PQTRANS_IDLE }

    /// Runs `body` in a transaction: its own (begun, and committed if `body` returns, else rolled back), or
    /// the one already open (a batch's, which commits or rolls back with everything else).
    func inTransaction<R>(_ body: () throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        if isInTransaction { return try body() }
        try execute("BEGIN", writing: true)
        do throws(EventStoreError) {
            let result = try body()
            try execute("COMMIT", writing: true)
            return result
        } catch {
            _ = try? execute("ROLLBACK")
            throw error
        }
    }

    /// Runs `sql` with text parameters (`$1`, `$2`, ...; nil for NULL) and returns the rows, each column as
    /// text (nil for NULL).
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = [], writing: Bool = false) throws(EventStoreError) -> [[String?]] {
        var rows: [[String?]] = []
        try forEachRow(sql, parameters, writing: writing) { row in
            rows.append((0..<row.count).map { row.isNull($0) ? nil : row.text($0) })
        }
        return rows
    }

    /// Runs `sql` and calls `body` with each row as it arrives (libpq's single-row mode), so that a large
    /// result is never held whole.
    func forEachRow(_ sql: String, _ parameters: [String?], writing: Bool = false, _ body: (Row) throws(EventStoreError) -> Void) throws(EventStoreError) {
        let sent = Self.withCStrings(parameters) { values in
            PQsendQueryParams(connection, sql, Int32(parameters.count), nil, values, nil, nil, 0)
        }
        guard sent == 1 else { throw failure(nil, writing: writing) }
        PQsetSingleRowMode(connection)
        var error: EventStoreError?
        while let result = PQgetResult(connection) {
            defer { PQclear(result) }
            switch PQresultStatus(result) {
            case PGRES_SINGLE_TUPLE:
                if error == nil {
                    do throws(EventStoreError) { try body(Row(result: result)) } catch let e { error = e }
                }
            case PGRES_TUPLES_OK, PGRES_COMMAND_OK:
                break
            default:
                if error == nil { error = failure(result, writing: writing) }
            }
        }
        if let error { throw error }
        if PQstatus(connection) != CONNECTION_OK { throw failure(nil, writing: writing) }
    }

    /// A row of a result in single-row mode.
    struct Row {
        let result: OpaquePointer
        var count: Int { Int(PQnfields(result)) }
        func isNull(_ column: Int) -> Bool { PQgetisnull(result, 0, Int32(column)) == 1 }
        func text(_ column: Int) -> String { String(cString: PQgetvalue(result, 0, Int32(column))) }
        func integer(_ column: Int) -> Int { Int(text(column)) ?? 0 }
        /// The column's bytes, valid while `body` runs.
        func withBytes<R, E: Error>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
            let length = Int(PQgetlength(result, 0, Int32(column)))
            let pointer = UnsafeRawPointer(PQgetvalue(result, 0, Int32(column))!).assumingMemoryBound(to: UInt8.self)
            return try body(UnsafeBufferPointer(start: pointer, count: length))
        }
    }

    /// The error a failed query means: a lock timeout, deadlock or serialization failure is a conflict (the
    /// command decides again); missing tables, no store; a broken connection, a server going away.
    private func failure(_ result: OpaquePointer?, writing: Bool) -> EventStoreError {
        let reason = Self.message(result.flatMap { PQresultErrorMessage($0) } ?? PQerrorMessage(connection))
        let state = result.flatMap { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.map { String(cString: $0) } ?? ""
        let outcome = writing
            ? "the write may or may not have been recorded: check with 'hotel log' or 'hotel history' before trying again (or retry with --idempotency-key)"
            : "nothing was recorded, try again"
        switch state {
        case "40001", "40P01", "55P03": return .conflict
        case "42P01", "42883": return .notFound(path: location.description)
        case _ where state.hasPrefix("28"): return .authentication(store: location.description, reason: reason)
        case _ where state.hasPrefix("08") || state.hasPrefix("57") || state.hasPrefix("53"):
            return .unavailable(store: location.description, reason: reason, outcome: outcome)
        case "":
            return .unavailable(store: location.description, reason: reason, outcome: outcome)
        default:
            return .server(store: location.description, reason: "\(reason) (SQLSTATE \(state))")
        }
    }

    private static func isAuthentication(_ reason: String) -> Bool {
        reason.contains("authentication failed") || reason.contains("no password supplied")
            || (reason.contains("role \"") && reason.contains("does not exist")) || reason.contains("pg_hba.conf")
    }

    /// libpq's message on one line.
    private static func message(_ text: UnsafePointer<CChar>?) -> String {
        guard let text else { return "unknown error" }
        let lines = String(cString: text).split(whereSeparator: \.isNewline).map { $0.trimmingSpaces }
        return lines.filter { !$0.isEmpty }.joined(separator: "; ")
    }

    private static func withCStrings<R>(_ values: [String?], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        let copies: [UnsafeMutablePointer<CChar>?] = values.map { $0.flatMap { strdup($0) } }
        defer { for copy in copies { free(copy) } }
        let pointers = copies.map { UnsafePointer($0) }
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private static func seconds(_ s: Double) -> String { s == s.rounded() ? String(Int(s)) : String(s) }
}

extension Substring {
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
#endif
