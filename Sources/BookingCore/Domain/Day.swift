/// A calendar date with no time of day and no time zone, written `YYYY-MM-DD` (ISO 8601).
///
/// Only real dates in the years 0001 to 9999 can be made: `2024-02-30`, `2024-13-01` and `24-5-1` are
/// rejected. Days compare and subtract as whole days.
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    public let ordinal: Int

    /// The day `ordinal` days after 1970-01-01.
    public init(ordinal: Int) {
        self.ordinal = ordinal
    }

    /// Parses `YYYY-MM-DD`: four-digit year, two-digit month and day, a real calendar date.
    ///
    /// - Throws: ``InvalidValue/day(_:)`` for anything else.
    public init(_ text: String) throws(InvalidValue) {
        var text = text
        guard let day = text.withUTF8({ Self.parse($0) }) else { throw .day(text) }
        self = day
    }

    /// Parses a day as a person types it at the front desk: `YYYY-MM-DD`, `today`, `tomorrow`, `yesterday`, or
    /// `+N` / `-N` days from `today` (at most 36,600 either way).
    ///
    /// - Throws: ``InvalidValue/dayWord(_:)`` for anything else.
    public init(_ text: String, today: Day) throws(InvalidValue) {
        switch text {
        case "today": self = today
        case "tomorrow": self = today.adding(days: 1)
        case "yesterday": self = today.adding(days: -1)
        default:
            if let sign = text.first, sign == "+" || sign == "-", text.count > 1, text.count <= 6,
               text.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(text.dropFirst()), n <= 36_600 {
                self = today.adding(days: sign == "+" ? n : -n)
                return
            }
            do { self = try Day(text) } catch { throw .dayWord(text) }
        }
        guard isRecordable else { throw .outOfCalendar("'\(text)' (\(self))") }
    }

    /// Parses `YYYY-MM-DD` from bytes; nil if they are not exactly a real date in that form.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        /// The number written by the digits at `range`, or nil if one is not a digit.
        func digits(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let d = bytes[i] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            return value
        }
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = digits(0..<4), let month = digits(5..<7), let day = digits(8..<10),
              year >= 1, (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        return Day(ordinal: ordinal(year: year, month: month, day: day))
    }

    /// The year, month (1-12) and day of the month (1-31).
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// The day `n` days later (earlier if `n` is negative).
    public func adding(days n: Int) -> Day { Day(ordinal: ordinal + n) }

    /// The first day `hotel` can record: 0001-01-01. (A log's days have four-digit years.)
    public static let earliest = Day(ordinal: ordinal(year: 1, month: 1, day: 1))
    /// The last day `hotel` can record: 9999-12-31.
    public static let latest = Day(ordinal: ordinal(year: 9999, month: 12, day: 31))

    /// Whether the day is one `hotel` can write and read back: from ``earliest`` to ``latest``.
    public var isRecordable: Bool { Self.earliest <= self && self <= Self.latest }

    /// `YYYY-MM-DD`.
    public var description: String {
        let (y, m, d) = components
        return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2)
    }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.ordinal < rhs.ordinal }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    static func ordinal(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }
}
