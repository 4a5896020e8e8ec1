/// The tool's exit statuses, as documented in the README (the `sysexits.h` values where one fits).
enum ExitStatus: Int32 {
    /// The command or query succeeded.
    case success = 0
    /// A business rule rejected the command: room not free, unknown room or booking, already cancelled.
    case rejected = 1
    /// Bad or missing arguments, invalid dates or names (EX_USAGE).
    case usage = 64
    /// The store is corrupt or of an unknown format (EX_DATAERR).
    case dataError = 65
    /// No store at the path a command was given, or no folder for one (EX_NOINPUT).
    case noInput = 66
    /// An I/O error (EX_IOERR).
    case ioError = 74
    /// The store's server refused the credentials (EX_NOPERM).
    case permissionDenied = 77
    /// A temporary failure, such as a lock timeout or conflicts after all retries: try again (EX_TEMPFAIL).
    case temporaryFailure = 75
}
