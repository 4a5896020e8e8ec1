#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BookingCore

extension Subcommand {
    /// `hotel log [--after POS] [--since TIME] [--type TYPE]... [--tag TAG]... [--limit N] [--follow]`
    static let log = Subcommand(
        spec: CommandSpec(
            name: "log", abstract: "Print the log's events as JSON lines, each exactly as it stands in the log.",
            discussion: "The output of an unfiltered 'hotel log' is a valid store: 'hotel --store other.jsonl import -' takes it back byte for byte. --type and --tag select as a DCB query item: one of the types, all of the tags; a type the store format does not have is a usage error. --since keeps the events recorded at or after a time: an ISO 8601 time (2024-05-01T12:00:00Z, or with an offset, 2024-05-01T14:00:00+02:00) or a day, YYYY-MM-DD, meaning its start in the local time zone (TZ); every option selects together with the others (--since with --after: both). With --follow, events appended by other processes are printed within 200 ms of being synced, never a torn or unfinished line; with no new events it checks the log ten times a second and otherwise sleeps. It exits 0 quietly when its reader goes away (hotel log --follow | head -n 3)."
),
        options: Option("--after", "position", "Only events after this position (default 0: from the first).", Position.parse),
        Option("--since", "time", "Only events recorded at or after this time (ISO 8601, or YYYY-MM-DD: its start in the local time zone).", Instant.since),
        RepeatedOption("--type", "type", "Only events of this type, such as RoomBooked; repeated, of any of them.", parse: DomainEvent.parseType),
        RepeatedOption("--tag", "tag", "Only events with this tag, such as room:Blue; repeated, with all of them.", Tag.parse),
        Option("--limit", "n", "At most this many events.", Int.parsePositive),
        Flag("--follow", "Then keep printing events as they are appended, until interrupted."),
        run: { (_, context, after, since, types, tags, limit, follow) throws(CommandLineError) in
            let after = try after.get() ?? .origin
            let since = try since.get()
            let limit = try limit.get()
            let item = QueryItem(types: try types.get(), tags: try tags.get())
            let query = item.types.isEmpty && item.tags.isEmpty ? nil : Query([item])
            try context.requireStore()
            var out = RawOutput()
            var printed = 0
            do throws(EventStoreError) {
                var position = after
                while true {
                    position = try context.store.forEachLine(after: position, matching: query) { line, _ in
                        // A recorded time that is not a time (a hand-made log's) counts as the beginning of time.
                        if let since, LogReader.recordedAt(of: line) ?? Instant(secondsSince1970: .min) < since { return true }
                        printed += 1
                        return out.write(line) && printed != limit
                    }
                    if !out.flush() || printed == limit || !follow { return }
                    // Wait for more: a tenth of a second, or until the reader goes away.
                    if out.readerIsGone(waitingMilliseconds: 100) { return }
                }
            } catch {
                throw CommandLineError(.store(error))
            }
        })
}

extension DomainEvent {
    /// An event type typed by a person: one of ``DomainEvent/types``.
    /// - Throws: `unknown event type`, with the nearest one and the list of them.
    static func parseType(_ text: String) throws(OptionValueError) -> String {
        guard types.contains(text) else {
            throw .refused("unknown event type '\(InvalidValue.shown(text))'\(EditDistanceHint.suggestion(for: text, among: types)); one of \(types.joined(separator: ", "))")
        }
        return text
    }
}

extension Position {
    /// A position typed by a person: a whole number, 0 or more.
    static func parse(_ text: String) throws(InvalidValue) -> Position {
        guard let value = Int(text), value >= 0, text.first != "+" else { throw .text(option: "position", text, reason: "expected a whole number, 0 or more") }
        return Position(value)
    }
}

extension Instant {
    /// `--since`'s value: a time, or a day (its start in the local time zone).
    static func since(_ text: String) throws(InvalidValue) -> Instant {
        guard let moment = Instant(moment: text) else {
            throw .text(option: "--since", text, reason: "expected a time such as 2024-05-01T12:00:00Z (or with an offset, 2024-05-01T14:00:00+02:00) or a day, YYYY-MM-DD")
        }
        return moment
    }
}

extension Tag {
    /// A tag typed by a person, such as `room:Blue`.
    static func parse(_ text: String) throws(InvalidValue) -> Tag {
        guard let tag = Tag(text) else { throw .text(option: "tag", text, reason: "expected non-empty text without control characters, such as room:Blue") }
        return tag
    }
}

extension Int {
    /// A count typed by a person: a whole number, 1 or more.
    static func parsePositive(_ text: String) throws(InvalidValue) -> Int {
        guard let value = Int(text), value >= 1, text.first != "+" else { throw .text(option: "number", text, reason: "expected a whole number, 1 or more") }
        return value
    }
}

/// Bytes for stdout, written a megabyte at a time; it notices when the reader has gone (EPIPE).
struct RawOutput {
    private var buffer: [UInt8] = []
    private(set) var readerGone = false

    /// Adds bytes; false once the reader is gone.
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        buffer.append(contentsOf: bytes)
        return buffer.count < 1 << 20 || flush()
    }

    /// Writes what is buffered; false if the reader is gone.
    mutating func flush() -> Bool {
        var written = 0
        while written < buffer.count, !readerGone {
            let n = buffer.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + written, $0.count - written) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { readerGone = true } else { written += n }
        }
        buffer.removeAll(keepingCapacity: true)
        return !readerGone
    }

    /// Waits up to `milliseconds`; true if stdout's reader has gone meanwhile (a closed pipe).
    mutating func readerIsGone(waitingMilliseconds milliseconds: Int32) -> Bool {
        var watch = pollfd(fd: STDOUT_FILENO, events: 0, revents: 0)
        if poll(&watch, 1, milliseconds) > 0, watch.revents & Int16(POLLERR | POLLHUP) != 0 { readerGone = true }
        return readerGone
    }
}
