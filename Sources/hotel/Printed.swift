import BookingCore

/// A booking or a block as `hotel` prints it: its id (what a command on it prints), a row of `hotel bookings`
/// or `hotel blocks` (a line of tab-separated fields, or a table's row), or a JSON object with the field names
/// of the log's events.
protocol Printed {
    var id: BookingID { get }

    /// The columns of a listing of such records, for a table's header.
    static var columns: [Table.Column] { get }

    /// The record as a JSON object, as it stands at `now`.
    func json(at now: Instant) -> JSONValue

    /// The record's fields in a listing, one a column, as it stands at `now`.
    func fields(at now: Instant) -> [String]
}

extension Booking: Printed {
    /// `{"bookingId","client","room","arrival","departure","status"}` (`client` null for a hold without
    /// one), with `expiresAt` while it is a hold (``Booking/holdExpiry(at:)``) and `reason` when there is one.
    func json(at now: Instant) -> JSONValue {
        var object: JSONObject = ["bookingId": .string(id.rawValue)]
        object["client"] = client.map { .string($0.rawValue) } ?? .null
        object["room"] = .string(room.rawValue)
        object["arrival"] = .string(stay.arrival.description)
        object["departure"] = .string(stay.departure.description)
        object["status"] = .string(status(at: now).rawValue)
        if let expiresAt = holdExpiry(at: now) { object["expiresAt"] = .string(expiresAt.description) }
        if let reason { object["reason"] = .string(reason) }
        return .object(object)
    }

    static let columns = ["ID", "CLIENT", "ROOM", "ARRIVAL", "DEPARTURE", "STATUS"].map { Table.Column($0) }

    /// id, client (`-` for a hold without one), room, arrival, departure, status.
    func fields(at now: Instant) -> [String] {
        [id.rawValue, client?.rawValue ?? "-", room.rawValue, stay.arrival.description, stay.departure.description, status(at: now).rawValue]
    }
}

/// A stay on a day list (`arrivals`, `departures`, `in-house`): the booking, and its guest's name where
/// one is known (``FrontDesk/guestNames()``). A table shows it in a last column; the tab-separated lines keep
/// the six fields of `hotel bookings`; `--json` adds `name` (null where none is known).
struct NamedStay: Printed {
    let booking: Booking
    let name: String?

    var id: BookingID { booking.id }

    static let columns = Booking.columns + [Table.Column("NAME", terminalOnly: true)]

    func json(at now: Instant) -> JSONValue {
        guard case .object(var object) = booking.json(at: now) else { return booking.json(at: now) }
        object["name"] = name.map(JSONValue.string) ?? .null
        return .object(object)
    }

    func fields(at now: Instant) -> [String] { booking.fields(at: now) + [name ?? ""] }
}

extension Block: Printed {
    /// `{"blockId","room","arrival","departure","status"}`, with `reason` when there is one; the status as it
    /// stands on `now`'s day (``Block/status(on:)``).
    func json(at now: Instant) -> JSONValue {
        var object: JSONObject = ["blockId": .string(id.rawValue)]
        object["room"] = .string(room.rawValue)
        object["arrival"] = .string(stay.arrival.description)
        object["departure"] = .string(stay.departure.description)
        object["status"] = .string(status(on: now.localDay).rawValue)
        if let reason { object["reason"] = .string(reason) }
        return .object(object)
    }

    static let columns = ["ID", "ROOM", "FROM", "TO", "STATUS", "REASON"].map { Table.Column($0) }

    /// id, room, first night, day back in service, status (`active`, `past` or `ended`), reason (empty if none).
    func fields(at now: Instant) -> [String] {
        [id.rawValue, room.rawValue, stay.arrival.description, stay.departure.description, status(on: now.localDay).rawValue, reason ?? ""]
    }
}
