import BookingCore

/// A failure to report on stderr as `hotel: error: <message>`, with its exit status.
struct CommandLineError: Error {
    let message: String
    let status: ExitStatus

    /// A usage error; `help` names the command whose `--help` explains the right usage.
    static func usage(_ message: String, help command: String? = nil) -> CommandLineError {
        let pointer = command.map { "see 'hotel \($0) --help'" } ?? "see 'hotel --help'"
        return CommandLineError(message: "\(message); \(pointer)", status: .usage)
    }

    /// A usage error for a value that is not of the required form.
    static func invalid(_ error: InvalidValue, help command: String) -> CommandLineError {
        usage(error.description, help: command)
    }

    /// The report for an error from ``FrontDesk``.
    init(_ error: HotelError) {
        message = error.message
        switch error {
        // A day or time past the calendar hotel records is a usage error wherever it is found.
        case .rejected(.invalidStay(.outOfCalendar)): status = .usage
        // An amount's form depends on the currency, so it is checked when the command runs; still a usage error.
        case .rejected(.invalidAmount): status = .usage
        case .rejected, .history: status = .rejected
        case .invalidEvent: status = .dataError
        case .tooManyConflicts, .decidedTooEarly, .damagedSnapshot: status = .temporaryFailure
        case .store(let storeError):
            switch storeError {
            case .corrupt, .damagedGuestFile: status = .dataError
            case .notFound, .noFolder: status = .noInput
            case .io, .notRegularFile, .linkedGuestFile, .linkedGuestStore: status = .ioError
            case .lockTimeout, .conflict, .recordedLater, .unavailable: status = .temporaryFailure
            case .authentication: status = .permissionDenied
            case .unsupportedFormat: status = .dataError
            case .notBuiltIn, .invalidLocation: status = .usage
            case .server: status = .ioError
            }
        }
    }

    init(message: String, status: ExitStatus) {
        self.message = message
        self.status = status
    }
}
