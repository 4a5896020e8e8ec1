/// A client booked a room for a stay. Tags: `booking:<id>`, `room:<name>`, `client:<id>`.
/// Data: `{"bookingId":"bk7q2mxa3d","client":"42","room":"Blue","arrival":"2024-05-01","departure":"2024-05-03"}`,
/// and `"idempotencyKey"` when the command was given one.
public struct RoomBooked: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "RoomBooked"

    public var booking: BookingID
    public var client: ClientID
    public var room: RoomName
    public var stay: Stay
    public var idempotencyKey: IdempotencyKey?
    /// The stay's price, fixed now; nil for a stay of a type without rates.
    public var price: StayPrice?

    public init(booking: BookingID, client: ClientID, room: RoomName, stay: Stay, idempotencyKey: IdempotencyKey? = nil, price: StayPrice? = nil) {
        self.booking = booking
        self.client = client
        self.room = room
        self.stay = stay
        self.idempotencyKey = idempotencyKey
        self.price = price
    }

    var tags: [Tag] { Tag.of(booking: booking, room: room, client: client) + (price == nil ? [] : [.amounts]) }
    var data: JSONObject {
        var data: JSONObject = ["bookingId": .string(booking.rawValue), "client": .string(client.rawValue), "room": .string(room.rawValue)]
        data.add(stay)
        if let idempotencyKey { data["idempotencyKey"] = .string(idempotencyKey.rawValue) }
        price?.add(to: &data)
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.value("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
        stay = try fields.stay()
        idempotencyKey = try fields.optionalValue("idempotencyKey", IdempotencyKey.init(_:))
        price = try StayPrice(fields, nights: stay.nights)
    }
}
