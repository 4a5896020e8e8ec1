#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on a sidecar lock file, held while a closure runs.
///
/// The lock file is never renamed or deleted, so every writer locks the same inode. The kernel releases
/// the lock when its holder exits, however it exits: a writer killed by SIGKILL blocks nobody.
enum FileLock {
    /// Runs `body` holding the lock on `path` (creating the file if needed), waiting up to `timeout` seconds
    /// for it; releases the lock when `body` returns or throws.
    ///
    /// - Throws: ``EventStoreError/lockTimeout(path:seconds:)`` when another process holds it too long, or
    ///   whatever `body` throws.
    static func withLock<R>(path: String, timeout: Double, _ body: () throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        let file = try acquire(path: path, timeout: timeout)
        defer { flock(file.descriptor, LOCK_UN) }
        return try body()
    }

    private static func acquire(path: String, timeout: Double) throws(EventStoreError) -> POSIXFile {
        guard let file = try POSIXFile.open(path, O_RDWR | O_CREAT) else {
            throw .io(path: path, operation: "open", errno: ENOENT)
        }
        var clock = timespec()
        clock_gettime(CLOCK_MONOTONIC, &clock)
        let deadline = Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9 + timeout
        var pause: Double = 0.000_2
        while flock(file.descriptor, LOCK_EX | LOCK_NB) != 0 {
            let failure = errno
            guard failure == EWOULDBLOCK || failure == EINTR else {
                throw .io(path: path, operation: "lock", errno: failure)
            }
            clock_gettime(CLOCK_MONOTONIC, &clock)
            let now = Double(clock.tv_sec) + Double(clock.tv_nsec) / 1e9
            if now >= deadline { throw .lockTimeout(path: path, seconds: timeout) }
            // Back off, with jitter so that many waiters do not wake in step.
            let sleep = min(pause * Double.random(in: 0.5...1.5), deadline - now)
            usleep(useconds_t(max(sleep, 0) * 1e6))
            pause = min(pause * 2, 0.01)
        }
        return file
    }
}
