#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Walks the complete lines of a JSON-lines log, decoding and checking each.
///
/// Only bytes up to the last `\n` are read: a final line without one is an append that never finished.
/// Every complete line must be a valid envelope whose position is one more than the line before's.
struct LogScanner {
    /// The file's name, for error messages.
    let path: String

    /// The length of the complete-lines prefix of `bytes`: everything up to and including the last `\n`.
    static func completeLength(of bytes: [UInt8]) -> Int {
        guard let last = bytes.lastIndex(of: UInt8(ascii: "\n")) else { return 0 }
        return last + 1
    }

    /// Calls `body` with each complete line (without its `\n`), its 1-based number and its byte offset.
    ///
    /// - Complexity: O(n) in the number of bytes.
    static func forEachLine<E: Error>(
        in buffer: UnsafeBufferPointer<UInt8>, upTo end: Int,
        _ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ offset: Int) throws(E) -> Void
    ) throws(E) {
        guard let base = buffer.baseAddress else { return }
        var lineStart = 0
        var lineNumber = 0
        while lineStart < end {
            lineNumber += 1
            // memchr finds the newline many bytes at a time; `end` is just past a newline, so it finds one.
            let found = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), end - lineStart)!
            let lineEnd = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            try body(UnsafeBufferPointer(rebasing: buffer[lineStart..<lineEnd]), lineNumber, lineStart)
            lineStart = lineEnd + 1
        }
    }

    /// Decodes every complete line of `bytes`, calling `visit` for each event and the offset just after its
    /// line, in order.
    ///
    /// - Parameters:
    ///   - bytes: Whole lines of the log, from the start or from just after the line of position `after`.
    ///   - after: The position before the first line (and, in a sound log, its line number).
    ///   - baseOffset: Where `bytes` start in the file, for error messages and offsets.
    /// - Returns: The head position (the last line's), or `after` if there is no complete line.
    /// - Throws: ``EventStoreError/corrupt(path:line:offset:reason:)`` for the first bad line.
    func scan(
        _ bytes: [UInt8], after: Position = .origin, baseOffset: Int = 0, visit: (SequencedEvent, _ end: Int) throws(EventStoreError) -> Void
    ) throws(EventStoreError) -> Position {
        let end = Self.completeLength(of: bytes)
        return try bytes.withUnsafeBufferPointer { (buffer) throws(EventStoreError) -> Position in
            var head = after
            try Self.forEachLine(in: buffer, upTo: end) { (line, number, offset) throws(EventStoreError) in
                let lineNumber = after.rawValue + number, fileOffset = baseOffset + offset
                let event: SequencedEvent
                do throws(EventLine.Problem) {
                    event = try EventLine.decode(line)
                } catch {
                    throw .corrupt(path: path, line: lineNumber, offset: fileOffset + error.offset, reason: error.reason)
                }
                guard event.position == head.next else {
                    throw .corrupt(
                        path: path, line: lineNumber, offset: fileOffset,
                        reason: "position \(event.position) out of sequence, expected \(head.next)")
                }
                head = event.position
                try visit(event, fileOffset + line.count + 1)
            }
            return head
        }
    }
}
