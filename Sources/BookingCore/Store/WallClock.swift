#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The source of "now" for the time a store records an event at. Injected so tests are deterministic.
public struct WallClock: Sendable {
    /// Returns the current time in whole seconds since 1970-01-01T00:00:00Z.
    public var secondsSince1970: @Sendable () -> Int

    public init(secondsSince1970: @escaping @Sendable () -> Int) { self.secondsSince1970 = secondsSince1970 }

    /// The system's real-time clock.
    public static let system = WallClock {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int(now.tv_sec)
    }

    /// Always the same instant.
    public static func fixed(secondsSince1970 seconds: Int) -> WallClock { WallClock { seconds } }

    /// The current time as ISO 8601 UTC text with whole seconds, such as `2024-04-20T09:30:00Z`.
    public func timestamp() -> String { Self.iso8601(secondsSince1970: secondsSince1970()) }

    /// A time as ISO 8601 UTC text with whole seconds.
    public static func iso8601(secondsSince1970 seconds: Int) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let s = seconds - days * 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(Day(ordinal: days))T\(two(s / 3600)):\(two(s / 60 % 60)):\(two(s % 60))Z"
    }
}
