#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BookingCore

/// Progress of long work on stderr, one line redrawn in place (`\r`, clear to the end of the line) and
/// removed when the work is done: only when stderr is a terminal, so that logs and pipes never see it.
final class TerminalProgress: ProgressDisplay, @unchecked Sendable {
    /// A display, if stderr is a terminal (and `TERM` is not `dumb`).
    static func ifTerminal(_ environment: Environment) -> TerminalProgress? {
        isatty(STDERR_FILENO) == 1 && environment["TERM"] != "dumb" ? TerminalProgress() : nil
    }

    func show(_ task: String, done: Int, total: Int, unit: ProgressUnit) {
        let percent = done * 100 / max(total, 1)
        let amount: String
        switch unit {
        case .bytes: amount = "\(megabytes(done)) of \(megabytes(total)) MB"
        case .events: amount = "\(done) of \(total) events"
        case .commands: amount = "\(done) of \(total) commands"
        }
        draw("\r\u{1B}[Khotel: \(task): \(percent)% (\(amount))")
    }

    func clear() { draw("\r\u{1B}[K") }

    /// Bytes as megabytes with one decimal: `12.3`. (`>>` binds tighter than `*` in Swift: the product is
    /// shifted, not 10 >> 20, which is 0.)
    private func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10) >> 20
        return "\(tenths / 10).\(tenths % 10)"
    }

    private func draw(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
    }
}
