#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a file store's log really is, so that every way of naming it means one store.
///
/// The files beside the log (`<log>.lock`, `<log>.cache`, `<log>.torn`) are named after its last path
/// component. Another spelling of the same path (`./s.jsonl`, a symlinked directory) already names the
/// same files; a symlink *as* the log's name would not, so it is followed to the log it names. (A hard link
/// names the same file but other side files: its writers still share one `flock` on the log itself.)
enum LogPath {
    /// The folder `path` is in: all but its last component (`.` for a bare name, `/` for one in the root).
    static func folder(of path: String) -> String {
        var path = Substring(path)
        while path.count > 1, path.last == "/" { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return "." }
        var folder = path[..<slash]
        while folder.count > 1, folder.last == "/" { folder.removeLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// `path` with a symlink at its last component followed (its target read relative to the link's
    /// directory, up to 32 links deep); the path itself if it is no symlink, or cannot be read.
    static func following(_ path: String) -> String {
        var current = path
        for _ in 0..<32 {
            var info = stat()
            guard lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return current }
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let target = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if target.hasPrefix("/") {
                current = target
            } else if let slash = current.lastIndex(of: "/") {
                current = String(current[...slash]) + target
            } else {
                current = target
            }
        }
        return current
    }
}
