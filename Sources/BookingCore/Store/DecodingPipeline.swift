#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Decodes a long range of the log on a second thread while the calling thread folds what is decoded:
/// a cold replay takes about as long as the slower of the two, not their sum.
///
/// The decoder thread reads the range a chunk at a time, decodes each chunk's complete lines (the fast
/// path, or the strict path that reports a corrupt line) and hands the chunk's events over through a queue
/// of at most ``depth`` chunks, so memory stays bounded. A failure ends the stream at the line that failed,
/// after every event before it was handed over, exactly as the one-thread path would.
final class DecodingPipeline: @unchecked Sendable {
    /// One decoded chunk: its events in order, and the failure that ended the stream, if any.
    struct Piece: Sendable {
        var events: [(DomainEvent, Position, lineEnd: Int)] = []
        var failure: Failure?
        var isLast = false
    }

    enum Failure: Error, Sendable {
        case store(EventStoreError)
        case data(EventDataError)
    }

    /// How many decoded chunks may wait for the fold: one is enough to keep both threads busy, and each
    /// costs memory.
    static let depth = 1
    /// Bytes of log decoded at a time: small, since three chunks' events can be in memory at once.
    static let chunkSize = 256 << 10

    private let stream: LogStream
    private let descriptor: Int32
    private let range: Range<Int>
    private let after: Position
    private let pieces = Mutex<[Piece]>([])
    private var ready = sem_t()
    private var free = sem_t()

    private init(stream: LogStream, descriptor: Int32, range: Range<Int>, after: Position) {
        self.stream = stream
        self.descriptor = descriptor
        self.range = range
        self.after = after
        sem_init(&ready, 0, 0)
        sem_init(&free, 0, UInt32(Self.depth))
    }

    deinit {
        sem_destroy(&ready)
        sem_destroy(&free)
    }

    /// Calls `visit` with each event of `range` in order, decoding on a second thread.
    static func forEachEvent(
        _ stream: LogStream, descriptor: Int32, range: Range<Int>, after: Position, _ visit: (DomainEvent, Position, Int) -> Void
    ) throws(Failure) {
        let pipeline = DecodingPipeline(stream: stream, descriptor: descriptor, range: range, after: after)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(pipeline).toOpaque()
        guard pthread_create(&thread, nil, { context in
            let pipeline = Unmanaged<DecodingPipeline>.fromOpaque(context!).takeRetainedValue()
            pipeline.produce()
            return nil
        }, context) == 0 else {
            // No second thread: decode here.
            Unmanaged<DecodingPipeline>.fromOpaque(context).release()
            return try pipeline.decodeInline(visit)
        }
        defer { pthread_join(thread, nil) }
        while true {
            while sem_wait(&pipeline.ready) != 0 {}
            let piece = pipeline.pieces.withLock { $0.removeFirst() }
            sem_post(&pipeline.free)
            for (event, position, end) in piece.events { visit(event, position, end) }
            if let failure = piece.failure { throw failure }
            if piece.isLast { return }
        }
    }

    /// The decoder thread: each chunk's events, then the last piece.
    private func produce() {
        var piece = Piece()
        let failure = decode { events in
            while sem_wait(&free) != 0 {}
            pieces.withLock { $0.append(Piece(events: events)) }
            sem_post(&ready)
        }
        piece.failure = failure
        piece.isLast = true
        while sem_wait(&free) != 0 {}
        pieces.withLock { $0.append(piece) }
        sem_post(&ready)
    }

    private func decodeInline(_ visit: (DomainEvent, Position, Int) -> Void) throws(Failure) {
        let failure = decode { events in for (event, position, end) in events { visit(event, position, end) } }
        if let failure { throw failure }
    }

    /// Decodes the range, handing each chunk's events to `deliver`; returns the failure that stopped it.
    private func decode(_ deliver: ([(DomainEvent, Position, lineEnd: Int)]) -> Void) -> Failure? {
        var head = after
        var offset = range.lowerBound
        var carry: [UInt8] = []
        while offset < range.upperBound {
            // The partial line carried over, then the next chunk read in behind it: one buffer, no copy.
            let count = min(Self.chunkSize, range.upperBound - offset)
            var bytes = carry
            bytes.append(contentsOf: repeatElement(0, count: count))
            var got = 0
            while got < count {
                let n = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + carry.count + got, count - got, off_t(offset + got)) }
                if n < 0, errno == EINTR { continue }
                if n < 0 { return .store(.io(path: stream.path, operation: "read", errno: errno)) }
                if n == 0 { break }
                got += n
            }
            if got == 0 { break }
            bytes.removeLast(count - got)
            let base = offset - carry.count
            let complete = LogScanner.completeLength(of: bytes)
            var events: [(DomainEvent, Position, lineEnd: Int)] = []
            events.reserveCapacity(complete / 150)
            var failure: Failure?
            bytes.withUnsafeBufferPointer { buffer in
                LogScanner.forEachLine(in: buffer, upTo: complete) { line, _, lineOffset in
                    guard failure == nil else { return }
                    do {
                        let (event, position) = try stream.decode(line, at: base + lineOffset, after: head)
                        head = position
                        events.append((event, position, base + lineOffset + line.count + 1))
                    } catch let error as EventStoreError {
                        failure = .store(error)
                    } catch let error as EventDataError {
                        failure = .data(error)
                    } catch {
                        fatalError("unexpected \(error)")
                    }
                }
            }
            deliver(events)
            if let failure { return failure }
            carry = Array(bytes[complete...])
            offset += got
        }
        return nil
    }
}
