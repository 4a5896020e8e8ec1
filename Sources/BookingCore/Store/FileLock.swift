#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// An exclusive `flock` on a sidecar lock file, held while a closure runs.
///
/// The lock file is never renamed or deleted, so every writer locks the same inode. The kernel releases
/// the lock when its holder exits, however it exits: a writer killed by SIGKILL blocks nobody. Waiting
/// writers block in the kernel (which hands the lock over as soon as it is released) on a worker thread,
/// so that the caller can give up at its deadline.
enum FileLock {
    /// Runs `body` holding the lock on `path` (creating the file if needed), waiting up to `timeout` seconds
    /// for it; releases the lock when `body` returns or throws.
    ///
    /// - Throws: ``EventStoreError/lockTimeout(path:seconds:)`` when another process holds it too long, or
    ///   whatever `body` throws.
    static func withLock<R>(path: String, timeout: Double, _ body: () throws(EventStoreError) -> R) throws(EventStoreError) -> R {
        guard let file = try POSIXFile.open(path, O_RDWR | O_CREAT) else {
            throw .io(path: path, operation: "open", errno: ENOENT)
        }
        try acquire(file.descriptor, path: path, timeout: timeout)
        defer { flock(file.descriptor, LOCK_UN) }
        return try body()
    }

    private enum Wait: Equatable {
        case waiting, acquired, abandoned
        case failed(Int32)
    }

    /// Takes an exclusive `flock` on the open file `descriptor` (naming it `path` in errors), waiting up to
    /// `timeout` seconds; the caller releases it (`flock(descriptor, LOCK_UN)`, or by closing it).
    static func acquire(_ descriptor: Int32, path: String, timeout: Double) throws(EventStoreError) {
        if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return }
        guard errno == EWOULDBLOCK || errno == EINTR else { throw .io(path: path, operation: "lock", errno: errno) }

        // Block in the kernel on a duplicate of the descriptor (it shares the lock), on a worker thread.
        let waiter = dup(descriptor)
        guard waiter >= 0 else { throw .io(path: path, operation: "lock", errno: errno) }
        let state = Mutex(Wait.waiting)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            var result: Int32
            repeat { result = flock(waiter, LOCK_EX) } while result != 0 && errno == EINTR
            let failure = errno
            let abandoned = state.withLock { wait -> Bool in
                if wait == .abandoned { return true }
                wait = result == 0 ? .acquired : .failed(failure)
                return false
            }
            // If the caller gave up, closing the last descriptor releases the lock at once.
            close(waiter)
            if !abandoned { done.signal() }
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            let gaveUp = state.withLock { wait -> Bool in
                guard wait == .waiting else { return false }
                wait = .abandoned
                return true
            }
            if gaveUp { throw .lockTimeout(path: path, seconds: timeout) }
            done.wait()
        }
        if case .failed(let code) = state.withLock({ $0 }) { throw .io(path: path, operation: "lock", errno: code) }
    }
}
