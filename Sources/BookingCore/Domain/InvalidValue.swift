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
    case roomType(String, reason: String)
    /// Not an ISO 8601 UTC time with whole seconds.
    case instant(String)
    /// Not a hold duration such as `15m` or `1h30m`.
    case holdDuration(String)
    /// A stay of more nights than ``Stay/maximumNights``.
    case stayTooLong(Stay)
    /// A free-text value (a reason, an idempotency key) that is empty, too long or has control characters.
    case text(option: String, String, reason: String)
    /// Not a day as the command line takes one: `YYYY-MM-DD`, `today`, `tomorrow`, `yesterday`, `+N`, `-N`.
    case dayWord(String)
    /// Not a log position or a time, as `--as-of` takes.
    case historyPoint(String)
    /// A day, stay or time outside the calendar `hotel` records (``Day/earliest`` to ``Day/latest``).
    case outOfCalendar(String)
    /// Not an ISO 4217 currency code in use.
    case currency(String)
    /// Not an amount of `currency` (nil: as the log writes amounts).
    case amount(String, currency: Currency?)
    /// Not a list of weekdays such as `sat,sun`.
    case weekdays(String)
    /// Not a percentage from 0 to 100 with at most two decimals.
    case percentage(String)
    /// A setting's value that breaks the setting's rule.
    case setting(key: String, String, reason: String)

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
        case .roomType(let text, let reason):
            return "invalid room type '\(Self.shown(text))': \(reason)"
        case .instant(let text):
            return "invalid time '\(Self.shown(text))': expected ISO 8601 UTC such as 2024-05-01T12:00:00Z"
        case .holdDuration(let text):
            return "invalid duration '\(Self.shown(text))': expected a whole number and a unit, such as 90s, 15m, 2h or 1d, or several largest first, such as 1h30m (at most 30d)"
        case .stayTooLong(let stay):
            return "the stay \(stay) has \(stay.nights) nights, more than the \(Stay.maximumNights) a stay may have; check the year"
        case .text(let option, let text, let reason):
            return "invalid \(option) '\(Self.shown(text))': \(reason)"
        case .dayWord(let text):
            return "invalid date '\(Self.shown(text))': expected a calendar date as YYYY-MM-DD (for example 2024-05-01), today, tomorrow, yesterday, or +N or -N days from today"
        case .outOfCalendar(let what):
            return "\(Self.shown(what)) is outside the days hotel can record, \(Day.earliest)..\(Day.latest)"
        case .currency(let text):
            return "invalid currency '\(Self.shown(text))': expected an ISO 4217 code in upper case, such as EUR, USD or JPY"
        case .amount(let text, let currency?):
            let digits = currency.minorDigits == 0
                ? "a whole number (\(currency.code) has no minor unit)"
                : "a decimal with at most \(currency.minorDigits) digits after the point (\(currency.code)), such as 120 or 120.5\(String(repeating: "0", count: currency.minorDigits - 1))"
            return "invalid amount '\(Self.shown(text))': expected \(digits), with no sign, exponent or separators, below \(Amount.limit)"
        case .amount(let text, nil):
            return "invalid amount '\(Self.shown(text))': expected digits and at most the currency's minor digits after a point, such as 120 or 120.50, with no sign, exponent or separators, below \(Amount.limit)"
        case .weekdays(let text):
            return "invalid weekdays '\(Self.shown(text))': expected days among mon,tue,wed,thu,fri,sat,sun separated by commas, such as sat,sun"
        case .percentage(let text):
            return "invalid percentage '\(Self.shown(text))': expected 0 to 100 with at most two decimals, such as 7, 10 or 19.25"
        case .setting(let key, let text, let reason):
            return "invalid \(key) '\(Self.shown(text))': \(reason)"
        case .historyPoint(let text):
            return "invalid --as-of '\(Self.shown(text))': expected a log position (a whole number from 1), a day as YYYY-MM-DD or a time such as 2024-05-01T12:00:00Z"
        }
    }

    /// The most characters of an invalid value an error message quotes.
    static let shownLength = 64

    /// The text with control characters (and bidirectional controls, which would reorder the line) made
    /// visible, so that an error stays on one line and reads as written, and cut after
    /// ``shownLength`` characters (with the full length said), so that a huge value is not echoed whole.
    public static func shown(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            count += 1
            if count > shownLength {
                return out + "... (\(text.unicodeScalars.count) characters)"
            }
            if scalar.properties.generalCategory == .control || TextRules.isBidirectionalControl(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
