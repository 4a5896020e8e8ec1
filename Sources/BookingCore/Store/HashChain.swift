#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystem

/// The log's hash chain, the one place its rule is written: the chain's value after line k is
///
///     H(0) = 32 zero bytes
///     H(k) = SHA-256(H(k-1) followed by line k's bytes, its `\n` included)
///
/// and line k+1 carries H(k) as 64 lower-case hex digits in its envelope's `previousHash`, written last.
/// Lines written before the chain carry none but count in H, so an old log chains from its next append on.
/// Editing any line changes H from there on: the next line that carries `previousHash` no longer matches
/// (`hotel verify` names it), and the head (H of the last line) differs from a copy's.
///
/// The head is found from the last line alone when it carries `previousHash` (H(n) = SHA-256(its
/// previousHash followed by line n)), in constant time; only a log whose last line carries none (written
/// before the chain) is hashed whole, once.
public enum HashChain {
    /// A value of the chain: a SHA-256 digest.
    public typealias Value = SHA256.Digest

    /// H(0): 32 zero bytes, the value before the first line (and the first line's `previousHash`).
    public static let origin = Value.zero

    /// H(k), from H(k-1) and line k (without its `\n`; the `\n` is hashed after it).
    public static func next(_ previous: Value, line: UnsafeBufferPointer<UInt8>) -> Value {
        var hash = SHA256()
        previous.withUnsafeBytes { hash.update($0) }
        hash.update(UnsafeRawBufferPointer(line))
        withUnsafeBytes(of: UInt8(ascii: "\n")) { hash.update($0) }
        return hash.finalize()
    }

    /// H(k), from H(k-1) and line k's bytes with their `\n`.
    public static func next(_ previous: Value, lineWithNewline line: UnsafeRawBufferPointer) -> Value {
        var hash = SHA256()
        previous.withUnsafeBytes { hash.update($0) }
        hash.update(line)
        return hash.finalize()
    }

    /// The head of a whole log held in memory: the value after its last complete line.
    public static func value(of bytes: [UInt8]) -> Value {
        var chain = origin
        bytes.withUnsafeBufferPointer { buffer in
            LogScanner.forEachLine(in: buffer, upTo: LogScanner.completeLength(of: bytes)) { line, _, _ in chain = next(chain, line: line) }
        }
        return chain
    }

    /// Appends the line of `event` carrying `chain` (the value after the lines before it) to `out`, and moves
    /// `chain` on past it: what every writer of a line calls, line after line.
    public static func encode(_ event: SequencedEvent, chain: inout Value, into out: inout [UInt8]) {
        let start = out.count
        EventLine.encode(event, previousHash: chain, into: &out)
        chain = out.withUnsafeBytes { next(chain, lineWithNewline: UnsafeRawBufferPointer(rebasing: $0[start...])) }
    }

    /// The chain's value after the first `length` bytes of the log in `file` (whole lines, as a writer holding
    /// the lock sees them): from the last line alone when it carries `previousHash`, else (a log written
    /// before the chain) by hashing every line once.
    static func value(of file: borrowing POSIXFile, length: Int, path: String) throws(EventStoreError) -> Value {
        guard length > 0 else { return origin }
        if let last = try lastLine(of: file, length: length),
           let previous = last.withUnsafeBufferPointer({ try? EventLine.decodeEnvelope($0).previousHash }) {
            return last.withUnsafeBufferPointer { next(previous, line: $0) }
        }
        var chain = origin
        do {
            try LogStream(path: path).forEachLine(in: file, from: 0, to: length) { line, _, _ in chain = next(chain, line: line) }
        } catch let error as EventStoreError {
            throw error
        } catch {
            fatalError("unexpected \(error)")
        }
        return chain
    }

    /// The chain's value after the line ending at byte `length` of the log, if that line is the event at
    /// `position`; nil if it is not (or the bytes do not end a line). What binds a snapshot to the log's
    /// content: the value after the snapshot's last position.
    ///
    /// Found from that line when it carries `previousHash`; else (a line written before the chain) from the
    /// next line's `previousHash`, if the log has a next line (of the next position) that carries one; else
    /// by hashing every line up to it, as for a log no version with the chain has appended to yet.
    static func value(of file: borrowing POSIXFile, length: Int, at position: Position, size: Int, path: String) throws(EventStoreError) -> Value? {
        guard length > 0, position > .origin, let last = try lastLine(of: file, length: length),
              let (event, previous) = last.withUnsafeBufferPointer({ try? EventLine.decodeEnvelope($0) }), event.position == position
        else { return nil }
        if let previous { return last.withUnsafeBufferPointer { next(previous, line: $0) } }
        if length < size, let following = try file.line(startingAt: length, before: size)?.dropLast(),
           let (next, carried) = Array(following).withUnsafeBufferPointer({ try? EventLine.decodeEnvelope($0) }), next.position == position.next, let carried {
            return carried
        }
        return try value(of: file, length: length, path: path)
    }

    /// The last line of the first `length` bytes (without its `\n`), read backwards in growing windows; nil
    /// if those bytes do not end with `\n`.
    private static func lastLine(of file: borrowing POSIXFile, length: Int) throws(EventStoreError) -> [UInt8]? {
        var window = min(length, 4096)
        while true {
            let bytes = try file.read(count: window, at: length - window)
            guard bytes.count == window, bytes.last == UInt8(ascii: "\n") else { return nil }
            if let newline = bytes.dropLast().lastIndex(of: UInt8(ascii: "\n")) { return Array(bytes[(newline + 1)..<(window - 1)]) }
            if window == length { return Array(bytes.dropLast()) }
            window = min(length, window * 8)
        }
    }

    /// The chain checked over a log's lines: where it breaks, and its head.
    struct Checked: Sendable {
        var problems: [VerificationReport.Finding] = []
        var head = HashChain.origin
    }

    /// Checks the chain over the complete lines of `buffer` before `end`.
    static func check(_ buffer: UnsafeBufferPointer<UInt8>, upTo end: Int) -> Checked {
        var follower = Follower()
        var checked = Checked()
        LogScanner.forEachLine(in: buffer, upTo: end) { line, number, offset in
            if let broken = follower.see(line, number: number, carried: carried(by: line, readAll: follower.firstChained != nil)) {
                checked.problems.append(.init(line: number, offset: offset, message: broken))
            }
        }
        checked.head = follower.value
        return checked
    }

    /// Checks the chain over the complete lines of the first `size` bytes of `file`, a chunk at a time.
    static func check(_ file: borrowing POSIXFile, size: Int) throws(EventStoreError) -> Checked {
        var follower = Follower()
        var checked = Checked()
        do {
            try LogStream(path: file.path).forEachLine(in: file, from: 0, to: size) { line, number, offset in
                if let broken = follower.see(line, number: number, carried: carried(by: line, readAll: follower.firstChained != nil)) {
                    checked.problems.append(.init(line: number, offset: offset, message: broken))
                }
            }
        } catch let error as EventStoreError {
            throw error
        } catch {
            fatalError("unexpected \(error)")
        }
        checked.head = follower.value
        return checked
    }

    /// `,"previousHash":"`: how the field `hotel` writes last begins.
    private static let writtenField: StaticString = #","previousHash":""#

    /// The `previousHash` `line` carries, found without decoding its event (so that the chain is checked
    /// apart from the replay): at the end of the line, where `hotel` writes it; else, if the line names the
    /// key at all (key order is free) or `readAll` (after the chain has begun, where a line without one is a
    /// break unless it is unreadable anyway), by the strict path, which may find the line unreadable; else
    /// none.
    static func carried(by line: UnsafeBufferPointer<UInt8>, readAll: Bool) -> Follower.Carried {
        let field = writtenField.utf8CodeUnitCount
        let n = line.count
        if n >= field + 66, let base = line.baseAddress, line[n - 1] == UInt8(ascii: "}"), line[n - 2] == UInt8(ascii: "\""),
           memcmp(base + n - 66 - field, writtenField.utf8Start, field) == 0,
           let digest = Value(hex: UnsafeBufferPointer(rebasing: line[(n - 66)..<(n - 2)])) {
            return .hash(digest)
        }
        let key: StaticString = #""previousHash""#
        guard readAll || line.baseAddress.map({ hotel_memmem($0, n, key.utf8Start, key.utf8CodeUnitCount) != nil }) == true else { return .none }
        guard let decoded = try? EventLine.decodeEnvelope(line) else { return .unreadable }
        return decoded.previousHash.map { .hash($0) } ?? .none
    }

    /// Follows the chain over a log line by line, as `hotel verify` and `hotel import` check it.
    ///
    /// A line's `previousHash` must be the value after the lines before it. Lines without one are those written
    /// before the chain, so they may only come before the first line that carries one. After a break, each
    /// line is checked against the line before it as it stands (its `previousHash` and bytes), so that one
    /// edited line is one problem, not one for every line after it; the value (the head) stays H over every
    /// line as it stands.
    struct Follower {
        /// The value after the lines seen: the head, at the end.
        private(set) var value = HashChain.origin
        /// What the next line must carry: `value`, until the chain breaks.
        private var expected = HashChain.origin
        /// The number of the first line that carried `previousHash`, if any did.
        private(set) var firstChained: Int?

        /// Sees line `number` (without its `\n`), whose `previousHash` is `carried` (`.none`: it carries none;
        /// `.unreadable`: the line is not a valid envelope, reported elsewhere); returns why the chain breaks
        /// at it, if it does.
        mutating func see(_ line: UnsafeBufferPointer<UInt8>, number: Int, carried: Carried) -> String? {
            let inStep = expected == value
            var broken: String?
            var linkFrom = expected
            switch carried {
            case .unreadable:
                break
            case .none:
                if let first = firstChained {
                    broken = "the hash chain breaks here: the line carries no previousHash, though line \(first) and those after it do"
                }
            case .hash(let previous):
                if firstChained == nil { firstChained = number }
                if previous != expected {
                    broken = "the hash chain breaks here: previousHash is \(previous.hex), "
                        + (inStep ? "the lines before hash to \(expected.hex)" : "the line before hashes (from its own previousHash) to \(expected.hex)")
                    linkFrom = previous
                }
            }
            value = HashChain.next(value, line: line)
            expected = inStep && linkFrom == expected ? value : HashChain.next(linkFrom, line: line)
            return broken
        }

        /// What a line carries as its `previousHash`.
        enum Carried {
            case hash(Value)
            case none
            case unreadable
        }
    }
}
