#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FrontDesk {
    /// A desk that answers every query as the hotel stood at `point`: over the log cut just after the event
    /// the point falls on, with the clock stopped at the point's time (or that event's recorded time), so
    /// that holds are judged as they stood then and "today" is that day. It records nothing.
    ///
    /// - Throws: ``HotelError/history(_:)`` if the point is past the log's end or before its first event;
    ///   store errors as for any query.
    public func asOf(_ point: HistoryPoint) throws(HotelError) -> FrontDesk {
        try asOf(try locate(point))
    }

    /// A desk that answers every query as the hotel stood at `past` (found by ``locate(_:)``).
    public func asOf(_ past: PastPoint) throws(HotelError) -> FrontDesk {
        let model: any HotelReadModel
        if let store = store.modelProvider {
            model = try store.model(at: past)
        } else {
            let events = try everything().events.prefix { $0.position <= past.position }
            do { model = try HotelProjection(recorded: Array(events), head: past.position) } catch { throw .invalidEvent(error) }
        }
        return FrontDesk(pinned: model, store: store, newBookingID: newBookingID, now: past.now)
    }

    /// Where `point` falls in the store's log.
    public func locate(_ point: HistoryPoint) throws(HotelError) -> PastPoint {
        if let store = store.modelProvider { return try store.locate(point) }
        var resolver = HistoryPointResolver(point)
        for event in try everything().events {
            let end = AppendHint(position: event.position, offset: 0)
            if !resolver.see(position: event.position, recordedAt: try? Instant(event.recordedAt), end: end) { break }
        }
        do { return try resolver.result() } catch { throw .history(error) }
    }

    private func everything() throws(HotelError) -> ReadResult {
        do { return try store.read(.all) } catch { throw .store(error) }
    }
}

extension JSONLinesEventStore {
    /// Where `point` falls in the log: a position by binary search, a time by reading every line's
    /// recorded time (the last event recorded at or before it, in whatever order the clock ran).
    public func locate(_ point: HistoryPoint) throws(HotelError) -> PastPoint {
        let reader = LogReader(path: path)
        var resolver = HistoryPointResolver(point)
        do throws(EventStoreError) {
            var start = LogReader.Mark.start
            if case .position(let position) = point, position.rawValue > 1 {
                start = try reader.mark(after: Position(position.rawValue - 1))
                resolver = HistoryPointResolver(point, after: start.position)
            }
            try reader.forEachLine(from: start, matching: nil) { line, after in
                resolver.see(position: after.position, recordedAt: LogReader.recordedAt(of: line), end: after)
            }
        } catch {
            throw .store(error)
        }
        do { return try resolver.result() } catch { throw .history(error) }
    }

    /// The hotel just after `past`: the snapshot (if sound) and the events after it when the snapshot covers
    /// no more than that, else a replay of the log up to it. Nothing is written.
    public func model(at past: PastPoint) throws(HotelError) -> any HotelReadModel {
        try HotelError.reading {
            guard let file = try POSIXFile.open(path, O_RDONLY) else { throw EventStoreError.notFound(path: path) }
            let end = past.hint.offset
            // Every page checked first: a desk pinned to the past cannot read the snapshot again.
            // The stay calendar's view with all its sections (the tariff and folios too).
            if let cache = try validCache(size: end), cache.checkAll(), var model = StayCalendar.view(of: cache) {
                try LogStream(path: path).forEachEvent(in: file, from: cache.coveredOffset, to: end, after: model.head) { event, position, _ in
                    model.apply(event, at: position)
                }
                return model
            }
            var builder = HotelProjection(expectedBytes: end)
            try LogStream(path: path).forEachEvent(in: file, from: 0, to: end, after: .origin) { event, position, lineEnd in
                builder.apply(event, position: position, offset: lineEnd)
            }
            return CachedHotelModel(folded: builder)
        }
    }
}

extension LogReader {
    /// The recorded time of a complete line (with its `\n`): read from the end of a line in the form `hotel`
    /// writes, else from the strict path; nil if it is not a time (a hand-made log's), which readers take as
    /// the beginning of time (as `verify` and `--as-of` do).
    public static func recordedAt(of line: UnsafeBufferPointer<UInt8>) -> Instant? {
        let suffix = Array(#","recordedAt":""#.utf8)
        // ,"recordedAt":"YYYY-MM-DDTHH:MM:SSZ"}\n, or ,"recordedAt":"YYYY-MM-DDTHH:MM:SSZ","previousHash":"<64 hex>"}\n:
        // `end` is where the `}` or the previousHash field stands.
        let chained = Array(#","previousHash":""#.utf8), chainedLength = chained.count + 64 + 1
        var end = line.count - 2
        if line.count > chainedLength + 2, line[line.count - 3] == UInt8(ascii: "\""),
           line[(end - chainedLength)..<(end - chainedLength + chained.count)].elementsEqual(chained) {
            end -= chainedLength
        }
        let length = suffix.count + 20 + 1
        if end > length, line[line.count - 2] == UInt8(ascii: "}") {
            let start = end - length
            if line[start..<(start + suffix.count)].elementsEqual(suffix), line[end - 1] == UInt8(ascii: "\""),
               let instant = Instant.parse(UnsafeBufferPointer(rebasing: line[(start + suffix.count)..<(end - 1)])) {
                return instant
            }
        }
        let body = line.last == UInt8(ascii: "\n") ? UnsafeBufferPointer(rebasing: line.dropLast()) : line
        return (try? EventLine.decode(body)).flatMap { try? Instant($0.recordedAt) }
    }
}
