/// A booking or a block as the listings order them.
protocol ListOrdered {
    var id: BookingID { get }
    var room: RoomName { get }
    var stay: Stay { get }
}

extension ListOrdered {
    /// Whether `a` comes first: by arrival, then room, then id, the order `hotel bookings` and `hotel blocks`
    /// list them in.
    static func listOrder(_ a: Self, _ b: Self) -> Bool {
        (a.stay.arrival, a.room, a.id) < (b.stay.arrival, b.room, b.id)
    }
}

extension Booking: ListOrdered {}

extension Block: ListOrdered {}
