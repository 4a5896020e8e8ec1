#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fast decoder for event lines in exactly the form ``EventLine/encode(_:into:)`` writes:
/// `{"position":N,"type":"T","tags":[...],"data":{...},"recordedAt":"...","previousHash":"..."}` where every
/// data value is a string, and every string printable ASCII with no escapes; `previousHash` may be absent (a
/// line written before the hash chain), and is 64 lower-case hex digits when present.
///
/// It only finds where the fields stand; each event type then decodes itself from them with the same code
/// as the strict path (``DomainEvent/init(_:)-(EventFields)``). For any other line it returns nil and the
/// caller takes the strict path (``JSONParser`` then ``EventLine``), so it is never more lenient than that
/// path, only faster on the lines `hotel` writes.
///
/// - Complexity: One pass over the line's bytes; no allocation but the event's own strings.
enum CanonicalLineDecoder {
    /// A decoded line: the event, its position, and where its tags and recorded time stand in it.
    struct Decoded {
        var event: DomainEvent
        var position: Position
        var type: Range<Int>
        var tags: Range<Int>
        var recordedAt: Range<Int>
        /// Where the 64 hex digits of `previousHash` stand, if the line carries it.
        var previousHash: Range<Int>?
    }

    /// The line's envelope as written (type and tags), if the line is in canonical form: for matching a
    /// query against the line as it stands.
    static func envelope(_ line: UnsafeBufferPointer<UInt8>) -> Event? {
        guard let d = decodeFull(line) else { return nil }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: line[range]), as: UTF8.self) }
        var tags: [Tag] = []
        var i = d.tags.lowerBound
        // Tags stand as "a","b","c": plain strings (no escapes) between quotes.
        while i < d.tags.upperBound {
            let start = i + 1
            var end = start
            while line[end] != UInt8(ascii: "\"") { end += 1 }
            tags.append(Tag(unchecked: text(start..<end)))
            i = end + 2
        }
        return Event(type: text(d.type), tags: tags, data: [:])
    }

    /// The most data members a canonical line may have.
    static let maximumMembers = 16

    /// The event and its position, or nil if the line is not in canonical form.
    static func decode(_ line: UnsafeBufferPointer<UInt8>) -> (DomainEvent, Position)? {
        decodeFull(line).map { ($0.event, $0.position) }
    }

    /// The event, its position, whether its tags are exactly those `hotel` writes for it, and its recorded
    /// time if that is in the form `hotel` writes.
    static func decodeWithTags(_ line: UnsafeBufferPointer<UInt8>) -> (DomainEvent, Position, tagsAsWritten: Bool, recordedAt: Instant?)? {
        guard let d = decodeFull(line) else { return nil }
        let tags = UnsafeBufferPointer(rebasing: line[d.tags])
        return (d.event, d.position, tags.elementsEqual(expectedTags(of: d.event)), Instant.parse(UnsafeBufferPointer(rebasing: line[d.recordedAt])))
    }

    static func decodeFull(_ line: UnsafeBufferPointer<UInt8>) -> Decoded? {
        // Every byte of a canonical line, inside strings and out, is printable ASCII other than `\`: check
        // that once for the whole line, so that a string's end is found by its quote alone.
        guard isPlainASCII(line) else { return nil }
        return withUnsafeTemporaryAllocation(of: CanonicalEventFields.Member.self, capacity: maximumMembers) { members in
            var s = Cursor(bytes: line)
            var count = 0
            guard s.literal(#"{"position":"#), let position = s.positiveInteger(), s.literal(#","type":"#),
                  let type = s.plainString(), !type.isEmpty, s.literal(#","tags":["#)
            else { return nil }
            let tagsStart = s.index
            guard s.tags() else { return nil }
            let tagsEnd = s.index
            guard s.literal(#"],"data":{"#) else { return nil }
            if !s.literal("}") {
                while true {
                    guard count < maximumMembers, let key = s.plainString(), s.literal(":"), let value = s.plainString() else { return nil }
                    members[count] = CanonicalEventFields.Member(key: key, value: value)
                    count += 1
                    if s.literal("}") { break }
                    guard s.literal(",") else { return nil }
                }
            }
            guard s.literal(#","recordedAt":"#), let recordedAt = s.plainString() else { return nil }
            var previousHash: Range<Int>?
            if s.literal(#","previousHash":"#) {
                guard let hash = s.plainString(), Self.isLowerHex(UnsafeBufferPointer(rebasing: line[hash]), count: 64) else { return nil }
                previousHash = hash
            }
            guard s.literal("}"), s.atEnd else { return nil }
            // A repeated key is refused by the strict parser: leave such a line to it.
            for i in 0..<count {
                for j in 0..<i where members[i].key.count == members[j].key.count
                    && line[members[i].key.lowerBound] == line[members[j].key.lowerBound] && memcmp(line.baseAddress! + members[i].key.lowerBound, line.baseAddress! + members[j].key.lowerBound, members[i].key.count) == 0 {
                    return nil
                }
            }
            let fields = CanonicalEventFields(position: Position(position), line: line, typeRange: type, members: UnsafeBufferPointer(rebasing: members[0..<count]))
            guard let event = try? DomainEvent(fields) else { return nil }
            return Decoded(event: event, position: Position(position), type: type, tags: tagsStart..<tagsEnd, recordedAt: recordedAt, previousHash: previousHash)
        }
    }

    /// Whether every byte is printable ASCII (0x20 to 0x7E) and not a backslash: eight bytes at a time, with
    /// the exact word tests for "some byte is zero" and "some byte is below n".
    static func isPlainASCII(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = line.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        /// Some byte of `x` is zero.
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        var i = 0
        while i + 8 <= line.count {
            let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A byte at or above 0x80, below 0x20, 0x7F, or a backslash.
            if x & highs != 0 || (x &- ones &* 0x20) & ~x & highs != 0 || hasZero(x ^ (ones &* 0x7F)) || hasZero(x ^ (ones &* 0x5C)) {
                return false
            }
            i += 8
        }
        while i < line.count {
            let b = line[i]
            if b &- 0x20 > 0x5E || b == 0x5C { return false }
            i += 1
        }
        return true
    }

    /// Whether `digits` are exactly `count` lower-case hex digits.
    static func isLowerHex(_ digits: UnsafeBufferPointer<UInt8>, count: Int) -> Bool {
        guard digits.count == count else { return false }
        for digit in digits where digit &- UInt8(ascii: "0") > 9 && digit &- UInt8(ascii: "a") > 5 { return false }
        return true
    }

    /// The tags `hotel` writes for an event, as they stand between `[` and `]` in its line. Names on this
    /// path are plain ASCII: no escaping needed.
    static func expectedTags(of event: DomainEvent) -> [UInt8] {
        var out: [UInt8] = []
        for (i, tag) in event.tags.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: tag.rawValue.utf8)
            out.append(UInt8(ascii: "\""))
        }
        return out
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func literal(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard bytes.count - index >= count else { return false }
            let pointer = text.utf8Start
            for i in 0..<count where bytes[index + i] != pointer[i] { return false }
            index += count
            return true
        }

        /// 1 to 18 digits, no leading zero.
        mutating func positiveInteger() -> Int? {
            let start = index
            var value = 0
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39, index - start < 18 {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            guard index > start, bytes[start] != 0x30, index < bytes.count, bytes[index] < 0x30 || bytes[index] > 0x39 else { return nil }
            return value
        }

        /// A string, up to the next `"`; returns its content's range. (The whole line was checked to be
        /// printable ASCII with no `\`, so a quote ends it and nothing is escaped.)
        mutating func plainString() -> Range<Int>? {
            guard index < bytes.count, bytes[index] == 0x22 else { return nil }
            let start = index + 1
            var i = start
            // Eight bytes at a time while they are all in the line: the first byte equal to `"`.
            let raw = UnsafeRawPointer(bytes.baseAddress!)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i + 8 <= bytes.count {
                let x = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) ^ (ones &* 0x22)
                let found = (x &- ones) & ~x & highs
                if found != 0 {
                    i += found.trailingZeroBitCount / 8
                    index = i + 1
                    return start..<i
                }
                i += 8
            }
            while i < bytes.count {
                if bytes[i] == 0x22 { index = i + 1; return start..<i }
                i += 1
            }
            return nil
        }

        /// Zero or more non-empty plain strings separated by commas (the tags).
        mutating func tags() -> Bool {
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { return true }
            while true {
                guard let range = plainString(), !range.isEmpty else { return false }
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 } else { return true }
            }
        }
    }
}
