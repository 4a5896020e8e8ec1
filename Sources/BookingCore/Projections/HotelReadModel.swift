/// What decisions and queries ask of the hotel's state at some position of the log.
///
/// ``HotelProjection`` answers from events folded in memory; the file store's cached model answers from a
/// memory-mapped snapshot plus the events after it. Both must give the same answers for the same log.
public protocol HotelReadModel {
    /// The last position folded in.
    var head: Position { get }

    /// Whether the room is registered.
    func hasRoom(_ room: RoomName) -> Bool

    /// The registered rooms, in byte order of their names.
    func roomNames() -> [RoomName]

    /// The booking with this id, cancelled or not.
    func booking(_ id: BookingID) -> Booking?

    /// The active booking of `room` overlapping `stay` with the earliest arrival (then the smallest id).
    func firstActiveOverlap(room: RoomName, stay: Stay) -> Booking?

    /// The rooms with no active booking overlapping `stay`, in byte order of their names.
    func freeRooms(for stay: Stay) -> [RoomName]

    /// The bookings `filter` includes, by arrival, then room, then id.
    func bookings(matching filter: BookingFilter) -> [Booking]

    /// Calls `body` with each booking `filter` includes, in the order of ``bookings(matching:)``, without
    /// holding them all (a model may produce them as it goes).
    func forEachBooking(matching filter: BookingFilter, _ body: (Booking) -> Void)
}

extension HotelReadModel {
    public func forEachBooking(matching filter: BookingFilter, _ body: (Booking) -> Void) {
        bookings(matching: filter).forEach(body)
    }
}

extension Booking {
    /// Orders bookings by arrival, then room, then id: the order `hotel bookings` lists them in.
    static func listOrder(_ a: Booking, _ b: Booking) -> Bool {
        (a.stay.arrival, a.room, a.id) < (b.stay.arrival, b.room, b.id)
    }
}
