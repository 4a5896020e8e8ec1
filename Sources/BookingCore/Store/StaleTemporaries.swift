#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files a writer prepares beside a file before renaming them into place (`<path>.tmp<pid>`: a new
/// snapshot, an import), and clearing those that a killed writer left behind.
enum StaleTemporaries {
    /// This process's temporary for `path`: `<path>.tmp<pid>`.
    static func name(besides path: String) -> String { path + ".tmp\(getpid())" }

    /// Removes every `<path>.tmp<pid>` whose process is gone (a writer killed before its rename). A live
    /// process's file is left alone, and so is any other name.
    static func clear(besides path: String) {
        for stale in stale(besides: path) { unlink(stale) }
    }

    /// The paths of the `<path>.tmp<pid>` files whose process is gone.
    static func stale(besides path: String) -> [String] {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[..<$0]) } ?? "."
        let prefix = (slash.map { String(path[path.index(after: $0)...]) } ?? path) + ".tmp"
        guard let dir = opendir(directory.isEmpty ? "/" : directory) else { return [] }
        defer { closedir(dir) }
        var stale: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), pid > 0 else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { stale.append(name) }
        }
        return stale.map { directory + "/" + $0 }
    }
}
