#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

/// Reads all of standard input as bytes (sized up front when it is a regular file).
///
/// - Throws: ``CommandLineError`` with exit status 74 if reading fails.
func readStandardInput() throws(CommandLineError) -> [UInt8] {
    try readAll(from: STDIN_FILENO, name: "stdin")
}

/// Reads all of an open file descriptor as bytes (sized up front when it is a regular file).
///
/// - Throws: ``CommandLineError`` with exit status 74 if reading fails.
func readAll(from descriptor: Int32, name: String) throws(CommandLineError) -> [UInt8] {
    var bytes: [UInt8] = []
    var status = stat()
    if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG { bytes.reserveCapacity(Int(status.st_size) + 1) }
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n < 0 {
            throw CommandLineError(message: "cannot read \(name): \(String(cString: strerror(errno)))", status: .ioError)
        }
        if n == 0 { return bytes }
        bytes.append(contentsOf: chunk[..<n])
    }
}

/// Reads all of the file named `source`, or of standard input for `-` (as `import` and `guests import` take
/// their input).
///
/// - Throws: ``CommandLineError`` with exit status 66 if there is no such file, 74 if it cannot be read.
func readInput(_ source: String) throws(CommandLineError) -> [UInt8] {
    if source == "-" { return try readStandardInput() }
    let file = open(source, O_RDONLY | O_CLOEXEC)
    guard file >= 0 else {
        throw CommandLineError(message: "cannot open '\(source)': \(String(cString: strerror(errno)))", status: errno == ENOENT ? .noInput : .ioError)
    }
    defer { close(file) }
    return try readAll(from: file, name: source)
}
