/// A decision that asks what holds some rooms' nights (``HotelReadModel/firstHolding(room:stay:at:except:)``):
/// its boundary covers those rooms and also every booking holding those nights when the command read the
/// hotel, its ``holders``.
///
/// A room's tag alone does not draw it: a stay moved into the room by a change brings its state (a hold
/// until when, active, checked in) from the events of the room it came from, which the new room's tag does
/// not select, so a model folded from the room's events alone would not know that it holds the nights.
public protocol ReadsRoomNights: Decision {
    /// The rooms and nights `decide` asks about, on the hotel as the command read it.
    func nightsRead(in state: some HotelReadModel) -> [(room: RoomName, nights: Stay)]

    /// The bookings holding ``nightsRead(in:)`` when the command read the hotel: the boundary covers their
    /// events in every room.
    var holders: [BookingID] { get set }

    /// The clock's reading the decision is taken at: holds past their expiry hold nothing.
    var now: Instant { get }
}

extension ReadsRoomNights {
    /// This decision with its ``holders`` read from `state`.
    public func holdersDrawn(from state: some HotelReadModel) -> Self {
        var drawn = self
        drawn.holders = nightsRead(in: state).flatMap { state.bookingsHolding($0.room, nights: $0.nights, at: now) }
        return drawn
    }

    /// The query items of the ``holders``.
    var holderItems: [QueryItem] { holders.map { QueryItem(types: [], tags: [.booking($0)]) } }
}

extension HotelReadModel {
    /// The bookings (not blocks: a block never moves, so its room's tag selects all its events) that hold
    /// `room` for a night of `nights` at `now`, by arrival.
    public func bookingsHolding(_ room: RoomName, nights: Stay, at now: Instant) -> [BookingID] {
        var found: [BookingID] = []
        var from = nights.arrival
        // Each holder ends after `from` (it holds a night from there on): the walk moves on at every step.
        while from < nights.departure, let holder = firstOnCalendar(room: room, stay: try! Stay(arrival: from, departure: nights.departure), at: now, except: nil) {
            if case .booking = holder { found.append(holder.id) }
            from = holder.stay.departure
        }
        // And a guest still there past the departure, whose recorded nights end before these.
        if let guest = overstaying(room: room, stay: nights, at: now, except: nil), !found.contains(guest.id) { found.append(guest.id) }
        return found
    }
}
