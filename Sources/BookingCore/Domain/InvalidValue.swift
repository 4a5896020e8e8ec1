/// A value typed by a person, or read from an event, that is not of the required form.
///
/// The command line reports these as usage errors (exit 64).
public enum InvalidValue: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a `YYYY-MM-DD` calendar date.
    case day(String)
    /// The departure is not after the arrival.
    case stay(arrival: Day, departure: Day)
    case roomName(String, reason: String)
    case clientID(String, reason: String)
    case bookingID(String)

    public var description: String {
        switch self {
        case .day(let text):
            return "invalid date '\(Self.shown(text))': expected a calendar date as YYYY-MM-DD, for example 2024-05-01"
        case .stay(let arrival, let departure):
            return arrival == departure
                ? "the stay \(arrival)..\(departure) has no nights: the departure must be after the arrival"
                : "the departure \(departure) is before the arrival \(arrival): the stay must have at least one night"
        case .roomName(let text, let reason):
            return "invalid room name '\(Self.shown(text))': \(reason)"
        case .clientID(let text, let reason):
            return "invalid client id '\(Self.shown(text))': \(reason)"
        case .bookingID(let text):
            return "invalid booking id '\(Self.shown(text))': expected up to \(BookingID.maximumLength) letters, digits, '-' or '_', as printed by 'hotel book'"
        }
    }

    /// The text with control characters made visible, so that an error stays on one line.
    static func shown(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
