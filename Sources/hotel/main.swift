#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A reader that goes away (`hotel log | head`) makes writes fail with EPIPE, which commands handle, rather
// than kill the process.
signal(SIGPIPE, SIG_IGN)

// Parse, dispatch to BookingCore, print. Everything else lives in BookingCore. The arguments are read as
// bytes (CommandLine.arguments would repair invalid UTF-8 with replacement characters) and refused if invalid.
let outcome: HotelCommandLine.Outcome
switch RawText.arguments(CommandLine.argc, CommandLine.unsafeArgv) {
case .success(let arguments): outcome = HotelCommandLine(arguments: arguments, environment: .process).run()
case .failure(let error): outcome = HotelCommandLine.Outcome(stderr: "hotel: error: \(error.message)\n", status: error.status)
}
write(outcome.stdout, to: STDOUT_FILENO)
write(outcome.stderr, to: STDERR_FILENO)
exit(outcome.status.rawValue)
