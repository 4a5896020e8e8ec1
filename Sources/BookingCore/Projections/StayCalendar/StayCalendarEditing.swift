/// The edits an event makes to the stay calendar, in the terms each of its forms supports: a room is added, and a
/// booking (or hold), or a block, is put in the state the event leaves it in.
///
/// ``DomainEvent/apply(to:)`` says once what each event means in these terms; ``HotelProjection``, the
/// cached model's tail and the verifier's replay all fold through it. Bookings and blocks share one table
/// of records here, keyed by id.
protocol StayCalendarEditing {
    /// Registers `room` with `type`.
    mutating func addRoom(_ room: RoomName, type: RoomType)
    /// The booking or block with this id as it stands, if any.
    func entry(_ id: BookingID) -> CalendarEntry?
    /// Records `entry` as it now stands, replacing any booking or block with its id.
    mutating func put(_ entry: CalendarEntry)
    /// Replaces the entry `id`, if there is one, with what `change` makes of it (nothing, if it gives nil):
    /// the same as ``entry(_:)``, then `change`, then ``put(_:)``, which a model may do in one look-up.
    mutating func edit(_ id: BookingID, _ change: (CalendarEntry) -> CalendarEntry?)
}

extension StayCalendarEditing {
    mutating func edit(_ id: BookingID, _ change: (CalendarEntry) -> CalendarEntry?) {
        guard let entry = entry(id), let changed = change(entry) else { return }
        put(changed)
    }

    /// Records `booking` as it now stands.
    mutating func put(_ booking: Booking) { put(.booking(booking)) }

    /// Records `block` as it now stands.
    mutating func put(_ block: Block) { put(.block(block)) }

    /// Changes the booking `id` with `change`, if there is one (in a store `verify` passes, there is; an
    /// event about a booking leaves a block of its id as it was).
    mutating func update(_ id: BookingID, _ change: (inout Booking) -> Void) {
        edit(id) { entry in
            guard var booking = entry.booking else { return nil }
            change(&booking)
            return .booking(booking)
        }
    }

    /// Changes the block `id` with `change`, if there is one (an event about a block leaves a booking of its
    /// id as it was).
    mutating func update(block id: BookingID, _ change: (inout Block) -> Void) {
        edit(id) { entry in
            guard var block = entry.block else { return nil }
            change(&block)
            return .block(block)
        }
    }
}
