/// How long a hold lasts before it expires: a whole number and a unit (`90s`, `15m`, `2h`, `1d`), or several,
/// largest unit first (`1h30m`, `2d12h`, `1d2h3m4s`); at most 30 days.
public struct HoldDuration: Sendable, Hashable, CustomStringConvertible {
    /// The longest hold accepted: 30 days.
    public static let maximumSeconds = 30 * 86_400
    /// The hold a command gives when no duration is named: 15 minutes.
    public static let standard = HoldDuration(seconds: 15 * 60)

    /// The units, largest first, with their lengths in seconds.
    static let units: [(unit: UInt8, seconds: Int)] = [(UInt8(ascii: "d"), 86_400), (UInt8(ascii: "h"), 3_600), (UInt8(ascii: "m"), 60), (UInt8(ascii: "s"), 1)]

    /// The length in seconds.
    public let seconds: Int

    init(seconds: Int) { self.seconds = seconds }

    /// Parses one or more `<n><unit>` parts, `n` a whole number (digits only) and the units `d`, `h`, `m` and
    /// `s` each at most once and in that order (`1h30m`, not `30m1h`): more than 0 seconds in all, at most
    /// 30 days (`90m` and `1h90m` are taken as they add up).
    ///
    /// - Throws: ``InvalidValue/holdDuration(_:)`` for anything else.
    public init(_ text: String) throws(InvalidValue) {
        var total = 0
        var digits = 0, count = 0
        var nextUnit = 0  // the index in ``units`` the next part's unit may be at, or after
        for byte in text.utf8 {
            if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) {
                // More digits than a count within 30 days can need: refused before it can overflow.
                guard digits < 8 else { throw .holdDuration(text) }
                count = count * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                continue
            }
            guard digits > 0, let index = Self.units[nextUnit...].firstIndex(where: { $0.unit == byte }) else { throw .holdDuration(text) }
            total += count * Self.units[index].seconds
            guard total <= Self.maximumSeconds else { throw .holdDuration(text) }
            (digits, count, nextUnit) = (0, 0, index + 1)
        }
        guard digits == 0, total > 0 else { throw .holdDuration(text) }
        seconds = total
    }

    /// The shortest form, largest unit first: `1m30s`, `15m`, `1h30m`, `1d`.
    public var description: String {
        var rest = seconds
        var out = ""
        for (unit, scale) in Self.units where rest >= scale {
            out += "\(rest / scale)" + String(UnicodeScalar(unit))
            rest %= scale
        }
        return out
    }
}
