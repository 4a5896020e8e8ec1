/// A room was held for a stay until `expiresAt`: a tentative booking that blocks the room like a booking
/// until then, and afterwards not at all (it is then `expired`; nothing is recorded when that happens).
/// Tags: `booking:<id>`, `room:<name>`, and `client:<id>` if a client was named.
/// Data: `{"bookingId":"bk3x9k2m7q","room":"Blue","arrival":"2024-05-01","departure":"2024-05-03","expiresAt":"2024-04-20T09:45:00Z"}`,
/// with `"client"` and `"idempotencyKey"` when given, the stay's price (``StayPrice``) and `"deposit":"50.00"`
/// (a payment bringing what was paid to it confirms the hold). `expiresAt` is the command's clock reading plus
/// the hold's duration.
public struct RoomHeld: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "RoomHeld"

    public var booking: BookingID
    public var client: ClientID?
    public var room: RoomName
    public var stay: Stay
    public var expiresAt: Instant
    public var idempotencyKey: IdempotencyKey?
    /// The stay's price, fixed now; nil for a stay of a type without rates.
    public var price: StayPrice?
    /// What a payment must bring the paid total to for the hold to be confirmed by it (`--deposit`).
    public var deposit: Amount?

    public init(booking: BookingID, client: ClientID?, room: RoomName, stay: Stay, expiresAt: Instant, idempotencyKey: IdempotencyKey? = nil, price: StayPrice? = nil, deposit: Amount? = nil) {
        self.booking = booking
        self.client = client
        self.room = room
        self.stay = stay
        self.expiresAt = expiresAt
        self.idempotencyKey = idempotencyKey
        self.price = price
        self.deposit = deposit
    }

    var tags: [Tag] { Tag.of(booking: booking, room: room, client: client) + (price == nil && deposit == nil ? [] : [.amounts]) }
    var data: JSONObject {
        var data = JSONObject.of(booking: booking, client: client, room: room)
        data.add(stay)
        data["expiresAt"] = .string(expiresAt.description)
        if let idempotencyKey { data["idempotencyKey"] = .string(idempotencyKey.rawValue) }
        price?.add(to: &data)
        if let deposit { data["deposit"] = .string(deposit.logged) }
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.optionalValue("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
        stay = try fields.stay()
        expiresAt = try fields.value("expiresAt", Instant.init(_:))
        idempotencyKey = try fields.optionalValue("idempotencyKey", IdempotencyKey.init(_:))
        price = try StayPrice(fields, nights: stay.nights)
        deposit = try fields.optionalValue("deposit", Amount.init(logged:))
    }
}
