/// A guest arrived, left, or did not come: one of `GuestCheckedIn`, `GuestCheckedOut`, `NoShowRecorded`,
/// recorded on the front desk's `day`. Tags: `booking:<id>`, `room:<name>`, `client:<id>`.
/// Data: `{"bookingId":"bk7q2mxa3d","client":"42","room":"Blue","day":"2024-05-01"}`; a check-out after the
/// booked departure of a priced stay also carries `"prices"` (every night stayed) and the tag `amounts`; a
/// check-in to a dirty room let through (`--dirty-ok`) carries `"roomStatus":"dirty"`.
public struct StayMilestone: Sendable, Equatable {
    /// Which of the three facts it is; the raw value is the event type in the log.
    public enum Kind: String, Sendable, CaseIterable {
        case checkedIn = "GuestCheckedIn"
        case checkedOut = "GuestCheckedOut"
        case noShow = "NoShowRecorded"
    }

    public var kind: Kind
    public var booking: BookingID
    public var client: ClientID
    public var room: RoomName
    /// The local day at the front desk when it was recorded.
    public var day: Day
    /// For a priced stay checked out after its booked departure: the price of every night stayed, from the
    /// arrival (the nights stayed on priced at the check-out).
    public var price: StayPrice?
    /// For a check-in: the room was dirty, and the desk let the guest in anyway (`--dirty-ok`).
    public var roomWasDirty = false

    public init(_ kind: Kind, booking: BookingID, client: ClientID, room: RoomName, day: Day, price: StayPrice? = nil) {
        self.kind = kind
        self.booking = booking
        self.client = client
        self.room = room
        self.day = day
        self.price = price
    }

    var tags: [Tag] { Tag.of(booking: booking, room: room, client: client) + (price == nil ? [] : [.amounts]) }
    var data: JSONObject {
        var data = JSONObject.of(booking: booking, client: client, room: room)
        data["day"] = .string(day.description)
        price?.add(to: &data)
        if roomWasDirty { data["roomStatus"] = .string(HousekeepingStatus.dirty.rawValue) }
        return data
    }

    init(_ kind: Kind, _ fields: some EventFields) throws(EventDataError) {
        self.kind = kind
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.value("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
        day = try fields.value("day", Day.init(_:))
        price = try StayPrice(fields, nights: nil)
        if let status = try fields.optionalString("roomStatus") {
            guard kind == .checkedIn, status == HousekeepingStatus.dirty.rawValue else { throw fields.failure("\"roomStatus\" is only \"dirty\", on a check-in") }
            roomWasDirty = true
        }
    }
}
