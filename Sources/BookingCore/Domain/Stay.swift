/// A guest's stay: the nights from `arrival` up to, not including, `departure` (a half-open range).
///
/// A stay has at least one night. A room left on the 3rd can be taken by a guest arriving on the 3rd.
public struct Stay: Sendable, Hashable, CustomStringConvertible {
    /// The first night's day.
    public let arrival: Day
    /// The day the guest leaves; not a night of the stay.
    public let departure: Day

    /// Makes a stay.
    ///
    /// - Throws: ``InvalidValue/stay(arrival:departure:)`` unless `departure` is after `arrival`.
    public init(arrival: Day, departure: Day) throws(InvalidValue) {
        guard arrival < departure else { throw .stay(arrival: arrival, departure: departure) }
        // A stay's days are written to the log: they must be days that can be read back.
        guard arrival.isRecordable, departure.isRecordable else { throw .outOfCalendar("the stay \(arrival)..\(departure)") }
        self.arrival = arrival
        self.departure = departure
    }

    /// The most nights a stay given on the command line may have: a mistyped year must not block a room
    /// for decades. (Stays already in a log are read whatever their length.)
    public static let maximumNights = 366

    /// This stay, if it has at most ``maximumNights`` nights.
    ///
    /// - Throws: ``InvalidValue/stayTooLong(_:)`` otherwise.
    public func checkedLength() throws(InvalidValue) -> Stay {
        guard nights <= Self.maximumNights else { throw .stayTooLong(self) }
        return self
    }

    /// The number of nights.
    public var nights: Int { departure.ordinal - arrival.ordinal }

    /// Whether the two stays share at least one night.
    public func overlaps(_ other: Stay) -> Bool {
        arrival < other.departure && other.arrival < departure
    }

    /// `2024-05-01..2024-05-03`.
    public var description: String { "\(arrival)..\(departure)" }
}
