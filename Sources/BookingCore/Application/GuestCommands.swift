import Synchronization

/// A guest as `hotel guests` shows one: the client id, what the log says of the profile, and its values
/// from the side file (none once forgotten).
public struct Guest: Sendable, Equatable {
    public var client: ClientID
    public var profile: GuestProfile?
    public var forgottenAt: Instant?
}

/// Whether this process holds its store's guests lock (a command inside it does not tidy the side file, and
/// does not take the lock again).
private let holdingGuestLock = Mutex(false)

extension CommandRunner {
    /// The guests commands' core, with the guests lock held: the values first (a record the log does not
    /// know is never shown), with the marker set, then the event; decided again if another writer changed the
    /// profile in between. The caller tidies the side file after.
    func recordGuestProfile(_ client: ClientID, _ values: [GuestField: String], in vault: any GuestVault, attempts: Int) throws(HotelError) {
        for _ in 0..<max(attempts, 1) {
            let model = try state(query: .guest(client))
            let entry = model.guest(client)
            var current: GuestRecord?
            do throws(EventStoreError) { current = try entry?.revision.flatMap { (revision) throws(EventStoreError) in try vault.record(of: client, at: revision) } } catch { throw .store(error) }
            var profile = current?.profile ?? GuestProfile()
            for (field, value) in values { profile[field] = value }
            let record = GuestRecord(client: client, revision: .random(), profile: profile)
            do throws(EventStoreError) {
                try vault.markLeftovers(true)
                try vault.add([record])
            } catch { throw .store(error) }
            do throws(HotelError) {
                _ = try run(SetGuestProfile(client: client, revision: record.revision, fields: Array(values.keys), expected: entry?.revision))
                return
            } catch .rejected(.guestChangedSinceRead) {
                continue
            }
        }
        throw .tooManyConflicts(attempts: attempts)
    }

    /// The erasure's core, with the guests lock held: the marker set, then the event. The caller erases the
    /// values after (``FrontDesk/tidy(_:)``).
    func recordForgetting(_ client: ClientID, reason: Reason?, in vault: any GuestVault) throws(HotelError) {
        do throws(EventStoreError) { try vault.markLeftovers(true) } catch { throw .store(error) }
        _ = try run(ForgetGuest(client: client, reason: reason, now: now))
    }
}

extension FrontDesk {
    /// The side file, or the refusal for a store without one.
    private func vault() throws(HotelError) -> any GuestVault {
        guard let vault = store.guestVault else { throw .rejected(.guestsNotKept) }
        return vault
    }

    /// Runs `body` holding the guests' lock (or, inside a batch that holds it, as it is).
    func withGuests<R>(_ body: (any GuestVault) throws(HotelError) -> R) throws(HotelError) -> R {
        let vault = try vault()
        if holdingGuestLock.withLock({ $0 }) { return try body(vault) }
        return try vault.withLock { () throws(HotelError) in
            holdingGuestLock.withLock { $0 = true }
            defer { holdingGuestLock.withLock { $0 = false } }
            return try body(vault)
        }
    }

    /// The records the log shows (its client's last profile set names it, and no forget came after), from
    /// `records`: what the side file keeps once it is tidy.
    private static func shown(_ records: [GuestRecord], by model: any HotelReadModel) -> [GuestRecord] {
        let register = Self.register(of: model)
        return records.filter { register[$0.client]?.revision == $0.revision }
    }

    /// What the log says of every client's profile, read once (a cached model reads its section whole for
    /// each lookup: never a lookup a record).
    private static func register(of model: any HotelReadModel) -> [ClientID: GuestEntry] {
        var register: [ClientID: GuestEntry] = [:]
        model.forEachGuest { register[$0] = $1 }
        return register
    }

    /// Rewrites the side file with only what the log shows, if it holds anything else, and clears the marker.
    func tidy(_ vault: any GuestVault) throws(HotelError) {
        let model = try state(query: .all)
        let records: [GuestRecord]
        do throws(EventStoreError) { records = try vault.records() } catch { throw .store(error) }
        let register = Self.register(of: model)
        let gone = records.filter { register[$0.client]?.revision != $0.revision }
        do throws(EventStoreError) {
            if !gone.isEmpty { try vault.remove(gone) }
            try vault.markLeftovers(false)
        } catch { throw .store(error) }
    }

    /// After a command that wrote: finishes an erasure or removes the values of a profile a killed `guests
    /// set` or `forget` left behind (a marker beside the side file says one may have), so that they are not
    /// kept a moment longer than the next write.
    func finishGuestUpkeep() {
        guard let vault = store.guestVault, !holdingGuestLock.withLock({ $0 }) else { return }
        // A copy a killed guests write left (of the values, or of the marker) goes too.
        let copies = (vault as? GuestVaultFile).map { !$0.leftoverTemporaries.isEmpty } ?? false
        guard vault.mayHaveLeftovers || copies else { return }
        try? withGuests { (vault) throws(HotelError) in try tidy(vault) }
    }

    /// Runs `body` holding the guests' lock if `guests` (a batch with guests commands: its lock is taken
    /// before the store's, as a lone guests command takes them), and tidies the side file after.
    func holdingGuests<R>(_ guests: Bool, _ body: ((any GuestVault)?) throws(HotelError) -> R) throws(HotelError) -> R {
        guard guests, store.guestVault != nil else {
            let result = try body(nil)
            finishGuestUpkeep()
            return result
        }
        return try withGuests { (vault) throws(HotelError) in
            let result: Result<R, HotelError>
            do throws(HotelError) { result = .success(try body(vault)) } catch { result = .failure(error) }
            // What the batch left (values whose event it did not record, an erasure it did) goes now.
            if vault.mayHaveLeftovers { try tidy(vault) }
            return try result.get()
        }
    }

    /// Records or updates client `client`'s profile: the values given replace those of the same fields,
    /// the others keep theirs (a forgotten profile starts anew).
    public func setGuest(_ client: ClientID, _ values: [GuestField: String]) throws(HotelError) {
        try withGuests { (vault) throws(HotelError) in
            do throws(HotelError) {
                try recordGuestProfile(client, values, in: vault, attempts: maximumAttempts)
            } catch {
                // Refused or failed (the log's lock timed out, say): the values written for it go now, not at
                // some later write.
                try? tidy(vault)
                throw error
            }
            try tidy(vault)
        }
    }

    /// Erases client `client`'s profile: recorded first, then the values are removed from the side file.
    public func forgetGuest(_ client: ClientID, reason: Reason?) throws(HotelError) {
        try withGuests { (vault) throws(HotelError) in
            // The side file must be sound (and erasable) before the erasure is recorded.
            do throws(EventStoreError) { _ = try vault.records() } catch { throw .store(error) }
            try recordForgetting(client, reason: reason, in: vault)
            try tidy(vault)
        }
    }

    /// Every client with a profile (or a forgotten one), with the values the log shows.
    private func allGuests() throws(HotelError) -> [Guest] {
        let model = try state(query: .all)
        let records: [GuestRecord]
        let vault = try vault()
        do throws(EventStoreError) { records = try vault.records() } catch { throw .store(error) }
        var byClient: [ClientID: GuestRecord] = [:]
        for record in Self.shown(records, by: model) { byClient[record.client] = record }
        var guests: [Guest] = []
        model.forEachGuest { client, entry in guests.append(Guest(client: client, profile: entry.revision == nil ? nil : byClient[client]?.profile ?? GuestProfile(), forgottenAt: entry.forgottenAt)) }
        return guests
    }

    /// The guests with a profile (not the forgotten), in byte order of the name, then of the client id.
    public func guests() throws(HotelError) -> [Guest] { Self.ordered(try allGuests().filter { $0.profile != nil }) }

    /// `guests` in byte order of the name, then of the client id.
    private static func ordered(_ guests: [Guest]) -> [Guest] {
        guests.sorted { a, b in
            let (x, y) = (a.profile?.name ?? "", b.profile?.name ?? "")
            if x != y { return x.utf8.lexicographicallyPrecedes(y.utf8) }
            return a.client.rawValue.utf8.lexicographicallyPrecedes(b.client.rawValue.utf8)
        }
    }

    /// The guests whose name, e-mail or phone contains `text`, ignoring case and accents (a phone matches on
    /// its digits); as ``guests()`` orders them. Only the side file's lines that may match are parsed
    /// (``GuestSearch``), and only their clients are looked up in the log's register.
    public func findGuests(_ text: String) throws(HotelError) -> [Guest] {
        let search = GuestSearch(text)
        let vault = try vault()
        let candidates: [GuestRecord]
        do throws(EventStoreError) { candidates = try vault.records(prefilteredBy: search.mayMatch) } catch { throw .store(error) }
        guard !candidates.isEmpty else { return [] }
        let model = try state(query: .all)
        return Self.ordered(candidates.filter { model.guest($0.client)?.revision == $0.revision && search.matches($0.profile) }.map {
            Guest(client: $0.client, profile: $0.profile, forgottenAt: nil)
        })
    }

    /// Client `client` as the hotel knows them: the profile (or when it was forgotten), and their stays.
    /// - Throws: ``BookingError/unknownGuest(_:)`` for a client with no profile and no stay.
    public func guest(_ client: ClientID) throws(HotelError) -> (guest: Guest?, stays: [Booking]) {
        let vault = try vault()
        let model = try state(query: .all)
        var found: Guest?
        if let entry = model.guest(client) {
            var record: GuestRecord?
            do throws(EventStoreError) { record = try entry.revision.flatMap { (revision) throws(EventStoreError) in try vault.record(of: client, at: revision) } } catch { throw .store(error) }
            found = Guest(client: client, profile: entry.revision == nil ? nil : record?.profile ?? GuestProfile(), forgottenAt: entry.forgottenAt)
        }
        let stays = try answer { model in model.bookings(matching: BookingFilter(client: client, now: now)) }
        if found == nil, stays.isEmpty { throw .rejected(.unknownGuest(client)) }
        return (found, stays)
    }

    /// The names of those of `clients` whose profile the log shows (not the forgotten): what the day
    /// lists, the audit, the calendar and invoices print beside a stay. Empty, reading nothing more, for a
    /// store without personal data. Always as the log stands now (personal data has no past: an erased name
    /// is gone from every point of history).
    public func guestNames(of clients: Set<ClientID>) throws(HotelError) -> [ClientID: String] {
        guard let vault = store.guestVault, !clients.isEmpty else { return [:] }
        let model = try state(query: .all)
        var shown: [ClientID: GuestRevision] = [:]
        for client in clients { if let revision = model.guest(client)?.revision { shown[client] = revision } }
        guard !shown.isEmpty else { return [:] }
        let records: [GuestRecord]
        do throws(EventStoreError) { records = try vault.records(of: Set(shown.keys)) } catch { throw .store(error) }
        var names: [ClientID: String] = [:]
        for record in records where shown[record.client] == record.revision { names[record.client] = record.profile.name }
        return names
    }

    /// The records the log shows, in byte order of the client id: what `hotel guests export` writes.
    public func exportGuests() throws(HotelError) -> [GuestRecord] {
        let model = try state(query: .all)
        let vault = try vault()
        let shown: [GuestRecord]
        do throws(EventStoreError) { shown = Self.shown(try vault.records(), by: model) } catch { throw .store(error) }
        return shown.sorted { $0.client.rawValue.utf8.lexicographicallyPrecedes($1.client.rawValue.utf8) }
    }

    /// The fields each profile set records were given values, by client and revision (read from the log's
    /// `GuestProfileSet` events: what a record of that revision must hold).
    func fieldsSet() throws(HotelError) -> [[String]: [GuestField]] {
        let read: ReadResult
        do throws(EventStoreError) { read = try store.read(Query([QueryItem(types: [GuestProfileSet.type], tags: [])])) } catch { throw .store(error) }
        var fields: [[String]: [GuestField]] = [:]
        for recorded in read.events {
            guard case .guestProfileSet(let e)? = try? DomainEvent(recorded) else { continue }
            fields[[e.client.rawValue, e.revision.description]] = e.fields
        }
        return fields
    }

    /// Restores `records` (an export): each must be a profile the log shows (its client's last profile set
    /// names its revision); else nothing is restored.
    /// - Throws: ``BookingError/importedProfileNotKept(index:logged:)`` for the first that is not.
    /// - Returns: How many were restored.
    public func importGuests(_ records: [GuestRecord]) throws(HotelError) -> Int {
        try withGuests { (vault) throws(HotelError) in
            let model = try state(query: .all)
            let register = Self.register(of: model)
            if let index = records.firstIndex(where: { register[$0.client]?.revision != $0.revision }) {
                throw .rejected(.importedProfileNotKept(index: index, logged: register[records[index].client]))
            }
            // Each must hold a value of every field its revision's event says was set.
            let fields = try fieldsSet()
            for (index, record) in records.enumerated() {
                let lacking = (fields[[record.client.rawValue, record.revision.description]] ?? []).filter { record.profile[$0] == nil }
                if !lacking.isEmpty { throw .rejected(.importedProfileLacks(index: index, fields: lacking.sorted { $0.rawValue < $1.rawValue })) }
            }
            var current: [GuestRecord]
            do throws(EventStoreError) { current = Self.shown(try vault.records(), by: model) } catch { throw .store(error) }
            let incoming = Set(records.map(\.client))
            current.removeAll { incoming.contains($0.client) }
            do throws(EventStoreError) { try vault.replace(with: current + records) } catch { throw .store(error) }
            return records.count
        }
    }
}

extension FrontDesk {
    /// What is wrong with the side file, for `hotel verify`: damage (its checksum), values the log does not
    /// know (a killed `guests set`'s), and values of a forgotten guest (a killed `forget`'s): both are never
    /// shown and are removed by the next command that writes, but they are there until then.
    ///
    /// - Returns: The problems, and the warnings: values the log records that the side file does not hold (a
    ///   log copied without its side file, or a side file deleted: `hotel guests import` restores them).
    public func guestFileProblems() throws(HotelError) -> (problems: [String], warnings: [String]) {
        guard let vault = store.guestVault else { return ([], []) }
        var problems: [String] = [], warnings: [String] = []
        if let file = vault as? GuestVaultFile {
            for temporary in file.leftoverTemporaries {
                problems.append("\(temporary): a guests write killed before it finished left this copy (the next command that writes removes it)")
            }
            if let mode = file.modeOtherThan0600 {
                warnings.append("\(file.name): has mode 0\(String(mode, radix: 8)), not 0600 (read and write by its owner only): others may read the guests' personal data, or its owner may not write it; 'chmod 600 \(file.name)' sets it (the next guests write does too)")
            }
        }
        let records: [GuestRecord]
        do throws(EventStoreError) { records = try vault.records() } catch { return (problems + ["\(error)"], warnings) }
        var seen = Set<ClientID>()
        let register: [ClientID: GuestEntry]
        if records.isEmpty {
            // Nothing kept: the profiles the log records are read from their events alone (verify writes
            // nothing, not even the read-model cache).
            let read: ReadResult
            do throws(EventStoreError) {
                read = try store.read(Query([QueryItem(types: [GuestProfileSet.type, GuestForgotten.type], tags: [])]))
            } catch { throw .store(error) }
            let folded: HotelProjection
            do throws(EventDataError) { folded = try HotelProjection(recorded: read.events, head: read.head) } catch { throw .invalidEvent(error) }
            register = Self.register(of: folded)
        } else {
            register = Self.register(of: try state(query: .all))
        }
        let fields = records.isEmpty ? [:] : try fieldsSet()
        for record in records {
            let entry = register[record.client]
            let lacking = (fields[[record.client.rawValue, record.revision.description]] ?? []).filter { record.profile[$0] == nil }
            if !lacking.isEmpty {
                problems.append("\(vault.name): client \(record.client)'s record at revision \(record.revision) has no \(lacking.map(\.rawValue).sorted().joined(separator: ", ")), which the log records were set")
            }
            if let forgotten = entry?.forgottenAt {
                problems.append("\(vault.name): holds values of client \(record.client), forgotten at \(forgotten) (the next 'hotel guests' write erases them)")
            } else if entry?.revision != record.revision {
                problems.append("\(vault.name): holds values of client \(record.client) at revision \(record.revision), which is not the revision of its profile the log shows (the next 'hotel guests' write removes them)")
            } else if !seen.insert(record.client).inserted {
                problems.append("\(vault.name): holds two records of client \(record.client) at revision \(record.revision)")
            }
            for field in GuestField.allCases {
                if let value = record.profile[field], (try? field.validated(value)) != value {
                    problems.append("\(vault.name): client \(record.client)'s \(field.rawValue) is not a value 'hotel guests set' takes (the file was edited)")
                }
            }
        }
        // Values the log names that the side file lost (deleted, or restored from an older copy).
        let kept = Set(records.map { [$0.client.rawValue, $0.revision.description] })
        for (client, entry) in register.sorted(by: { $0.key.rawValue.utf8.lexicographicallyPrecedes($1.key.rawValue.utf8) }) {
            if let revision = entry.revision, !kept.contains([client.rawValue, revision.description]) {
                warnings.append("\(vault.name): has no values of client \(client)'s profile at revision \(revision), which the log records (restore them with 'hotel guests import')")
            }
        }
        return (problems, warnings)
    }
}
