/// A client booked a room for a stay. Tags: `booking:<id>`, `room:<name>`, `client:<id>`.
/// Data: `{"bookingId":"bk7q2mxa3d","client":"42","room":"Blue","arrival":"2024-05-01","departure":"2024-05-03"}`.
public struct RoomBooked: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "RoomBooked"

    public var booking: BookingID
    public var client: ClientID
    public var room: RoomName
    public var stay: Stay

    public init(booking: BookingID, client: ClientID, room: RoomName, stay: Stay) {
        self.booking = booking
        self.client = client
        self.room = room
        self.stay = stay
    }

    var tags: [Tag] { [.booking(booking), .room(room), .client(client)] }
    var data: JSONObject {
        [
            "bookingId": .string(booking.rawValue), "client": .string(client.rawValue), "room": .string(room.rawValue),
            "arrival": .string(stay.arrival.description), "departure": .string(stay.departure.description),
        ]
    }

    init(_ fields: EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.value("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
        let arrival = try fields.value("arrival", Day.init(_:))
        let departure = try fields.value("departure", Day.init(_:))
        do { stay = try Stay(arrival: arrival, departure: departure) } catch { throw fields.failure("\(error)") }
    }
}
