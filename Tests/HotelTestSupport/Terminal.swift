import Foundation

extension HotelProcess {
    /// What a terminal shows of `command` (a shell command line; `hotel` in it is this process's binary), run
    /// by script(1) in a pseudo-terminal: its stdout and stderr, as they reach the terminal, with the
    /// terminal's `\r\n` line ends read as `\n`. Redirect a stream in `command` to keep it off the terminal; end
    /// it with `; echo $?` to see the status.
    public func inTerminal(_ command: String) throws -> String {
        let typescript = directory + "/.typescript-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: typescript) }
        let script = "hotel() { '\(Self.binary.path)' \"$@\"; }; \(command)"
        let quoted = "'" + script.replacingOccurrences(of: "'", with: "'\\''") + "'"
        _ = try start(shell: "exec script -q -c \(quoted) '\(typescript)' > /dev/null").wait()
        let bytes = try String(contentsOfFile: typescript, encoding: .utf8).replacingOccurrences(of: "\r\n", with: "\n")
        // script(1) frames the session with a line of its own before, and a line end and a line of its own after.
        var shown = Substring(bytes)
        if shown.hasPrefix("Script started"), let end = shown.firstIndex(of: "\n") { shown = shown[shown.index(after: end)...] }
        if let done = shown.range(of: "\nScript done", options: .backwards) { shown = shown[..<done.lowerBound] }
        return String(shown)
    }
}
