#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A string that compares, hashes and orders by its UTF-8 bytes.
///
/// Swift's `String` compares by canonical equivalence (`"e\u{301}" == "\u{e9}"`), while the snapshot, the
/// log's byte searches and `LC_ALL=C sort` compare bytes; every name-like value (``RoomName``,
/// ``RoomType``, ``ClientID``, ``IdempotencyKey``, ``Reason``, ``Tag``) and every table keyed by their
/// text compares bytes, so that a replay and the cache agree on any log, even one that holds two spellings
/// of one name. (Values made from a person's input are NFC, so equal-looking input is one value.)
struct TextKey: Hashable, Sendable {
    let text: String

    init(_ text: String) { self.text = text }

    static func == (a: TextKey, b: TextKey) -> Bool { same(a.text, b.text) }

    func hash(into hasher: inout Hasher) { Self.hash(text, into: &hasher) }

    /// Whether two strings have the same UTF-8 bytes.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        let fast = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in p.count == 0 || memcmp(p.baseAddress!, q.baseAddress!, p.count) == 0 }
        }
        if let fast, let result = fast { return result }
        return x.elementsEqual(y)
    }

    /// Whether two optional strings are both nil or have the same UTF-8 bytes.
    static func same(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return same(a, b)
        default: return false
        }
    }

    /// Feeds the string's UTF-8 bytes to `hasher`, then a byte no UTF-8 text holds (0xFF) as its end.
    static func hash(_ text: String, into hasher: inout Hasher) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if done == nil { Array(text.utf8).withUnsafeBytes { hasher.combine(bytes: $0) } }
        hasher.combine(0xFF as UInt8)
    }

    /// Whether `a`'s bytes precede `b`'s (as `LC_ALL=C sort` orders).
    static func precedes(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }
}
