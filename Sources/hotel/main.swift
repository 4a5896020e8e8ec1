#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process environment, from C's `environ`.
func environment() -> [String: String] {
    var result: [String: String] = [:]
    var entry = environ
    while let pointer = entry.pointee {
        let text = String(cString: pointer)
        if let equals = text.firstIndex(of: "=") {
            result[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        entry += 1
    }
    return result
}

/// Writes all of `text` to file descriptor `fd`, continuing after partial writes.
func write(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return }
        bytes = bytes.dropFirst(n)
    }
}

// Parse, dispatch to BookingCore, print. Everything else lives in BookingCore.
let outcome = HotelCommandLine(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: environment()
).run()
write(outcome.stdout, to: STDOUT_FILENO)
write(outcome.stderr, to: STDERR_FILENO)
exit(outcome.status.rawValue)
