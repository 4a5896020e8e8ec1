/// One line of the JSON-lines log: the envelope
/// `{"position":N,"type":"...","tags":[...],"data":{...},"recordedAt":"...","previousHash":"..."}` followed
/// by `\n`.
///
/// Key order is free when reading and more keys are allowed; lines are written compactly, in that order.
/// `previousHash` (the hash chain's value after the lines before, see ``HashChain``) is written on every line
/// by this version; lines written before it have none, and are still valid.
public enum EventLine {
    /// Why a line is not a valid event envelope, and the byte offset within the line.
    public struct Problem: Error, Sendable, Equatable {
        public var offset: Int
        public var reason: String
    }

    /// Appends the line for `event` (with its trailing `\n`) to `out`, carrying `previousHash` last (nil:
    /// none, as in a line written before the hash chain).
    ///
    /// A writer passes the chain's value after the line before (``HashChain/encode(_:chain:into:)`` does it
    /// and moves the chain on).
    public static func encode(_ event: SequencedEvent, previousHash: SHA256.Digest?, into out: inout [UInt8]) {
        out.append(contentsOf: #"{"position":"#.utf8)
        out.append(contentsOf: String(event.position.rawValue).utf8)
        out.append(contentsOf: #","type":"#.utf8)
        JSONWriter.writeString(event.event.type, to: &out)
        out.append(contentsOf: #","tags":["#.utf8)
        for (i, tag) in event.event.tags.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONWriter.writeString(tag.rawValue, to: &out)
        }
        out.append(contentsOf: #"],"data":"#.utf8)
        JSONWriter.write(.object(event.event.data), to: &out)
        out.append(contentsOf: #","recordedAt":"#.utf8)
        JSONWriter.writeString(event.recordedAt, to: &out)
        if let previousHash {
            out.append(contentsOf: #","previousHash":""#.utf8)
            previousHash.writeHex(to: &out)
            out.append(UInt8(ascii: "\""))
        }
        out.append(contentsOf: "}\n".utf8)
    }

    /// Decodes one line (without its `\n`).
    ///
    /// - Throws: ``Problem`` if it is not JSON, or not an envelope with a positive integer `position`,
    ///   a non-empty string `type`, an array of non-empty strings `tags`, an object `data` and a string
    ///   `recordedAt`, and, if there is a `previousHash`, exactly 64 lower-case hex digits.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>) throws(Problem) -> SequencedEvent {
        try decodeEnvelope(line).event
    }

    /// Decodes one line (without its `\n`), and its `previousHash` if it carries one.
    ///
    /// - Throws: ``Problem``, as ``decode(_:)``.
    public static func decodeEnvelope(_ line: UnsafeBufferPointer<UInt8>) throws(Problem) -> (event: SequencedEvent, previousHash: SHA256.Digest?) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line)
        } catch {
            throw Problem(offset: error.offset, reason: "invalid JSON: \(error.reason)")
        }
        guard let object = value.objectValue else { throw Problem(offset: 0, reason: "the line is not a JSON object") }
        guard let position = object["position"]?.intValue, position >= 1 else {
            throw missing("position", "a positive integer")
        }
        guard let type = object["type"]?.stringValue, !type.isEmpty else { throw missing("type", "a non-empty string") }
        guard let tagValues = object["tags"]?.arrayValue else { throw missing("tags", "an array of strings") }
        var tags: [Tag] = []
        tags.reserveCapacity(tagValues.count)
        for value in tagValues {
            guard let text = value.stringValue, let tag = Tag(text) else {
                throw missing("tags", "an array of non-empty strings without control characters")
            }
            tags.append(tag)
        }
        guard let data = object["data"]?.objectValue else { throw missing("data", "an object") }
        guard let recordedAt = object["recordedAt"]?.stringValue else { throw missing("recordedAt", "a string") }
        var previousHash: SHA256.Digest?
        if let value = object["previousHash"] {
            guard let text = value.stringValue, let digest = SHA256.Digest(hex: text.utf8) else {
                throw missing("previousHash", "64 lower-case hex digits")
            }
            previousHash = digest
        }
        let event = SequencedEvent(position: Position(position), event: Event(type: type, tags: tags, data: data), recordedAt: recordedAt)
        return (event, previousHash)
    }

    private static func missing(_ key: String, _ expected: String) -> Problem {
        Problem(offset: 0, reason: "the envelope's \"\(key)\" must be \(expected)")
    }
}
