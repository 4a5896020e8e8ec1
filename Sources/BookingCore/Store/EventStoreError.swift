/// Why a store could not be read or written.
public enum EventStoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An event matching the append condition was recorded after its position; nothing was appended.
    case conflict
    /// The log holds something that is not a valid event line; nothing is written until it is repaired.
    case corrupt(path: String, line: Int, offset: Int, reason: String)
    /// No store exists at the path.
    case notFound(path: String)
    /// No store exists at the path, and the folder it would be in does not exist either: nothing can be
    /// created there.
    case noFolder(path: String, folder: String)
    /// A system call failed.
    case io(path: String, operation: String, errno: Int32)
    /// Another process held the store's lock for longer than the timeout.
    case lockTimeout(path: String, seconds: Double)
    /// A store server could not be reached (down, restarting, refusing connections) within the wait, or the
    /// connection broke; `outcome` says what became of a write that was under way.
    case unavailable(store: String, reason: String, outcome: String)
    /// The store server refused the credentials.
    case authentication(store: String, reason: String)
    /// The store was made by a newer `hotel` (or is not a hotel store): nothing is read or written.
    case unsupportedFormat(store: String, reason: String)
    /// The store's address cannot be understood.
    case invalidLocation(store: String, reason: String)
    /// The store's server failed a request for a reason other than the above.
    case server(store: String, reason: String)
    /// This `hotel` was built without support for the kind of store named.
    case notBuiltIn(store: String, howToBuild: String)
    /// An event was recorded after the time the append's events were decided at (see
    /// ``ModelProvidingStore/append(_:condition:hint:decidedAt:)``); nothing was appended.
    case recordedLater
    /// The log, or a file beside it, is a FIFO, a device, a socket or a directory.
    case notRegularFile(path: String)
    /// The guests' side file is a symbolic link or has another hard link: rewriting it would leave the values
    /// under the other name, so that a forget would not erase them.
    case linkedGuestFile(path: String)
    /// The log has another hard link: its guests' side file is named after the name the store is given,
    /// so each name would keep its own, and a forget through one would leave the other's values.
    case linkedGuestStore(path: String)
    /// The guests' side file is damaged: its checksum line is missing or does not match, or a line (counted
    /// from 1) is not a record; nothing is written until it is restored.
    case damagedGuestFile(path: String, line: Int?, reason: String)

    public var description: String {
        switch self {
        case .conflict:
            return "the store changed while the command was deciding"
        case .corrupt(let path, let line, let offset, let reason):
            return "\(path):\(line): corrupt event log at byte \(offset): \(reason); nothing was written (run 'hotel verify' and repair or restore the file)"
        case .damagedGuestFile(let path, let line, let reason):
            return "the guests' side file '\(path)'\(line.map { " (line \($0))" } ?? "") is damaged: \(reason) (restore it from a backup, or its values with 'hotel guests import'; 'hotel verify' checks it)"
        case .notFound(let path):
            return "no store at '\(path)': create one with 'hotel --store \(path) rooms add NAME...', or point --store or HOTEL_STORE at an existing log"
        case .noFolder(let path, let folder):
            return "no store at '\(path)': the folder '\(folder)' does not exist; make it first (mkdir -p '\(folder)'), or point --store or HOTEL_STORE at an existing log"
        case .io(let path, let operation, let errno):
            return "\(operation) '\(path)' failed: \(SystemError.message(errno))"
        case .unavailable(let store, let reason, let outcome):
            return "cannot reach the store '\(store)': \(reason); \(outcome)"
        case .authentication(let store, let reason):
            return "the store '\(store)' refused the credentials: \(reason); check the user and password (or ~/.pgpass)"
        case .unsupportedFormat(let store, let reason):
            return "the store '\(store)' \(reason); nothing was read or written"
        case .invalidLocation(let store, let reason):
            return "invalid store address '\(store)': \(reason)"
        case .server(let store, let reason):
            return "the store '\(store)' failed: \(reason)"
        case .notBuiltIn(let store, let howToBuild):
            return "this hotel cannot open '\(store)': it was built without PostgreSQL support; \(howToBuild)"
        case .recordedLater:
            return "the store recorded a later event while the command was deciding"
        case .notRegularFile(let path):
            return "'\(path)' is not a regular file (a FIFO, a device, a socket or a directory): a store and the files beside it must be plain files; remove it or point --store elsewhere"
        case .linkedGuestStore(let path):
            return "the store '\(path)' has another hard link: its guests' personal data would be kept beside one of its names only, and a forget through another name would leave it; give a store with guests one name (a symbolic link to it is fine)"
        case .linkedGuestFile(let path):
            return "'\(path)' is a symbolic link or has another hard link: a forget would leave the guests' values under the other name; make it a file of its own (copy it in place of the link, or remove the other name)"
        case .lockTimeout(let path, let seconds):
            return "timed out after \(Self.seconds(seconds)) s waiting for the lock on '\(path)' held by another hotel process; try again"
        }
    }

    private static func seconds(_ s: Double) -> String {
        s == s.rounded() ? String(Int(s)) : String(s)
    }
}
