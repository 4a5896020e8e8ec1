/// Checks a whole log, reporting every problem instead of stopping at the first.
///
/// It checks each line (JSON, envelope, position sequence), that each event's type is known and its data
/// valid, that its tags are those its data implies (so that queries by tag find it), and that replaying
/// the events keeps the rules: rooms are added once, bookings are of registered rooms, use a new id and
/// overlap no active booking of the room, and cancellations name an active booking (with its room and
/// client). An unterminated last line is a warning: the next write repairs it.
public enum StoreVerifier {
    /// Verifies the bytes of a log.
    public static func verify(_ bytes: [UInt8]) -> VerificationReport {
        var audit = Audit()
        let end = LogScanner.completeLength(of: bytes)
        bytes.withUnsafeBufferPointer { buffer in
            LogScanner.forEachLine(in: buffer, upTo: end) { line, number, offset in
                audit.check(line, number: number, offset: offset)
            }
        }
        if end < bytes.count {
            audit.report.warnings.append(.init(
                line: audit.report.events + 1, offset: end,
                message: "unterminated last line of \(bytes.count - end) bytes: an append that never finished; readers ignore it and the next write moves it to the .torn side file"))
        }
        return audit.finish()
    }
}

/// The replay state of a verification.
private struct Audit {
    var report = VerificationReport()
    var expected = Position(1)
    var rooms: [RoomName: Int] = [:]  // room -> line it was added on
    var bookings: [BookingID: (booked: RoomBooked, line: Int, cancelled: Bool)] = [:]
    var calendars: [RoomName: RoomCalendar] = [:]

    mutating func problem(_ number: Int, _ offset: Int, _ message: String) {
        report.problems.append(.init(line: number, offset: offset, message: message))
    }

    mutating func check(_ line: UnsafeBufferPointer<UInt8>, number: Int, offset: Int) {
        report.events += 1
        let recorded: SequencedEvent
        do throws(EventLine.Problem) {
            recorded = try EventLine.decode(line)
        } catch {
            problem(number, offset + error.offset, error.reason)
            expected = expected.next
            return
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
            return
        }
        let missing = Set(event.storeEvent.tags).subtracting(recorded.event.tags)
        if !missing.isEmpty {
            problem(number, offset, "\(recorded.event.type) event lacks the tags \(missing.map(\.rawValue).sorted().joined(separator: ", ")), so queries by tag miss it")
        }
        apply(event, number, offset)
    }

    mutating func apply(_ event: DomainEvent, _ number: Int, _ offset: Int) {
        switch event {
        case .roomAdded(let e):
            if let first = rooms[e.room] {
                problem(number, offset, "room '\(e.room)' is added again (first on line \(first))")
            } else {
                rooms[e.room] = number
            }
        case .roomBooked(let e):
            if let earlier = bookings[e.booking] {
                problem(number, offset, "booking id \(e.booking) is used again (first on line \(earlier.line))")
                return
            }
            if rooms[e.room] == nil {
                problem(number, offset, "booking \(e.booking) is of room '\(e.room)', which is not registered")
            }
            if let other = calendars[e.room, default: RoomCalendar()].firstOverlap(with: e.stay) {
                problem(number, offset, "booking \(e.booking) of room '\(e.room)' for \(e.stay) overlaps active booking \(other.booking) for \(other.stay)")
            } else {
                calendars[e.room, default: RoomCalendar()].insert(e.stay, e.booking)
            }
            bookings[e.booking] = (e, number, false)
        case .bookingCancelled(let e):
            guard let entry = bookings[e.booking] else {
                problem(number, offset, "cancels booking \(e.booking), which does not exist")
                return
            }
            if entry.cancelled {
                problem(number, offset, "cancels booking \(e.booking), which is already cancelled")
                return
            }
            if entry.booked.room != e.room || entry.booked.client != e.client {
                problem(number, offset, "cancels booking \(e.booking) with room '\(e.room)' and client '\(e.client)', but it was booked (line \(entry.line)) with room '\(entry.booked.room)' and client '\(entry.booked.client)'")
            }
            bookings[e.booking]?.cancelled = true
            calendars[entry.booked.room]?.remove(entry.booked.stay, e.booking)
        }
    }

    func finish() -> VerificationReport {
        var report = report
        report.rooms = rooms.count
        report.bookings = bookings.count
        report.cancelled = bookings.values.filter(\.cancelled).count
        return report
    }
}
