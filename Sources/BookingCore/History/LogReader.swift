#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystem

/// Reads the log's lines as they stand in the file, from a position on: for `hotel log`, `hotel history`
/// and `hotel import`'s round trip.
///
/// Only complete lines are read (a last line without `\n` is an append that never finished). Positions must
/// run one more on each line, as for every reader; a line out of sequence, or one that is not an event, is
/// corruption, reported with its line and byte offset.
public struct LogReader {
    /// The log file.
    public let path: String

    public init(path: String) { self.path = path }

    /// Where the log stands: the position of the last complete line read, and the byte offset just after it
    /// (the same fact an append's hint records).
    public typealias Mark = AppendHint

    /// The mark just after the line of `position`, found by a binary search over the file (each line
    /// names its position, and positions count up by one); the end of the log if it has no such line yet.
    ///
    /// - Complexity: O(log n) small reads, then at most 64 KiB read in order.
    public func mark(after position: Position) throws(EventStoreError) -> Mark {
        guard position > .origin else { return .start }
        guard let file = try POSIXFile.open(path, O_RDONLY) else { throw .notFound(path: path) }
        let size = try AppendJournal.durableSize(of: file, path: path)
        var low = Mark.start, high = size
        while high - low.offset > 64 << 10 {
            let middle = (low.offset + high) / 2
            guard let (start, found) = try line(atOrAfter: middle, in: file, size: size), start < high else {
                high = middle
                continue
            }
            if found.rawValue <= position.rawValue + 1 {
                low = Mark(position: Position(found.rawValue - 1), offset: start)
                if found == position.next { return low }
            } else {
                high = start
            }
        }
        // Read on from the last line start known to be at or before the one sought.
        var mark = low
        _ = try forEachLine(from: low, matching: nil) { _, lineMark in
            if lineMark.position > position { return false }
            mark = lineMark
            return lineMark.position < position
        }
        return mark.position == position ? mark : try end(from: mark)
    }

    /// The mark at the end of the log's complete lines, reading on from `mark`.
    public func end(from mark: Mark = .start) throws(EventStoreError) -> Mark {
        var last = mark
        _ = try forEachLine(from: mark, matching: nil) { _, lineMark in
            last = lineMark
            return true
        }
        return last
    }

    /// The start of the first line at or after byte `offset`, and its position; nil if none starts there.
    private func line(atOrAfter offset: Int, in file: borrowing POSIXFile, size: Int) throws(EventStoreError) -> (Int, Position)? {
        var start = offset
        if offset > 0 {
            // The line start is just after the first newline at or after offset - 1.
            var at = offset - 1
            while true {
                guard at < size else { return nil }
                let window = try file.read(count: min(4096, size - at), at: at)
                if let newline = window.firstIndex(of: UInt8(ascii: "\n")) {
                    start = at + newline + 1
                    break
                }
                at += window.count
            }
        }
        guard start < size else { return nil }
        // The line itself, up to its newline (a line is a few hundred bytes; read more only if needed).
        var length = 512
        while true {
            let bytes = try file.read(count: min(length, size - start), at: start)
            if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
                let found = bytes.withUnsafeBufferPointer { buffer in
                    Result { () throws(EventLine.Problem) in try Self.position(of: UnsafeBufferPointer(rebasing: buffer[..<newline])) }
                }
                // A line that is not an event: let the search narrow, and the reading in order report it
                // with its line number.
                return (try? found.get()).map { (start, $0) }
            }
            if start + bytes.count >= size { return nil }
            length *= 4
        }
    }

    /// Calls `body` with each complete line from `mark` on (with its `\n`) and the mark after it, in order,
    /// while it returns true; only lines matching `query` (if given) are passed, but every line's position
    /// is checked.
    ///
    /// - Returns: The mark after the last line read.
    @discardableResult
    public func forEachLine(
        from mark: Mark, matching query: Query?, _ body: (_ line: UnsafeBufferPointer<UInt8>, _ after: Mark) -> Bool
    ) throws(EventStoreError) -> Mark {
        guard let file = try POSIXFile.open(path, O_RDONLY) else { throw .notFound(path: path) }
        let size = try AppendJournal.durableSize(of: file, path: path)
        var current = mark
        var offset = mark.offset
        while offset < size {
            let bytes = try file.read(count: min(1 << 20, size - offset), at: offset)
            let complete = LogScanner.completeLength(of: bytes)
            if complete == 0 {
                // A line longer than the chunk, or a torn last line: read it whole if it is complete.
                let rest = try file.read(count: size - offset, at: offset)
                guard LogScanner.completeLength(of: rest) > 0 else { break }
                if try !lines(rest, &current, query, body) { return current }
                offset = current.offset
                continue
            }
            if try !lines(Array(bytes[..<complete]), &current, query, body) { return current }
            offset = current.offset
        }
        return current
    }

    /// The complete lines of `bytes` (which start at `current`), checked and passed to `body`; false if
    /// `body` asked to stop.
    private func lines(
        _ bytes: [UInt8], _ current: inout Mark, _ query: Query?, _ body: (UnsafeBufferPointer<UInt8>, Mark) -> Bool
    ) throws(EventStoreError) -> Bool {
        let end = LogScanner.completeLength(of: bytes)
        let base = current.offset
        var stop = false
        var mark = current
        let needles = query.flatMap(Self.needles(of:))
        try bytes.withUnsafeBufferPointer { (buffer) throws(EventStoreError) in
            var tags = needles.map { TagFinder(buffer, $0) }
            try LogScanner.forEachLine(in: buffer, upTo: end) { (line, number, offset) throws(EventStoreError) in
                guard !stop else { return }
                // In a sound log, line k holds position k.
                let lineNumber = mark.position.rawValue + 1
                let position: Position
                do throws(EventLine.Problem) { position = try Self.position(of: line) } catch {
                    throw .corrupt(path: path, line: lineNumber, offset: base + offset + error.offset, reason: error.reason)
                }
                guard position == mark.position.next else {
                    throw .corrupt(path: path, line: lineNumber, offset: base + offset, reason: "position \(position) out of sequence, expected \(mark.position.next)")
                }
                mark = Mark(position: position, offset: base + offset + line.count + 1)
                if let query {
                    if tags?.surelyMisses(line, at: offset) == true { return }
                    let event: Event
                    do throws(EventLine.Problem) { event = try Self.envelope(of: line) } catch {
                        throw .corrupt(path: path, line: lineNumber, offset: base + offset + error.offset, reason: error.reason)
                    }
                    if !query.matches(event) { return }
                }
                if !body(UnsafeBufferPointer(rebasing: buffer[offset...(offset + line.count)]), mark) { stop = true }
            }
        }
        current = mark
        return !stop
    }

    /// For each item of a query, its tags as they stand in a line with no escapes: `"room:Blue"`; nil for an
    /// item with no tags (any line may match it).
    static func needles(of query: Query) -> [[[UInt8]]]? {
        var needles: [[[UInt8]]] = []
        for item in query.items {
            if item.tags.isEmpty { return nil }
            needles.append(item.tags.map { Array(("\"" + $0.rawValue + "\"").utf8) })
        }
        return needles
    }

    /// Finds a query's tags in a piece of the log, each with one `memmem` run over the whole piece rather
    /// than a search per line: a line that holds none of an item's hits cannot match it.
    struct TagFinder {
        let buffer: UnsafeBufferPointer<UInt8>
        let needles: [[[UInt8]]]
        /// For each item's each tag, where it next stands at or after the last line asked about (nil: nowhere
        /// further; -1: not searched yet). A search runs again only for a line past its hit.
        var next: [[Int?]]

        init(_ buffer: UnsafeBufferPointer<UInt8>, _ needles: [[[UInt8]]]) {
            self.buffer = buffer
            self.needles = needles
            next = needles.map { $0.map { _ in -1 } }
        }

        /// Whether the line at `offset` cannot match: it has no escapes (so every tag it carries stands in it
        /// as written) and for every item lacks one of its tags. Lines that might match are decoded and
        /// matched properly.
        mutating func surelyMisses(_ line: UnsafeBufferPointer<UInt8>, at offset: Int) -> Bool {
            let end = offset + line.count
            for item in needles.indices {
                var lacksOne = false
                for tag in needles[item].indices where !contains(item, tag, in: offset..<end) {
                    lacksOne = true
                    break
                }
                if !lacksOne { return false }
            }
            return CanonicalLineDecoder.isPlainASCII(line)
        }

        /// Whether tag `tag` of item `item` stands within `range` of the buffer.
        private mutating func contains(_ item: Int, _ tag: Int, in range: Range<Int>) -> Bool {
            if let hit = next[item][tag], hit < range.lowerBound {
                next[item][tag] = find(needles[item][tag], from: range.lowerBound)
            }
            guard let hit = next[item][tag] else { return false }
            return hit < range.upperBound
        }

        /// The offset of `needle`'s first occurrence at or after `start`, nil if none.
        private func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard let base = buffer.baseAddress, start < buffer.count else { return nil }
            return needle.withUnsafeBytes { wanted -> Int? in
                guard let found = hotel_memmem(base + start, buffer.count - start, wanted.baseAddress!, wanted.count) else { return nil }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
        }
    }

    /// A line's position: from the form `hotel` writes (`{"position":N,`), else from the strict path.
    static func position(of line: UnsafeBufferPointer<UInt8>) throws(EventLine.Problem) -> Position {
        let prefix = Array(#"{"position":"#.utf8)
        if line.count > prefix.count + 1, line.prefix(prefix.count).elementsEqual(prefix), line[prefix.count] != 0x30 {
            var value = 0, i = prefix.count
            while i < line.count, i - prefix.count < 18, (0x30...0x39).contains(line[i]) {
                value = value * 10 + Int(line[i] - 0x30)
                i += 1
            }
            if i > prefix.count, i < line.count, line[i] == UInt8(ascii: ",") { return Position(value) }
        }
        return try EventLine.decode(line).position
    }

    /// A line's type and tags as written: the fast path, else the strict one.
    static func envelope(of line: UnsafeBufferPointer<UInt8>) throws(EventLine.Problem) -> Event {
        if let event = CanonicalLineDecoder.envelope(line) { return event }
        return try EventLine.decode(line).event
    }
}
