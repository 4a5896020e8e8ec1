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
        self.arrival = arrival
        self.departure = departure
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
