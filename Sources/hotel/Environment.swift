#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The environment variables `hotel` reads, each read when asked for (`getenv`), so that a run never copies
/// the whole environment into a dictionary it mostly does not look at.
struct Environment: Sendable {
    /// Fixed variables instead of the process's, when given.
    private let fixed: [String: String]?

    /// The process's own environment.
    static let process = Environment(fixed: nil)

    private init(fixed: [String: String]?) { self.fixed = fixed }

    /// An environment of exactly `variables`, for tests and for work that must not see the process's.
    init(_ variables: [String: String]) { fixed = variables }

    /// The value of the variable `name`, if it is set.
    subscript(name: String) -> String? {
        if let fixed { return fixed[name] }
        return getenv(name).map { String(cString: $0) }
    }
}
