#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the progress of long work is shown (the command line's: a line on stderr, redrawn in place, when
/// stderr is a terminal). Work reports through a ``ProgressMeter``.
public protocol ProgressDisplay: Sendable {
    /// Shows that `done` of `total` units of `task` are done.
    func show(_ task: String, done: Int, total: Int, unit: ProgressUnit)
    /// Removes what was shown.
    func clear()
}

/// What a progress counts.
public enum ProgressUnit: Sendable {
    case bytes, events, commands
}

/// Counts the progress of one piece of long work and hands it to a display at most ten times a second, and
/// only once the work has gone on for a tenth of a second (quick work shows nothing). Cheap to advance: one
/// comparison until a step of the total is done.
public struct ProgressMeter {
    let task: String
    let total: Int
    let unit: ProgressUnit
    let display: (any ProgressDisplay)?
    private var next: Int
    private var shown = false
    private let step: Int
    private var lastDraw: Double

    /// A meter for `total` units of `task`; nil `display` counts nothing.
    public init(_ task: String, total: Int, unit: ProgressUnit, display: (any ProgressDisplay)?) {
        self.task = task
        self.total = max(total, 1)
        self.unit = unit
        self.display = display
        step = max(self.total / 1000, 1)
        next = display == nil ? .max : step
        lastDraw = Self.now()
    }

    /// Notes that `done` units are done.
    @inline(__always)
    public mutating func advance(to done: Int) {
        guard done >= next else { return }
        next = done + step
        let now = Self.now()
        guard now - lastDraw >= 0.1 else { return }
        lastDraw = now
        shown = true
        display?.show(task, done: min(done, total), total: total, unit: unit)
    }

    /// Removes the line, if one was shown.
    public func finish() {
        if shown { display?.clear() }
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
