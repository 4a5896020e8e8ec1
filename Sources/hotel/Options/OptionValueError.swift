import BookingCore

/// Why the text given to an option is refused; reported as a usage error of the command.
enum OptionValueError: Error {
    /// Not a value of the option's kind (a day, a room name, ...): the value's own description.
    case invalid(InvalidValue)
    /// Refused with this message (such as an unknown status, with the nearest one).
    case refused(String)

    /// The usage error of `command`.
    func usage(help command: String) -> CommandLineError {
        switch self {
        case .invalid(let error): .invalid(error, help: command)
        case .refused(let message): .usage(message, help: command)
        }
    }
}
