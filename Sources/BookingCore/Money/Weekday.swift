/// A day of the week, as `hotel rates set --days` takes them: `mon` ... `sun`.
public enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case mon, tue, wed, thu, fri, sat, sun

    /// The three-letter name.
    public var name: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue] }

    /// The weekday of `day` (1970-01-01, ordinal 0, was a Thursday).
    public init(of day: Day) {
        let index = (day.ordinal + 3) % 7
        self = Weekday(rawValue: index < 0 ? index + 7 : index)!
    }

    /// Weekdays from a comma-separated list such as `sat,sun` (each once, in any order); kept in week order.
    ///
    /// - Throws: ``InvalidValue/weekdays(_:)`` for anything else.
    public static func list(_ text: String) throws(InvalidValue) -> [Weekday] {
        var days: Set<Weekday> = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let day = allCases.first(where: { $0.name == part }), days.insert(day).inserted else { throw .weekdays(text) }
        }
        return days.sorted()
    }

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
