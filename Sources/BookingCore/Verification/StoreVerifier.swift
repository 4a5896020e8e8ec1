#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks a whole log, reporting every problem instead of stopping at the first.
///
/// It checks each line (JSON, envelope, position sequence, the hash chain: see ``HashChain``), that each
/// event's type is known and its data valid, that its tags are those its data implies (so that queries by
/// tag find it), and that replaying the events keeps the rules: rooms are added once, bookings are of
/// registered rooms, use a new id and overlap no active booking of the room, and cancellations name an
/// active booking (with its room and client). It compares a read-model snapshot with the replay at the
/// snapshot's position. An unterminated last line is a warning: the next write repairs it. The report
/// carries the chain's head.
///
/// Lines in the form `hotel` writes are decoded by ``CanonicalLineDecoder``; any other line by the strict
/// path, which reports exactly what is wrong. The replay state is a ``HotelProjection``, so a log of a
/// million events is checked in a few tens of megabytes.
public enum StoreVerifier {
    /// Verifies the bytes of a log.
    public static func verify(_ bytes: [UInt8]) -> VerificationReport {
        verify(bytes, cache: nil)
    }

    /// Verifies a whole log held in memory, and `snapshot` (a read-model cache of a prefix of it) against it.
    static func verify(_ bytes: [UInt8], cache: MappedSnapshot?, progress: (any ProgressDisplay)? = nil) -> VerificationReport {
        var audit = Audit(cache: cache, expectedBytes: bytes.count)
        let end = LogScanner.completeLength(of: bytes)
        var meter = ProgressMeter("checking", total: end, unit: .bytes, display: progress)
        defer { meter.finish() }
        bytes.withUnsafeBufferPointer { buffer in
            // The hash chain on a second thread, over the same lines, while this one replays them.
            let chain = BackgroundWork.start { HashChain.check(buffer, upTo: end) }
            LogScanner.forEachLine(in: buffer, upTo: end) { line, number, offset in
                audit.check(line, number: number, offset: offset)
                meter.advance(to: offset)
            }
            audit.chain = chain.join()
        }
        return audit.finish(size: bytes.count, complete: end)
    }

    /// Verifies the open log at `path`, reading it in chunks, and `snapshot` against it.
    static func verify(_ file: borrowing POSIXFile, path: String, size: Int, cache: MappedSnapshot?, progress: (any ProgressDisplay)? = nil) throws(EventStoreError) -> VerificationReport {
        var audit = Audit(cache: cache, expectedBytes: size)
        var complete = 0
        var meter = ProgressMeter("verifying", total: size, unit: .bytes, display: progress)
        defer { meter.finish() }
        // The hash chain on a second thread, reading the same bytes through its own descriptor, while this one
        // replays them.
        let descriptor = dup(file.descriptor)
        guard descriptor >= 0 else { throw .io(path: path, operation: "dup", errno: errno) }
        let chain = BackgroundWork.start { () -> Result<HashChain.Checked, EventStoreError> in
            let own = POSIXFile(descriptor: descriptor, path: path)
            return Result { () throws(EventStoreError) in try HashChain.check(own, size: size) }
        }
        defer { _ = chain.join() }
        do {
            try LogStream(path: path).forEachLine(in: file, from: 0, to: size) { line, number, offset in
                audit.check(line, number: number, offset: offset)
                complete = offset + line.count + 1
                meter.advance(to: complete)
            }
        } catch let error as EventStoreError {
            throw error
        } catch {
            fatalError("unexpected \(error)")
        }
        audit.chain = try chain.join().get()
        return audit.finish(size: size, complete: complete)
    }
}

/// The replay state of a verification.
private struct Audit {
    var report = VerificationReport()
    var expected = Position(1)
    var builder = HotelProjection()
    /// The hash chain over the lines, checked on its own thread.
    var chain = HashChain.Checked()
    /// The line each added room was added on.
    var roomLines: [RoomName: Int] = [:]
    /// The line of each booking record.
    var recordLines: [Int32] = []
    /// The read-model cache of a prefix of the log, and its stay calendar (nil if the cache has none of
    /// this layout, or its opening met a damaged page).
    let cache: MappedSnapshot?
    let snapshot: Snapshot?
    var snapshotChecked = false
    /// The latest recorded time so far.
    var latest: Instant?

    init(cache: MappedSnapshot?, expectedBytes: Int = 0) {
        self.cache = cache
        snapshot = cache.flatMap(Snapshot.init)
        builder = HotelProjection(expectedBytes: expectedBytes)
        recordLines.reserveCapacity(expectedBytes / 260)
    }

    mutating func problem(_ number: Int, _ offset: Int, _ message: String) {
        report.problems.append(.init(line: number, offset: offset, message: message))
    }

    mutating func check(_ line: UnsafeBufferPointer<UInt8>, number: Int, offset: Int) {
        report.events += 1
        let event: DomainEvent
        let position: Position
        let recordedAt: Instant?
        if let fast = CanonicalLineDecoder.decodeWithTags(line), fast.1 == expected, fast.tagsAsWritten {
            (event, position, recordedAt) = (fast.0, fast.1, fast.recordedAt)
        } else {
            guard let strict = strictlyDecoded(line, number: number, offset: offset) else { return }
            (event, position, recordedAt) = strict
        }
        expected = position.next
        report.lastPosition = position
        apply(event, recordedAt: recordedAt, number, offset)
        builder.noteEnd(position: position, offset: offset + line.count + 1)
        if let cache, !snapshotChecked, cache.coveredPosition == position {
            snapshotChecked = true
            if let snapshot {
                compare(with: snapshot, line: number, offset: offset + line.count + 1)
            } else if cache.isDamaged {
                damagedCache(line: number, offset: offset + line.count + 1)
            }
        }
    }

    /// The strict path: every problem of the line reported; the event if it can be replayed.
    mutating func strictlyDecoded(_ line: UnsafeBufferPointer<UInt8>, number: Int, offset: Int) -> (DomainEvent, Position, Instant?)? {
        let recorded: SequencedEvent
        do throws(EventLine.Problem) {
            recorded = try EventLine.decode(line)
        } catch {
            problem(number, offset + error.offset, error.reason)
            expected = expected.next
            return nil
        }
        if recorded.position != expected {
            let kind = recorded.position < expected ? "repeated or out of order" : "skips ahead"
            problem(number, offset, "position \(recorded.position) \(kind), expected \(expected)")
        }
        expected = recorded.position.next
        report.lastPosition = recorded.position
        let event: DomainEvent
        do throws(EventDataError) {
            event = try DomainEvent(recorded)
        } catch {
            problem(number, offset, "\(error.type) event: \(error.reason)")
            return nil
        }
        let missing = Set(event.tags).subtracting(recorded.event.tags)
        if !missing.isEmpty {
            problem(number, offset, "\(recorded.event.type) event lacks the tags \(missing.map(\.rawValue).sorted().joined(separator: ", ")), so queries by tag miss it")
        }
        return (event, recorded.position, try? Instant(recorded.recordedAt))
    }

    /// Checks the event against the rules the decisions keep, then folds it in (unless it would replace a
    /// room or a booking that is already there).
    mutating func apply(_ event: DomainEvent, recordedAt: Instant?, _ number: Int, _ offset: Int) {
        // Holds that expired by the time the event was recorded hold nothing, judged by the latest time
        // recorded so far (a hold an earlier event relied on as expired stays expired, whatever a later
        // line's clock said); without a readable time, every hold counts.
        if recordedAt == nil { problem(number, offset, "the recorded time is not an ISO 8601 UTC time such as 2024-05-01T12:00:00Z") }
        if let recordedAt, latest.map({ recordedAt > $0 }) ?? true { latest = recordedAt }
        let now = latest ?? Instant(secondsSince1970: .min)
        let found = StoreRules.check(event, in: builder, at: now, lines: StoreRules.Lines(
            room: { [roomLines] in roomLines[$0] }, record: { [recordLines] in Int(recordLines[Int($0)]) }))
        for message in found.problems { problem(number, offset, message) }
        if found.skip { return }
        if case .roomAdded(let e) = event { roomLines[e.room] = number }
        let before = builder.records.count
        builder.apply(event, position: report.lastPosition, offset: builder.offset)
        if builder.records.count > before { recordLines.append(Int32(truncatingIfNeeded: number)) }
    }

    /// A page of the cache fails its checksum: damage to the disposable cache, not to the log. Every command
    /// finds it and rebuilds the cache, so it is a warning.
    mutating func damagedCache(line: Int, offset: Int) {
        report.warnings.append(.init(
            line: line, offset: offset,
            message: "the read-model cache is damaged (a page fails its checksum); commands do not use it, and the next one rebuilds it"))
    }

    /// Compares the snapshot with the replay at the snapshot's position.
    mutating func compare(with snapshot: Snapshot, line: Int, offset: Int) {
        // A page that fails its checksum is damage to the disposable cache, not to the log: every command
        // finds it and rebuilds the cache, so it is a warning, and nothing more is compared.
        guard snapshot.file.checkAll() else { return damagedCache(line: line, offset: offset) }
        func disagree(_ what: String) {
            problem(line, offset, "the read-model cache disagrees with a full replay (\(what)); delete the .cache file and it will be rebuilt")
        }
        guard snapshot.coveredOffset == offset else { return disagree("it ends at byte \(snapshot.coveredOffset), not at the end of line \(line)") }
        guard snapshot.recordCount == builder.records.count else { return disagree("\(snapshot.recordCount) bookings, not \(builder.records.count)") }
        for i in 0..<builder.records.count {
            let replayed = builder.entry(at: UInt32(i))
            if snapshot.entry(i) != replayed { return disagree("booking \(replayed.id)") }
            if i % 8_192 == 8_191 { snapshot.releasePages() }
        }
        snapshot.releasePages()
        if let problem = snapshot.idIndexProblem(keys: { builder.records[$0].key }) { return disagree("the id index: \(problem)") }
        for (r, name) in builder.rooms.enumerated() {
            guard let s = snapshot.roomIndex(name), snapshot.roomType(s) == builder.roomTypes[r] else { return disagree("room '\(name)'") }
            if snapshot.activeEntries(room: s).map(\.record) != builder.activeRecords(ofRoom: UInt32(r)) { return disagree("the calendar of room '\(name)'") }
            snapshot.releasePages()
        }
        if snapshot.roomCount != builder.rooms.count { return disagree("\(snapshot.roomCount) rooms, not \(builder.rooms.count)") }
    }

    func finish(size: Int, complete: Int) -> VerificationReport {
        var report = report
        report.rooms = roomLines.count
        // A stay moved while checked in is one booking, however many rooms it slept in.
        report.bookings = builder.count { !$0.isBlock && !$0.isEarlierRoom }
        report.cancelled = builder.count { !$0.isBlock && $0.status == .cancelled }
        report.blocks = builder.count { $0.isBlock }
        report.headHash = chain.head
        // The chain's problems among the replay's, in line order (the replay's first on a line).
        if !chain.problems.isEmpty {
            var merged: [VerificationReport.Finding] = []
            merged.reserveCapacity(report.problems.count + chain.problems.count)
            var i = 0
            for problem in report.problems {
                while i < chain.problems.count, chain.problems[i].line < problem.line {
                    merged.append(chain.problems[i])
                    i += 1
                }
                merged.append(problem)
            }
            merged += chain.problems[i...]
            report.problems = merged
        }
        if complete < size {
            report.warnings.append(.init(
                line: report.events + 1, offset: complete,
                message: "unterminated last line of \(size - complete) bytes: an append that never finished; readers ignore it and the next write moves it to the .torn side file"))
        }
        return report
    }
}
