#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A moment, in whole seconds since 1970-01-01T00:00:00Z: when an event was recorded, when a hold
/// expires, what the clock says now.
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let secondsSince1970: Int

    public init(secondsSince1970: Int) { self.secondsSince1970 = secondsSince1970 }

    /// Parses ISO 8601 UTC with whole seconds, `YYYY-MM-DDTHH:MM:SSZ`, as the log records times.
    ///
    /// - Throws: ``InvalidValue/instant(_:)`` for anything else.
    public init(_ text: String) throws(InvalidValue) {
        var text = text
        guard let parsed = text.withUTF8({ Self.parse($0) }) else { throw .instant(text) }
        self = parsed
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ` from bytes; nil if they are not exactly that.
    static func parse(_ b: UnsafeBufferPointer<UInt8>) -> Instant? {
        guard b.count == 20, b[10] == UInt8(ascii: "T"), b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"),
              b[19] == UInt8(ascii: "Z"), let day = Day.parse(UnsafeBufferPointer(rebasing: b[0..<10]))
        else { return nil }
        func two(_ i: Int) -> Int? {
            guard (0x30...0x39).contains(b[i]), (0x30...0x39).contains(b[i + 1]) else { return nil }
            return Int(b[i] - 0x30) * 10 + Int(b[i + 1] - 0x30)
        }
        guard let h = two(11), let m = two(14), let s = two(17), h < 24, m < 60, s < 60 else { return nil }
        return Instant(secondsSince1970: day.ordinal * 86_400 + h * 3600 + m * 60 + s)
    }

    /// `secondsSince1970 + seconds`.
    public func adding(seconds: Int) -> Instant { Instant(secondsSince1970: secondsSince1970 + seconds) }

    /// The last instant `hotel` can record: 9999-12-31T23:59:59Z.
    public static let latest = Instant(secondsSince1970: (Day.latest.ordinal + 1) * 86_400 - 1)
    /// The first instant `hotel` can record: 0001-01-01T00:00:00Z.
    public static let earliest = Instant(secondsSince1970: Day.earliest.ordinal * 86_400)

    /// Whether the instant is one `hotel` can write and read back.
    public var isRecordable: Bool { Self.earliest <= self && self <= Self.latest }

    /// ISO 8601 UTC with whole seconds, such as `2024-04-20T09:30:00Z`.
    public var description: String { WallClock.iso8601(secondsSince1970: secondsSince1970) }

    /// The calendar day of this moment in the local time zone (the `TZ` environment variable, else the
    /// system's): what "today" is at the front desk.
    public var localDay: Day {
        var seconds = time_t(secondsSince1970)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return utcDay }
        return Day(ordinal: Day.ordinal(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)))
    }

    /// The calendar day of this moment in UTC.
    public var utcDay: Day {
        Day(ordinal: secondsSince1970 >= 0 ? secondsSince1970 / 86_400 : (secondsSince1970 - 86_399) / 86_400)
    }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }
}
