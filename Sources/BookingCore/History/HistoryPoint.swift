#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A point in the log's history that a query can be answered as of (`--as-of`): just after an event's
/// position, or a moment in time (just after the last event recorded at or before it).
public enum HistoryPoint: Sendable, Equatable, CustomStringConvertible {
    /// Just after the event at this position.
    case position(Position)
    /// Just after the last event recorded at or before this moment; holds are judged at it.
    case time(Instant)

    /// Parses `--as-of`'s value: a position (a whole number from 1), a day `YYYY-MM-DD` (the start of that
    /// day in the local time zone, `TZ`), or an ISO 8601 time with seconds and `Z` or an offset
    /// (`2024-05-01T12:00:00Z`, `2024-05-01T14:00:00+02:00`).
    ///
    /// - Throws: ``InvalidValue/historyPoint(_:)`` for anything else.
    public init(_ text: String) throws(InvalidValue) {
        if !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) {
            guard text.utf8.count <= 18, let value = Int(text), value > 0 else { throw .historyPoint(text) }
            self = .position(Position(value))
            return
        }
        if let moment = Instant(moment: text) {
            self = .time(moment)
            return
        }
        throw .historyPoint(text)
    }

    public var description: String {
        switch self {
        case .position(let position): return "position \(position)"
        case .time(let instant): return instant.description
        }
    }
}

/// Where a ``HistoryPoint`` falls in a log: the last event taken, where its line ends, and the moment the
/// hotel is judged at (the point's time, or the event's recorded time).
public struct PastPoint: Sendable, Equatable {
    /// The last event taken: the answer is the hotel after it.
    public var position: Position
    /// Where that event ends in the store (for the JSON-lines store, the byte offset after its line).
    public var hint: AppendHint
    /// What time it was: holds expire by it, and "today" is its local date.
    public var now: Instant
}

/// Why a ``HistoryPoint`` is not in a log's history.
public enum HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The log has no event at that position yet.
    case pastHead(Position, head: Position)
    /// Every event was recorded after that time (`first` is the earliest recorded time; nil for an empty log).
    case beforeFirstEvent(Instant, first: Instant?)

    public var description: String {
        switch self {
        case .pastHead(let position, let head):
            return head == .origin
                ? "--as-of \(position) is past the end of the log, which has no events"
                : "--as-of \(position) is past the end of the log, whose last position is \(head)"
        case .beforeFirstEvent(let time, let first?):
            return "--as-of \(time) is before the log's first event, recorded at \(first)"
        case .beforeFirstEvent(let time, nil):
            return "--as-of \(time): the log has no events"
        }
    }
}

/// Finds where a ``HistoryPoint`` falls, fed the log's events in order (their positions, recorded times and
/// where their lines end). The one place the rule is written: a position is taken as it is, a time takes
/// the last event recorded at or before it.
struct HistoryPointResolver {
    let point: HistoryPoint
    private(set) var found: PastPoint?
    private var first: Instant?
    private var head: Position

    /// A resolver fed the events after `head` (the events before it are known to be before the point).
    init(_ point: HistoryPoint, after head: Position = .origin) {
        self.point = point
        self.head = head
    }

    /// Takes one event into account; false once nothing later can change the answer.
    mutating func see(position: Position, recordedAt: Instant?, end: AppendHint) -> Bool {
        head = position
        // A recorded time that is not a time (a hand-made log) counts as the beginning of time, as in verify.
        let recorded = recordedAt ?? Instant(secondsSince1970: .min)
        switch point {
        case .position(let wanted):
            if position == wanted { found = PastPoint(position: position, hint: end, now: recorded) }
            return position < wanted
        case .time(let time):
            if first == nil { first = recorded }
            if recorded <= time { found = PastPoint(position: position, hint: end, now: time) }
            return true
        }
    }

    /// The point found, or why there is none.
    func result() throws(HistoryError) -> PastPoint {
        if let found { return found }
        switch point {
        case .position(let wanted): throw .pastHead(wanted, head: head)
        case .time(let time): throw .beforeFirstEvent(time, first: first)
        }
    }
}

extension Instant {
    /// A moment as a person types one for `--as-of` or `log --since`: an ISO 8601 time with seconds and `Z` or an
    /// offset (`2024-05-01T12:00:00Z`, `2024-05-01T14:00:00+02:00`), or a day `YYYY-MM-DD`, meaning the start of
    /// that day in the local time zone (`TZ`). Nil for anything else.
    public init?(moment text: String) {
        if text.utf8.count == 10, let day = try? Day(text) {
            self = day.localStart
            return
        }
        if let instant = try? Instant(text) {
            self = instant
            return
        }
        // A time with an offset: 2024-05-01T14:00:00+02:00.
        let bytes = Array(text.utf8)
        guard bytes.count == 25, bytes[19] == UInt8(ascii: "+") || bytes[19] == UInt8(ascii: "-"), bytes[22] == UInt8(ascii: ":"),
              let local = try? Instant(String(decoding: bytes[0..<19], as: UTF8.self) + "Z"),
              let hours = Int(String(decoding: bytes[20..<22], as: UTF8.self)), let minutes = Int(String(decoding: bytes[23..<25], as: UTF8.self)),
              hours < 24, minutes < 60
        else { return nil }
        let offset = (hours * 3600 + minutes * 60) * (bytes[19] == UInt8(ascii: "+") ? 1 : -1)
        self = local.adding(seconds: -offset)
    }
}

extension Day {
    /// The moment this day starts in the local time zone (`TZ`, else the system's).
    var localStart: Instant {
        var parts = tm()
        let (year, month, day) = components
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_isdst = -1
        let seconds = mktime(&parts)
        return seconds == -1 ? Instant(secondsSince1970: ordinal * 86_400) : Instant(secondsSince1970: Int(seconds))
    }
}
