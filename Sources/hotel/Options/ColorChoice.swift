#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BookingCore

/// `--color always|never|auto`: whether the calendar colours.
enum ColorChoice: String {
    case always, never, auto

    /// The choice `text` names.
    /// - Throws: for anything but always, never and auto.
    init(_ text: String) throws(InvalidValue) {
        guard let choice = ColorChoice(rawValue: text) else { throw .text(option: "--color", text, reason: "expected always, never or auto") }
        self = choice
    }

    /// Whether to colour; auto is on when stdout is a terminal, `TERM` is not `dumb` and `NO_COLOR` is not
    /// set (to a non-empty value).
    func isOn(environment: Environment) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }
}
