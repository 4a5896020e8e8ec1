/// A held, booked or checked-in stay moved to another room and/or other dates, as one fact. Tags:
/// `booking:<id>`, `room:<new room>`, `room:<previous room>` (when it differs), and `client:<id>` if it has
/// one: both rooms' consistency boundaries see it. Data:
/// `{"bookingId":"bk7q2mxa3d","client":"42","room":"Green","arrival":"2024-05-01","departure":"2024-05-04","previousRoom":"Blue","previousArrival":"2024-05-01","previousDeparture":"2024-05-03"}`,
/// and for a checked-in guest moved to another room, `"movedOn":"2024-05-02"`: the first night in the new
/// room (the desk's day of the move); the nights before stay in the rooms the guest slept in.
public struct BookingChanged: Sendable, Equatable {
    /// The event type in the log.
    public static let type = "BookingChanged"

    public var booking: BookingID
    public var client: ClientID?
    public var room: RoomName
    public var stay: Stay
    public var previousRoom: RoomName
    public var previousStay: Stay
    /// For a checked-in guest moved to another room: the first night in it.
    public var movedOn: Day?
    /// The price of the stay as changed (every night, from its arrival); nil for a stay without one.
    public var price: StayPrice?

    public init(booking: BookingID, client: ClientID?, room: RoomName, stay: Stay, previousRoom: RoomName, previousStay: Stay, movedOn: Day? = nil, price: StayPrice? = nil) {
        self.booking = booking
        self.client = client
        self.room = room
        self.stay = stay
        self.previousRoom = previousRoom
        self.previousStay = previousStay
        self.movedOn = movedOn
        self.price = price
    }

    /// The nights it gives the stay in its new room: from ``movedOn`` for a checked-in guest moved, else
    /// its whole stay.
    public var nightsInRoom: Stay {
        guard let movedOn, let nights = try? Stay(arrival: movedOn, departure: stay.departure) else { return stay }
        return nights
    }

    var tags: [Tag] {
        var tags: [Tag] = [.booking(booking), .room(room)]
        if previousRoom != room { tags.append(.room(previousRoom)) }
        if let client { tags.append(.client(client)) }
        if price != nil { tags.append(.amounts) }
        return tags
    }

    var data: JSONObject {
        var data = JSONObject.of(booking: booking, client: client, room: room)
        data.add(stay)
        data["previousRoom"] = .string(previousRoom.rawValue)
        data.add(previousStay, prefix: "previous")
        if let movedOn { data["movedOn"] = .string(movedOn.description) }
        price?.add(to: &data)
        return data
    }

    init(_ fields: some EventFields) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        client = try fields.optionalValue("client", ClientID.init(_:))
        room = try fields.value("room", RoomName.init(_:))
        stay = try fields.stay()
        previousRoom = try fields.value("previousRoom", RoomName.init(_:))
        previousStay = try fields.stay("previousArrival", "previousDeparture")
        movedOn = try fields.optionalValue("movedOn", Day.init(_:))
        price = try StayPrice(fields, nights: stay.nights)
    }
}
