#if PostgreSQL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PostgresEventStore {
    public var guestVault: (any GuestVault)? { PostgresGuestVault(store: self) }
}

/// A PostgreSQL store's guests: the table `hotel_guests`, one row a client's profile at a revision
/// (``PostgresSchema``). A forgotten guest's row is deleted, so that `pg_dump` holds none of its values; the
/// lock is a session advisory lock of the store's schema (released if the process dies), and the marker a row
/// of `hotel_guests_pending`.
struct PostgresGuestVault: GuestVault {
    let store: PostgresEventStore

    var name: String { store.name + " (table hotel_guests)" }

    /// How long a guests command waits for another one, in seconds.
    static let lockTimeout = 10.0

    static let columns = "client, revision, name, email, phone, note"

    func records() throws(EventStoreError) -> [GuestRecord] {
        try select("SELECT \(Self.columns) FROM hotel_guests ORDER BY client, revision", [])
    }

    func records(of clients: Set<ClientID>) throws(EventStoreError) -> [GuestRecord] {
        guard !clients.isEmpty else { return [] }
        return try select("SELECT \(Self.columns) FROM hotel_guests WHERE client = ANY($1::text[])", [PostgresEventStore.arrayLiteral(clients.map(\.rawValue))])
    }

    func record(of client: ClientID, at revision: GuestRevision) throws(EventStoreError) -> GuestRecord? {
        try select("SELECT \(Self.columns) FROM hotel_guests WHERE client = $1 AND revision = $2", [client.rawValue, revision.description]).first
    }

    /// The rows `sql` selects, as records; none if the store has no guests' table yet (made before them).
    private func select(_ sql: String, _ parameters: [String?]) throws(EventStoreError) -> [GuestRecord] {
        let rows: [[String?]]
        do { rows = try store.withConnection { (c) throws(EventStoreError) in try c.execute(sql, parameters) } } catch .notFound { return [] }
        var records: [GuestRecord] = []
        for row in rows {
            guard let client = row[0].flatMap({ try? ClientID($0) }), let revision = row[1].flatMap({ try? GuestRevision($0) }) else {
                throw .damagedGuestFile(path: name, line: nil, reason: "a row without a client or revision")
            }
            var profile = GuestProfile()
            for (index, field) in GuestField.allCases.enumerated() { profile[field] = row[2 + index] }
            records.append(GuestRecord(client: client, revision: revision, profile: profile))
        }
        return records
    }

    func replace(with records: [GuestRecord]) throws(EventStoreError) {
        try store.createTables()
        try store.withConnection { (c) throws(EventStoreError) in
            try c.inTransaction { () throws(EventStoreError) in
                try c.execute("DELETE FROM hotel_guests", writing: true)
                try insert(records, on: c)
            }
        }
    }

    func add(_ records: [GuestRecord]) throws(EventStoreError) {
        try store.createTables()
        try store.withConnection { (c) throws(EventStoreError) in try insert(records, on: c) }
    }

    func remove(_ records: [GuestRecord]) throws(EventStoreError) {
        guard !records.isEmpty else { return }
        try store.withConnection { (c) throws(EventStoreError) in
            try c.execute(
                "DELETE FROM hotel_guests g USING unnest($1::text[], $2::text[]) AS r(client, revision) WHERE g.client = r.client AND g.revision = r.revision",
                [PostgresEventStore.arrayLiteral(records.map(\.client.rawValue)), PostgresEventStore.arrayLiteral(records.map(\.revision.description))], writing: true)
        }
    }

    /// One statement for all of `records` (each column an array; a NULL where a field has no value).
    private func insert(_ records: [GuestRecord], on c: PostgresConnection) throws(EventStoreError) {
        guard !records.isEmpty else { return }
        var parameters: [String?] = [PostgresEventStore.arrayLiteral(records.map(\.client.rawValue)), PostgresEventStore.arrayLiteral(records.map(\.revision.description))]
        for field in GuestField.allCases { parameters.append(PostgresEventStore.arrayLiteral(records.map { $0.profile[field] })) }
        try c.execute(
            "INSERT INTO hotel_guests (\(Self.columns)) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) ON CONFLICT DO NOTHING",
            parameters, writing: true)
    }

    func withLock<R>(_ body: () throws(HotelError) -> R) throws(HotelError) -> R {
        let key = "SELECT hashtext('hotel_guests:' || current_schema())"
        let deadline = PostgresConnection.now() + Self.lockTimeout
        do throws(EventStoreError) {
            while true {
                let rows = try store.withConnection { (c) throws(EventStoreError) in try c.execute("SELECT pg_try_advisory_lock((\(key)))") }
                if rows.first?.first == "t" { break }
                guard PostgresConnection.now() < deadline else { throw EventStoreError.lockTimeout(path: name, seconds: Self.lockTimeout) }
                usleep(20_000)
            }
        } catch {
            throw .store(error)
        }
        defer { _ = try? store.withConnection { (c) throws(EventStoreError) in try c.execute("SELECT pg_advisory_unlock((\(key)))") } }
        return try body()
    }

    var mayHaveLeftovers: Bool {
        do {
            let rows = try store.withConnection { (c) throws(EventStoreError) in try c.execute("SELECT count(*) FROM hotel_guests_pending") }
            return rows.first?.first != "0"
        } catch .notFound {
            return false
        } catch {
            return true
        }
    }

    func markLeftovers(_ set: Bool) throws(EventStoreError) {
        if set {
            try store.createTables()
            try store.withConnection { (c) throws(EventStoreError) in try c.execute("INSERT INTO hotel_guests_pending VALUES (true) ON CONFLICT DO NOTHING", writing: true) }
        } else {
            do { try store.withConnection { (c) throws(EventStoreError) in try c.execute("DELETE FROM hotel_guests_pending", writing: true) } } catch .notFound {}
        }
    }
}
#endif
