#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work run on a second thread while the caller does its own; ``join()`` waits for its result. Without a
/// second thread (`pthread_create` failed) the work runs in ``join()``.
///
/// The caller keeps whatever the work reads (a buffer, say) alive and unchanged until ``join()`` returns.
final class BackgroundWork<Result>: @unchecked Sendable {
    private var work: (() -> Result)?
    private var result: Result?
    private var done = false
    private var thread: pthread_t?

    private init(_ work: @escaping () -> Result) {
        self.work = work
    }

    /// Starts `work` on a second thread.
    static func start(_ work: @escaping () -> Result) -> BackgroundWork {
        let box = BackgroundWork(work)
        box.launch()
        return box
    }

    private func launch() {
        var thread = pthread_t()
        // What the thread runs, in a type without generic parameters (a C function cannot name them).
        let context = Unmanaged.passRetained(ThreadEntry { self.run() }).toOpaque()
        if pthread_create(&thread, nil, { context in
            Unmanaged<ThreadEntry>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context) == 0 {
            self.thread = thread
        } else {
            Unmanaged<ThreadEntry>.fromOpaque(context).release()
        }
    }

    private func run() {
        result = work?()
        work = nil
        done = true
    }

    /// The work's result, once it is done; the same result on every call.
    func join() -> Result {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
        if !done { run() }
        return result!
    }
}

/// A thread's body.
private final class ThreadEntry: @unchecked Sendable {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}
