/// Reads a range of the log in chunks, so that replaying a large log needs memory for one chunk, not the file.
struct LogStream {
    let path: String
    /// Bytes read at a time.
    static let chunkSize = 1 << 20

    /// Calls `body` with each complete line in `start..<end` (without its `\n`), its number counted from 1
    /// at `start`, and its byte offset in the file.
    func forEachLine(
        in file: borrowing POSIXFile, from start: Int, to end: Int,
        _ body: (_ line: UnsafeBufferPointer<UInt8>, _ number: Int, _ offset: Int) throws -> Void
    ) throws {
        var offset = start
        var lines = 0
        var carry: [UInt8] = []
        while offset < end {
            let chunk = try file.read(count: min(Self.chunkSize, end - offset), at: offset)
            if chunk.isEmpty { break }
            let bytes = carry.isEmpty ? chunk : carry + chunk
            let base = offset - carry.count
            let complete = LogScanner.completeLength(of: bytes)
            try bytes.withUnsafeBufferPointer { (buffer) throws in
                try LogScanner.forEachLine(in: buffer, upTo: complete) { (line, number, lineOffset) throws in
                    try body(line, lines + number, base + lineOffset)
                }
            }
            lines += bytes[..<complete].reduce(0) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
            carry = Array(bytes[complete...])
            offset += chunk.count
        }
    }

    /// Ranges at least this long are decoded on a second thread (``DecodingPipeline``).
    static let pipelineThreshold = 8 << 20

    /// Calls `visit` with each complete line's event in `start..<end` (a line that does not end by `end` is
    /// not visited), its position, and the offset just after its line.
    ///
    /// Lines in the form `hotel` writes take ``CanonicalLineDecoder``'s fast path; any other line is decoded
    /// by the strict path, which accepts it or reports it as corrupt with its line and byte offset. A long
    /// range is decoded on a second thread while `visit` runs on this one.
    ///
    /// - Parameter after: The position of the event before `start`.
    /// - Throws: ``EventStoreError`` for a corrupt line, ``EventDataError`` for an event it cannot understand.
    func forEachEvent(
        in file: borrowing POSIXFile, from start: Int, to end: Int, after: Position,
        _ visit: (DomainEvent, Position, _ lineEnd: Int) -> Void
    ) throws {
        if end - start >= Self.pipelineThreshold {
            do throws(DecodingPipeline.Failure) {
                return try DecodingPipeline.forEachEvent(self, descriptor: file.descriptor, range: start..<end, after: after, visit)
            } catch {
                switch error {
                case .store(let error): throw error
                case .data(let error): throw error
                }
            }
        }
        var head = after
        try forEachLine(in: file, from: start, to: end) { (line, _, offset) throws in
            let (event, position) = try decode(line, at: offset, after: head)
            head = position
            visit(event, position, offset + line.count + 1)
        }
    }

    /// Decodes one line at `offset` that must hold the event after `head`: the fast path, else the strict
    /// path, which reports the line as corrupt.
    func decode(_ line: UnsafeBufferPointer<UInt8>, at offset: Int, after head: Position) throws -> (DomainEvent, Position) {
        if let (event, position) = CanonicalLineDecoder.decode(line), position == head.next { return (event, position) }
        var recorded: SequencedEvent?
        let position = try LogScanner(path: path).scan(Array(line) + [UInt8(ascii: "\n")], after: head, baseOffset: offset) { event, _ in
            recorded = event
        }
        return (try DomainEvent(recorded!), position)
    }
}
