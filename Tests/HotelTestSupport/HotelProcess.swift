import Foundation

/// Runs the built `hotel` binary as a subprocess, the way a user or a script would.
public struct HotelProcess: Sendable {
    /// What one run printed and how it ended.
    public struct Result: Equatable, CustomStringConvertible, Sendable {
        public var stdout: String
        public var stderr: String
        public var status: Int32

        public init(stdout: String, stderr: String, status: Int32) {
            self.stdout = stdout
            self.stderr = stderr
            self.status = status
        }

        public var description: String { "status \(status)\nstdout: \(stdout)\nstderr: \(stderr)" }
        /// stdout's lines.
        public var lines: [String] { stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
    }

    /// The binary: `$HOTEL_BINARY`, else `hotel` beside this test bundle in the build folder.
    public static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["HOTEL_BINARY"] { return URL(fileURLWithPath: path) }
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let candidate = directory.appendingPathComponent("hotel")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("hotel")
    }()

    public init(directory: String) { self.directory = directory }

    /// The folder the store lives in; also the working directory of every run.
    public let directory: String
    /// The environment every run gets (no HOTEL_STORE unless a test sets it).
    public var environment: [String: String] = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]

    public var storePath: String { directory + "/events.jsonl" }

    /// Runs `hotel` with `arguments` and waits for it.
    @discardableResult
    public func run(_ arguments: [String]) throws -> Result {
        let process = try start(arguments)
        return process.wait()
    }

    /// Starts `hotel` without waiting.
    public func start(_ arguments: [String]) throws -> Running {
        try launch(Self.binary, arguments)
    }

    /// Runs `hotel` with `arguments` and `input` on its standard input, and waits for it.
    public func run(_ arguments: [String], input: String) throws -> Result {
        let file = directory + "/.stdin-\(UUID().uuidString)"
        try Data(input.utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        return try start(shell: "exec '\(Self.binary.path)' \(arguments.map { "'\($0)'" }.joined(separator: " ")) < '\(file)'").wait()
    }

    /// Runs `hotel` with arguments given as raw bytes (which need not be valid UTF-8, as `Process` would
    /// need), and `input` bytes on its standard input, through `/bin/sh` and `printf`; waits for it.
    public func run(rawArguments arguments: [[UInt8]], input: [UInt8] = []) throws -> Result {
        let file = directory + "/.stdin-\(UUID().uuidString)"
        try Data(input).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        // Each argument as "$(printf '\NNN...')": octal escapes for every byte, so any byte but NUL and a
        // final newline passes (command substitution strips trailing newlines; no test needs one).
        let words = arguments.map { bytes in "\"$(printf '" + bytes.map { "\\" + String(format: "%03o", Int($0)) }.joined() + "')\"" }
        return try start(shell: "exec '\(Self.binary.path)' \(words.joined(separator: " ")) < '\(file)'").wait()
    }

    /// Starts `/bin/sh -c script` without waiting.
    public func start(shell script: String) throws -> Running {
        try launch(URL(fileURLWithPath: "/bin/sh"), ["-c", script])
    }

    private func launch(_ executable: URL, _ arguments: [String]) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, out: out, err: err)
    }

    /// A started `hotel` process.
    public struct Running {
        public let process: Process
        let out: Pipe
        let err: Pipe

        public func wait() -> Result {
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            let stderr = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return Result(
                stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self),
                status: process.terminationStatus)
        }
    }

    /// The store's bytes, or nil if there is none.
    public func storeBytes() -> Data? { FileManager.default.contents(atPath: storePath) }
}

/// A fresh directory for one test, removed when the value is released.
public final class Sandbox: @unchecked Sendable {
    public let path: String
    public var hotel: HotelProcess

    public init() {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("hotel-e2e-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
        hotel = HotelProcess(directory: path)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The sandbox's `hotel` with its clock set to `now` (`HOTEL_NOW`) in the time zone `zone` (`TZ`).
    public func hotel(now: String, zone: String = "UTC") -> HotelProcess {
        var hotel = self.hotel
        hotel.environment["HOTEL_NOW"] = now
        hotel.environment["TZ"] = zone
        return hotel
    }
}
