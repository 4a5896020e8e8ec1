/// A batch's hotel as it stands, read through its session: never a copy of the session's model, so that
/// a command holding it while the next decision is recorded does not make the model copy itself (a copy
/// of every booking per command).
final class BatchState: HotelReadModel {
    private unowned let session: BatchSession

    init(_ session: BatchSession) { self.session = session }

    var head: Position { session.model.head }
    var tariff: Tariff { session.model.tariff }
    var housekeeping: Housekeeping { session.model.housekeeping }
    func folio(_ id: BookingID) -> Folio? { session.model.folio(id) }
    func forEachFolio(_ body: (BookingID, Folio) -> Void) { session.model.forEachFolio(body) }
    func forEachFolioThatMayBeOwed(_ body: (BookingID, Folio) -> Void) { session.model.forEachFolioThatMayBeOwed(body) }
    func guest(_ client: ClientID) -> GuestEntry? { session.model.guest(client) }
    func forEachGuest(_ body: (ClientID, GuestEntry) -> Void) { session.model.forEachGuest(body) }
    func roomType(_ room: RoomName) -> RoomType? { session.model.roomType(room) }
    func rooms(ofType type: RoomType?) -> [RoomName] { session.model.rooms(ofType: type) }
    func entry(_ id: BookingID) -> CalendarEntry? { session.model.entry(id) }
    func firstOnCalendar(room: RoomName, stay: Stay, at now: Instant, except: BookingID?) -> CalendarEntry? {
        session.model.firstOnCalendar(room: room, stay: stay, at: now, except: except)
    }
    func freeOnCalendar(for stay: Stay, at now: Instant, ofType type: RoomType?) -> [RoomName] { session.model.freeOnCalendar(for: stay, at: now, ofType: type) }
    func forEachCheckedIn(room: RoomName, _ body: (Booking) -> Bool) { session.model.forEachCheckedIn(room: room, body) }
    func bookings(matching filter: BookingFilter) -> [Booking] { session.model.bookings(matching: filter) }
    func forEachBooking(matching filter: BookingFilter, _ body: (Booking) -> Void) { session.model.forEachBooking(matching: filter, body) }
    func blocks(matching filter: BlockFilter) -> [Block] { session.model.blocks(matching: filter) }
    var isIntact: Bool { session.model.isIntact }
    func checkWhole() -> Bool { session.model.checkWhole() }
}
