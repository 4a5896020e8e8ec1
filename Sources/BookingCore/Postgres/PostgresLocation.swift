/// A PostgreSQL store's address as given to `--store` or `HOTEL_STORE`: a libpq connection URI,
/// `postgresql://USER@HOST:PORT/DB` or `postgres://...`, with libpq's query parameters (`?host=/run/postgresql`
/// for a Unix socket, `sslmode=...`).
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// The URI as given, passed to libpq whole.
    public let uri: String

    /// The location in `text`, if it is a PostgreSQL URI.
    public init?(_ text: String) {
        guard text.hasPrefix("postgresql://") || text.hasPrefix("postgres://") else { return nil }
        uri = text
    }

    /// The URI with any password replaced by `***`, for messages.
    public var description: String {
        var characters = Array(uri)
        let scheme = uri.hasPrefix("postgresql://") ? 13 : 11
        // USER:PASSWORD@ before the host.
        let authority = characters[scheme...].prefix { $0 != "/" && $0 != "?" }
        if let at = authority.lastIndex(of: "@"), let colon = characters[scheme..<at].firstIndex(of: ":") {
            characters.replaceSubrange((colon + 1)..<at, with: Array("***"))
        }
        // password=... among the query parameters.
        var text = String(characters)
        for key in ["?password=", "&password="] {
            guard let start = text.indexAfter(key) else { continue }
            let end = text[start...].firstIndex(of: "&") ?? text.endIndex
            text.replaceSubrange(start..<end, with: "***")
        }
        return text
    }
}

extension String {
    /// The index just after the first occurrence of `needle`, if any.
    fileprivate func indexAfter(_ needle: String) -> Index? {
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) { return index(start, offsetBy: needle.count) }
            start = index(after: start)
        }
        return nil
    }
}
