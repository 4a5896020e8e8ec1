/// How long a hold lasts before it expires: `90s`, `15m`, `2h` or `1d` (a whole number and one unit).
public struct HoldDuration: Sendable, Hashable, CustomStringConvertible {
    /// The longest hold accepted: 30 days.
    public static let maximumSeconds = 30 * 86_400
    /// The hold a command gives when no duration is named: 15 minutes.
    public static let standard = HoldDuration(seconds: 15 * 60)

    /// The length in seconds.
    public let seconds: Int

    init(seconds: Int) { self.seconds = seconds }

    /// Parses `<n>s`, `<n>m`, `<n>h` or `<n>d` with `n` a positive whole number, up to 30 days.
    ///
    /// - Throws: ``InvalidValue/holdDuration(_:)`` for anything else.
    public init(_ text: String) throws(InvalidValue) {
        guard let unit = text.last, let count = Int(text.dropLast()), count > 0, text.first != "+",
              let scale = ["s": 1, "m": 60, "h": 3600, "d": 86_400][unit],
              count <= Self.maximumSeconds / scale
        else { throw .holdDuration(text) }
        seconds = count * scale
    }

    /// The shortest form: `90s`, `15m`, `2h`, `1d`.
    public var description: String {
        for (unit, scale) in [("d", 86_400), ("h", 3600), ("m", 60)] where seconds % scale == 0 { return "\(seconds / scale)\(unit)" }
        return "\(seconds)s"
    }
}
