import Synchronization

/// A batch's view of its store's ``GuestVault``: the records its `guests set` lines add are kept here and
/// written with one write (``flush()``) just before the batch's events, so that the values are on disk before
/// the events that name them, as for a single command, and a batch of many profiles rewrites the side file
/// once. The batch holds the vault's lock the whole time.
final class StagedGuestVault: GuestVault {
    let vault: any GuestVault
    private let state = Mutex<(staged: [GuestRecord], marked: Bool)>(([], false))

    init(_ vault: any GuestVault) { self.vault = vault }

    var name: String { vault.name }

    func records() throws(EventStoreError) -> [GuestRecord] { try vault.records() + state.withLock { $0.staged } }

    func records(of clients: Set<ClientID>) throws(EventStoreError) -> [GuestRecord] {
        try vault.records(of: clients) + state.withLock { $0.staged.filter { clients.contains($0.client) } }
    }

    func record(of client: ClientID, at revision: GuestRevision) throws(EventStoreError) -> GuestRecord? {
        if let staged = state.withLock({ $0.staged.last { $0.client == client && $0.revision == revision } }) { return staged }
        return try vault.record(of: client, at: revision)
    }

    /// Kept until ``flush()``.
    func add(_ records: [GuestRecord]) throws(EventStoreError) { state.withLock { $0.staged += records } }

    func remove(_ records: [GuestRecord]) throws(EventStoreError) {
        let gone = Set(records.map { [$0.client.rawValue, $0.revision.description] })
        state.withLock { $0.staged.removeAll { gone.contains([$0.client.rawValue, $0.revision.description]) } }
        try vault.remove(records)
    }

    func replace(with records: [GuestRecord]) throws(EventStoreError) {
        state.withLock { $0.staged = [] }
        try vault.replace(with: records)
    }

    /// The batch already holds the lock.
    func withLock<R>(_ body: () throws(HotelError) -> R) throws(HotelError) -> R { try body() }

    var mayHaveLeftovers: Bool { vault.mayHaveLeftovers }

    /// Set once for the batch (the batch's end clears it).
    func markLeftovers(_ set: Bool) throws(EventStoreError) {
        guard set else { return try vault.markLeftovers(false) }
        if state.withLock({ $0.marked }) { return }
        try vault.markLeftovers(true)
        state.withLock { $0.marked = true }
    }

    /// Writes the records kept, durably, with one write.
    func flush() throws(EventStoreError) {
        let staged = state.withLock { $0.staged }
        guard !staged.isEmpty else { return }
        try vault.add(staged)
        state.withLock { $0.staged = [] }
    }
}
