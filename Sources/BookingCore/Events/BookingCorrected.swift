/// A correction: the booking's last check-in, check-out, no-show or cancellation is undone (`hotel undo`),
/// and the booking stands as it did before it, in ``status`` and with ``stay`` (for an undone check-out,
/// the stay as booked, which an early or late departure had moved). Tags: `booking:<id>`, `room:<name>`,
/// `client:<id>`. Data: `{"bookingId":"bk7q2mxa3d","client":"42","room":"Blue","undid":"GuestCheckedOut","status":"checked-in","arrival":"2024-05-01","departure":"2024-05-05"}`,
/// and `"reason"` when one was given. `undid` names the event type undone.
public struct BookingCorrected: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "BookingCorrected"

    /// What a correction undoes, by the event type that recorded it.
    public enum Undone: String, Sendable, Equatable, CaseIterable {
        case checkIn = "GuestCheckedIn"
        case checkOut = "GuestCheckedOut"
        case noShow = "NoShowRecorded"
        case cancellation = "BookingCancelled"
    }

    public var booking: BookingID
    public var client: ClientID
    public var room: RoomName
    public var undid: Undone
    /// The status the booking is back in.
    public var status: Booking.Status
    /// The stay it is back to.
    public var stay: Stay
    public var reason: Reason?

    public init(booking: BookingID, client: ClientID, room: RoomName, undid: Undone, status: Booking.Status, stay: Stay, reason: Reason? = nil) {
        self.booking = booking
        self.client = client
        self.room = room
        self.undid = undid
        self.status = status
        self.stay = stay
        self.reason = reason
    }

    var tags: [Tag] { Tag.of(booking: booking, room: room, client: client) }
    var data: JSONObject {
        var data = JSONObject.of(booking: booking, client: client, room: room)
        data["undid"] = .string(undid.rawValue)
        data["status"] = .string(status.rawValue)
        data.add(stay)
        if let reason { data["reason"] = .string(reason.rawValue) }
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.value("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
        let undid = try fields.optionalString("undid") ?? ""
        guard let known = Undone(rawValue: undid) else { throw fields.failure("\"undid\" must name GuestCheckedIn, GuestCheckedOut, NoShowRecorded or BookingCancelled, not \"\(undid)\"") }
        self.undid = known
        let status = try fields.optionalString("status") ?? ""
        guard let restored = Booking.Status(rawValue: status), [.active, .checkedIn, .held].contains(restored) else {
            throw fields.failure("\"status\" must be active, checked-in or held, not \"\(status)\"")
        }
        self.status = restored
        stay = try fields.stay()
        reason = try fields.optionalValue("reason", Reason.init(_:))
    }
}
