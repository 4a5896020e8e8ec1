/// A fast decoder for event lines in exactly the form ``EventLine/encode(_:into:)`` writes:
/// `{"position":N,"type":"T","tags":[...],"data":{...},"recordedAt":"..."}` with the data keys in the
/// written order, and every string printable ASCII with no escapes.
///
/// It accepts a subset of what the strict path (``JSONParser`` then ``EventLine`` then ``DomainEvent``)
/// accepts, and decodes it to the same event; for any other line it returns nil and the caller takes the
/// strict path. So it is never more lenient than the strict path, only faster on the lines `hotel` writes.
///
/// - Complexity: One pass over the line's bytes, no allocation except the event's short strings.
enum CanonicalLineDecoder {
    /// The event and its position, or nil if the line is not in canonical form.
    static func decode(_ line: UnsafeBufferPointer<UInt8>) -> (DomainEvent, Position)? {
        decodeWithTagRange(line).map { ($0.0, $0.1) }
    }

    /// The event, its position, and whether its tags are exactly those `hotel` writes for it.
    static func decodeWithTags(_ line: UnsafeBufferPointer<UInt8>) -> (DomainEvent, Position, tagsAsWritten: Bool)? {
        guard let (event, position, tags) = decodeWithTagRange(line) else { return nil }
        return (event, position, UnsafeBufferPointer(rebasing: line[tags]).elementsEqual(expectedTags(of: event)))
    }

    /// The event, its position, and where its tags stand in the line.
    private static func decodeWithTagRange(_ line: UnsafeBufferPointer<UInt8>) -> (DomainEvent, Position, Range<Int>)? {
        var s = Cursor(bytes: line)
        var tagsStart = 0, tagsEnd = 0
        guard s.literal(#"{"position":"#), let position = s.positiveInteger(), s.literal(#","type":""#) else { return nil }
        let event: DomainEvent
        if s.literal(#"RoomAdded","tags":["#) {
            tagsStart = s.index
            guard s.tags(), s.mark(&tagsEnd), s.literal(#"],"data":{"room":"#), let room = s.roomName() else { return nil }
            event = .roomAdded(RoomAdded(room: room))
        } else if s.literal(#"RoomBooked","tags":["#) {
            tagsStart = s.index
            guard s.tags(), s.mark(&tagsEnd), s.literal(#"],"data":{"bookingId":"#), let id = s.bookingID(), s.literal(#","client":"#),
                  let client = s.clientID(), s.literal(#","room":"#), let room = s.roomName(), s.literal(#","arrival":"#),
                  let arrival = s.day(), s.literal(#","departure":"#), let departure = s.day(), arrival < departure
            else { return nil }
            event = .roomBooked(RoomBooked(booking: id, client: client, room: room, stay: try! Stay(arrival: arrival, departure: departure)))
        } else if s.literal(#"BookingCancelled","tags":["#) {
            tagsStart = s.index
            guard s.tags(), s.mark(&tagsEnd), s.literal(#"],"data":{"bookingId":"#), let id = s.bookingID(), s.literal(#","client":"#),
                  let client = s.clientID(), s.literal(#","room":"#), let room = s.roomName()
            else { return nil }
            event = .bookingCancelled(BookingCancelled(booking: id, client: client, room: room))
        } else {
            return nil
        }
        guard s.literal(#"},"recordedAt":"#), s.plainString() != nil, s.literal("}"), s.atEnd else { return nil }
        return (event, Position(position), tagsStart..<tagsEnd)
    }

    /// The tags `hotel` writes for an event (see ``RoomAdded``, ``RoomBooked``, ``BookingCancelled``), as
    /// they stand between `[` and `]` in its line. Names on this path are plain ASCII: no escaping needed.
    static func expectedTags(of event: DomainEvent) -> [UInt8] {
        func tag(_ prefix: String, _ value: String) -> String { "\"" + prefix + value + "\"" }
        let text: String
        switch event {
        case .roomAdded(let e): text = tag("room:", e.room.rawValue)
        case .roomBooked(let e): text = [tag("booking:", e.booking.rawValue), tag("room:", e.room.rawValue), tag("client:", e.client.rawValue)].joined(separator: ",")
        case .bookingCancelled(let e): text = [tag("booking:", e.booking.rawValue), tag("room:", e.room.rawValue), tag("client:", e.client.rawValue)].joined(separator: ",")
        }
        return Array(text.utf8)
    }

    private struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        /// Notes the current index; always true, for use in a condition list.
        func mark(_ place: inout Int) -> Bool {
            place = index
            return true
        }

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

        /// A string of printable ASCII other than `"` and `\`; returns its content's range.
        mutating func plainString() -> Range<Int>? {
            guard index < bytes.count, bytes[index] == 0x22 else { return nil }
            let start = index + 1
            var i = start
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 { index = i + 1; return start..<i }
                if b < 0x20 || b > 0x7E || b == 0x5C { return nil }
                i += 1
            }
            return nil
        }

        /// Zero or more plain strings separated by commas (the tags); their contents are not needed.
        mutating func tags() -> Bool {
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { return true }
            while true {
                guard let range = plainString(), !range.isEmpty else { return false }
                if index < bytes.count, bytes[index] == UInt8(ascii: ",") { index += 1 } else { return true }
            }
        }

        func text(_ range: Range<Int>) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
        }

        /// A name as ``RoomName`` and ``ClientID`` accept it (for printable ASCII: 1 to 64, no space at an end).
        mutating func name() -> String? {
            guard let range = plainString(), (1...64).contains(range.count), bytes[range.lowerBound] != 0x20,
                  bytes[range.upperBound - 1] != 0x20
            else { return nil }
            return text(range)
        }

        mutating func roomName() -> RoomName? { name().map(RoomName.init(unchecked:)) }
        mutating func clientID() -> ClientID? { name().map(ClientID.init(unchecked:)) }

        mutating func bookingID() -> BookingID? {
            guard let range = plainString(), (1...BookingID.maximumLength).contains(range.count) else { return nil }
            for i in range {
                let b = bytes[i]
                let ok = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
                if !ok { return nil }
            }
            return BookingID(unchecked: text(range))
        }

        mutating func day() -> Day? {
            guard let range = plainString(), range.count == 10 else { return nil }
            let b = UnsafeBufferPointer(rebasing: bytes[range])
            func digits(_ r: Range<Int>) -> Int? {
                var v = 0
                for i in r {
                    guard b[i] >= 0x30, b[i] <= 0x39 else { return nil }
                    v = v * 10 + Int(b[i] - 0x30)
                }
                return v
            }
            guard b[4] == 0x2D, b[7] == 0x2D, let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
                  y >= 1, (1...12).contains(m), (1...Day.daysIn(month: m, year: y)).contains(d)
            else { return nil }
            return Day(ordinal: Day.ordinal(year: y, month: m, day: d))
        }
    }
}
