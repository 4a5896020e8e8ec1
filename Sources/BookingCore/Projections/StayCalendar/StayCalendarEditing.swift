/// The edits an event makes to the stay calendar, in the terms each of its forms supports: a room is added, and a
/// booking (or hold, or block) is put in the state the event leaves it in.
///
/// ``DomainEvent/apply(to:)`` says once what each event means in these terms; ``HotelProjection``, the
/// cached model's tail and the verifier's replay all fold through it.
protocol StayCalendarEditing {
    /// Registers `room` with `type`.
    mutating func addRoom(_ room: RoomName, type: RoomType)
    /// The booking with this id as it stands, if any.
    func booking(_ id: BookingID) -> Booking?
    /// Records `booking` as it now stands, replacing any booking with its id.
    mutating func put(_ booking: Booking)
    /// Changes the booking `id` with `change`, if there is one (in a store `verify` passes, there is): the
    /// same as ``booking(_:)``, then `change`, then ``put(_:)``, which a model may do in one look-up.
    mutating func update(_ id: BookingID, _ change: (inout Booking) -> Void)
}

extension StayCalendarEditing {
    mutating func update(_ id: BookingID, _ change: (inout Booking) -> Void) {
        guard var booking = booking(id) else { return }
        change(&booking)
        put(booking)
    }
}
