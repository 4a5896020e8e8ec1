#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file descriptor with the few operations the file store needs, each retried on `EINTR` and turned
/// into an ``EventStoreError/io(path:operation:errno:)`` naming the file on failure.
struct POSIXFile: ~Copyable {
    let descriptor: Int32
    let path: String

    /// Opens `path`; returns nil if it does not exist and `flags` has no `O_CREAT`.
    ///
    /// The open never waits (a FIFO at the path would block until someone opened its other end), and
    /// anything but a regular file (or a directory, with `O_DIRECTORY`) is refused.
    ///
    /// - Throws: ``EventStoreError/notRegularFile(path:)`` for a FIFO, a device or a socket; `io` otherwise.
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws(EventStoreError) -> POSIXFile? {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC | O_NONBLOCK, mode)
            if fd >= 0 {
                let file = POSIXFile(descriptor: fd, path: path)
                var info = stat()
                guard fstat(fd, &info) == 0 else { throw .io(path: path, operation: "stat", errno: errno) }
                let kind = info.st_mode & S_IFMT
                guard kind == S_IFREG || (flags & O_DIRECTORY != 0 && kind == S_IFDIR) else { throw .notRegularFile(path: path) }
                // Back to blocking I/O (it changes nothing for a regular file, but says what is meant).
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
                return file
            }
            if errno == EINTR { continue }
            if errno == ENOENT && flags & O_CREAT == 0 { return nil }
            // A FIFO opened for writing without a reader (ENXIO) is no file to write either.
            if errno == ENXIO { throw .notRegularFile(path: path) }
            // A directory opened for writing.
            if errno == EISDIR { throw .notRegularFile(path: path) }
            throw .io(path: path, operation: "open", errno: errno)
        }
    }

    /// Reads from the current offset to the end of the file.
    func readToEnd() throws(EventStoreError) -> [UInt8] {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(path: path, operation: "stat", errno: errno) }
        var bytes: [UInt8] = []
        var capacity = max(Int(info.st_size) + 1, 4096)
        while true {
            bytes.reserveCapacity(capacity)
            let start = bytes.count
            let room = capacity - start
            var got = 0
            var failure: Int32 = 0
            bytes.append(contentsOf: repeatElement(0, count: room))
            bytes.withUnsafeMutableBytes { buffer in
                while true {
                    let n = Glibc.read(descriptor, buffer.baseAddress! + start, room)
                    if n < 0 && errno == EINTR { continue }
                    if n < 0 { failure = errno } else { got = n }
                    return
                }
            }
            bytes.removeLast(room - got)
            if failure != 0 { throw .io(path: path, operation: "read", errno: failure) }
            if got == 0 { return bytes }
            if bytes.count == capacity { capacity *= 2 }
        }
    }

    /// Writes all of `bytes`, continuing after partial writes.
    func writeAll(_ bytes: [UInt8]) throws(EventStoreError) {
        try Self.writeAll(bytes, to: descriptor, path: path)
    }

    /// Writes all of `bytes` to `descriptor`, continuing after partial writes.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws(EventStoreError) {
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let n = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                written += n
            }
        }
        if failure != 0 { throw .io(path: path, operation: "write", errno: failure) }
    }

    /// Writes all of `bytes` at `offset` (for a file opened without `O_APPEND`).
    func write(_ bytes: [UInt8], at offset: Int) throws(EventStoreError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress! + written, bytes.count - written, off_t(offset + written)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "write", errno: errno)
            }
            written += n
        }
    }

    /// Reads `count` bytes at `offset` (fewer at the end of the file).
    func read(count: Int, at offset: Int) throws(EventStoreError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + got, count - got, off_t(offset + got)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "read", errno: errno)
            }
            if n == 0 { break }
            got += n
        }
        bytes.removeLast(count - got)
        return bytes
    }

    /// The file's size, device and inode.
    func status() throws(EventStoreError) -> (size: Int, device: UInt64, inode: UInt64) {
        let version = try self.version()
        return (version.size, version.device, version.inode)
    }

    /// What tells this file's contents apart from any other's or its own at another moment: size, device,
    /// inode and the time of its last change, to the nanosecond.
    func version() throws(EventStoreError) -> FileVersion {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(path: path, operation: "stat", errno: errno) }
        return FileVersion(
            size: Int(info.st_size), device: UInt64(info.st_dev), inode: UInt64(info.st_ino),
            modified: Int(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int(info.st_mtim.tv_nsec))
    }

    /// Flushes the file's data and metadata to the disk.
    func sync() throws(EventStoreError) {
        while fsync(descriptor) != 0 {
            if errno == EINTR { continue }
            throw .io(path: path, operation: "fsync", errno: errno)
        }
    }

    /// Cuts the file to `length` bytes.
    func truncate(to length: Int) throws(EventStoreError) {
        while ftruncate(descriptor, off_t(length)) != 0 {
            if errno == EINTR { continue }
            throw .io(path: path, operation: "truncate", errno: errno)
        }
    }

    deinit { close(descriptor) }

    /// Flushes the directory holding `path`, so that a newly created file's name is durable.
    static func syncDirectory(of path: String) throws(EventStoreError) {
        let directory = path.contains("/") ? String(path[..<path.lastIndex(of: "/")!]) : "."
        guard let dir = try open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY) else {
            throw .io(path: directory, operation: "open", errno: ENOENT)
        }
        try dir.sync()
    }
}

/// See ``POSIXFile/version()``.
struct FileVersion: Equatable, Sendable {
    var size: Int
    var device: UInt64
    var inode: UInt64
    var modified: Int
}
