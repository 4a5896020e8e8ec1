/// The JSON-lines log's first `size` bytes (what is durable) as the cache machinery reads it.
final class LogFile: SnapshotLog {
    let file: POSIXFile
    let path: String
    let size: Int

    init(_ file: consuming POSIXFile, path: String, size: Int) {
        self.file = file
        self.path = path
        self.size = size
    }

    func chainValue(after position: Position, endingAt offset: Int) throws(EventStoreError) -> HashChain.Value? {
        guard offset <= size else { return nil }
        return try HashChain.value(of: file, length: offset, at: position, size: size, path: path)
    }

    func bytes(after offset: Int) throws -> Int? { max(0, size - offset) }

    func forEachEvent(after position: Position, from offset: Int, _ visit: (DomainEvent, Position, Range<Int>) -> Void) throws {
        var lineStart = offset
        try LogStream(path: path).forEachEvent(in: file, from: offset, to: size, after: position) { event, position, lineEnd in
            visit(event, position, lineStart..<lineEnd)
            lineStart = lineEnd
        }
    }
}
