/// Everything a ``FrontDesk`` call can fail with, each kind mapping to one exit status of the tool.
public enum HotelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A business rule rejected the command (exit 1).
    case rejected(BookingError)
    /// The store could not be read or written (exit 65, 66, 74 or 75 by kind).
    case store(EventStoreError)
    /// A recorded event cannot be understood (exit 65).
    case invalidEvent(EventDataError)
    /// Other writers kept changing the same events; nothing was recorded (exit 75).
    case tooManyConflicts(attempts: Int)
    /// A query was asked as of a point outside the log's history (exit 1).
    case history(HistoryError)
    /// A command's decision was overtaken by an event recorded after its time; ``FrontDesk/command(_:)``
    /// runs it again.
    case decidedTooEarly
    /// The read-model snapshot was found damaged while a command read it; it was deleted, and
    /// ``FrontDesk/command(_:)`` runs the command again on the log.
    case damagedSnapshot

    public var description: String {
        switch self {
        // The command line words business rules' refusals (they carry values, not sentences).
        case .rejected(let e): return "rejected: \(e)"
        case .store(let e): return e.description
        case .invalidEvent(let e): return e.description + "; nothing was written (run 'hotel verify')"
        case .history(let e): return e.description
        case .damagedSnapshot: return "the read-model cache was found damaged and was deleted; nothing was recorded, try again"
        case .decidedTooEarly: return "other hotel processes recorded later events while this command was deciding; nothing was recorded, try again"
        case .tooManyConflicts(let attempts):
            return "other hotel processes kept changing the same room or booking (\(attempts) attempts); nothing was recorded, try again"
        }
    }
}

extension HotelError {
    /// Runs `body`, which reads a store: its store and event errors become ``HotelError``s (anything else is
    /// a bug).
    static func reading<T>(_ body: () throws -> T) throws(HotelError) -> T {
        do {
            return try body()
        } catch let error as EventDataError {
            throw .invalidEvent(error)
        } catch let error as EventStoreError {
            throw .store(error)
        } catch {
            fatalError("unexpected \(error)")
        }
    }
}
