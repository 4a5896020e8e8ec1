#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a snapshot file (see ``SnapshotFormat``) a section at a time, through a buffer, checksumming each
/// page as it is filled: to a temporary file, synced, then renamed into place, so a reader sees the old
/// snapshot or the new one, never half of one.
struct SnapshotFileWriter: ~Copyable {
    private let path: String
    private let temporary: String
    private let file: POSIXFile
    private var buffer: [UInt8] = []
    /// Bytes written before `buffer` (from the file's start).
    private var flushed = SnapshotFormat.headerRegion
    private var checksums: [UInt64] = []
    private var directory: [(name: UInt64, version: UInt32, offset: Int, length: Int)] = []
    private var sectionStart: Int?

    /// Opens a temporary file beside `path` (clearing temporaries left by processes that are gone).
    init(path: String) throws(EventStoreError) {
        StaleTemporaries.clear(besides: path)
        self.path = path
        temporary = StaleTemporaries.name(besides: path)
        guard let file = try POSIXFile.open(temporary, O_RDWR | O_CREAT | O_TRUNC) else { throw .io(path: temporary, operation: "open", errno: ENOENT) }
        self.file = file
        buffer.reserveCapacity(1 << 20)
    }

    deinit {
        // Not renamed into place: leave nothing behind.
        if access(temporary, F_OK) == 0 { unlink(temporary) }
    }

    /// Where the next byte goes, from the current section's start.
    var sectionOffset: Int { flushed + buffer.count - (sectionStart ?? 0) }

    /// Starts the section of read model `name`, in its layout `version`.
    mutating func beginSection(_ name: StaticString, version: UInt32) throws(EventStoreError) {
        precondition(sectionStart == nil && directory.count < SnapshotFormat.maximumSections)
        try padToWord()
        sectionStart = flushed + buffer.count
        directory.append((SnapshotFormat.nameBytes(name), version, flushed + buffer.count, 0))
    }

    /// Ends the current section.
    mutating func endSection() {
        directory[directory.count - 1].length = sectionOffset
        sectionStart = nil
    }

    /// Appends bytes to the current section.
    mutating func write(_ bytes: [UInt8]) throws(EventStoreError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { try flushPages() }
    }

    /// Appends each integer, little-endian.
    mutating func write<T: FixedWidthInteger>(integers: some Sequence<T>) throws(EventStoreError) {
        var chunk: [UInt8] = []
        chunk.reserveCapacity(1 << 16)
        for integer in integers {
            chunk.append(littleEndian: integer)
            if chunk.count >= 1 << 16 { try write(chunk); chunk.removeAll(keepingCapacity: true) }
        }
        try write(chunk)
    }

    /// Appends zeros up to `offset` from the section's start.
    mutating func pad(to offset: Int) throws(EventStoreError) {
        if offset > sectionOffset { try write([UInt8](repeating: 0, count: offset - sectionOffset)) }
    }

    private mutating func padToWord() throws(EventStoreError) {
        let end = flushed + buffer.count
        if end % 8 != 0 { try write([UInt8](repeating: 0, count: 8 - end % 8)) }
    }

    /// Writes the whole pages in the buffer, with their checksums, and keeps the rest.
    private mutating func flushPages() throws(EventStoreError) {
        let whole = buffer.count / PageChecksum.pageSize * PageChecksum.pageSize
        guard whole > 0 else { return }
        buffer.withUnsafeBytes { bytes in
            for start in stride(from: 0, to: whole, by: PageChecksum.pageSize) {
                let page = (flushed + start) / PageChecksum.pageSize
                checksums.append(PageChecksum.of(UnsafeRawBufferPointer(rebasing: bytes[start..<(start + PageChecksum.pageSize)]), seed: UInt64(page)))
            }
        }
        try file.write(Array(buffer[..<whole]), at: flushed)
        flushed += whole
        buffer.removeFirst(whole)
    }

    /// Writes the checksum table and the header for a snapshot of the log up to `position` (whose line ends
    /// at byte `offset`, with the chain value `chain` after it), syncs, and renames the file into place.
    consuming func finish(position: Position, offset: Int, chain: HashChain.Value) throws(EventStoreError) {
        precondition(sectionStart == nil)
        let end = flushed + buffer.count
        if end % PageChecksum.pageSize != 0 || end == SnapshotFormat.headerRegion {
            try write([UInt8](repeating: 0, count: PageChecksum.pageSize - end % PageChecksum.pageSize))
        }
        try flushPages()
        let pages = checksums.count
        let table = SnapshotFormat.headerRegion + pages * PageChecksum.pageSize
        var tableBytes: [UInt8] = []
        tableBytes.reserveCapacity(pages * 8)
        for checksum in checksums { tableBytes.append(littleEndian: checksum) }
        try file.write(tableBytes, at: table)

        var header: [UInt8] = SnapshotFormat.magic
        header.append(littleEndian: SnapshotFormat.version)
        header.append(littleEndian: UInt32(PageChecksum.pageSize))
        header.append(littleEndian: UInt64(table + pages * 8))
        header.append(littleEndian: UInt64(position.rawValue))
        header.append(littleEndian: UInt64(offset))
        header.append(contentsOf: chain.bytes)
        header.append(littleEndian: UInt32(directory.count))
        header.append(littleEndian: UInt32(pages))
        header.append(littleEndian: UInt64(table))
        header.append(contentsOf: [UInt8](repeating: 0, count: SnapshotFormat.headerSize - header.count))
        for entry in directory {
            header.append(littleEndian: entry.name)
            header.append(littleEndian: entry.version)
            header.append(littleEndian: UInt32(0))
            header.append(littleEndian: UInt64(entry.offset))
            header.append(littleEndian: UInt64(entry.length))
        }
        header.append(contentsOf: [UInt8](repeating: 0, count: SnapshotFormat.headerRegion - header.count))
        let checksum = header.withUnsafeBytes { PageChecksum.of($0, seed: 0) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes in
            for i in 0..<8 { header[SnapshotFormat.checksumField + i] = bytes[i] }
        }
        try file.write(header, at: 0)
        try file.sync()
        guard Self.mayReplace(path) else { throw .io(path: path, operation: "replace", errno: EEXIST) }
        guard rename(temporary, path) == 0 else { throw .io(path: path, operation: "rename", errno: errno) }
    }

    /// Whether the file at `path` may be replaced by a snapshot: unless it holds an event log (its first byte
    /// a `{`), such as another store named like this one's cache; a snapshot never begins so.
    private static func mayReplace(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return true }
        defer { close(fd) }
        var first: UInt8 = 0
        return read(fd, &first, 1) != 1 || first != UInt8(ascii: "{")
    }
}
