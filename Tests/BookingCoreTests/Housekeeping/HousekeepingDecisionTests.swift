import Testing
@testable import BookingCore

/// Issue 21, housekeeping: given past events, when a room's status is set or a guest checks in, then the
/// events or the refusal; and what each event does to a room's status.
struct HousekeepingDecisionTests {
    func status(_ name: String, _ status: HousekeepingStatus, reason: String? = nil) -> DomainEvent {
        .roomStatusSet(RoomStatusSet(room: room(name), status: status, reason: reason.map { try! Reason($0) }))
    }
    func set(_ rooms: [String], _ status: HousekeepingStatus, reason: String? = nil) -> SetRoomStatus {
        SetRoomStatus(rooms: rooms.map(room), status: status, reason: reason.map { try! Reason($0) })
    }
    func checkIn(_ id: String, _ current: String, dirtyOK: Bool = false) -> RecordMilestone {
        RecordMilestone(.checkedIn, booking: bookingID(id), today: day("2024-05-03"), now: instant("2024-05-03T15:00:00Z"), currentRoom: room(current), dirtyOK: dirtyOK)
    }
    static let stays = [added("Blue"), added("Green"), booked("bkA", "Blue", "2024-05-01", "2024-05-03"), milestone(.checkedIn, "bkA", "Blue", on: "2024-05-01"),
                        booked("bkB", "Blue", "2024-05-03", "2024-05-05", client: "7")]

    @Test func aNewRoomIsCleanACheckOutLeavesItDirtyAndAMoveInHouseLeavesTheOldRoomDirty() {
        #expect(HotelProjection(Self.stays).housekeeping.status(of: room("Blue")) == .clean)
        let out = Self.stays + [milestone(.checkedOut, "bkA", "Blue", on: "2024-05-03")]
        #expect(HotelProjection(out).housekeeping.status(of: room("Blue")) == .dirty)
        #expect(HotelProjection(out + [status("Blue", .inspected)]).housekeeping.status(of: room("Blue")) == .inspected)
        let moved = Self.stays + [.bookingChanged(BookingChanged(booking: bookingID("bkA"), client: client("42"), room: room("Green"), stay: stay("2024-05-01", "2024-05-03"),
                                                                  previousRoom: room("Blue"), previousStay: stay("2024-05-01", "2024-05-03"), movedOn: day("2024-05-02")))]
        #expect(HotelProjection(moved).housekeeping.status(of: room("Blue")) == .dirty)
        #expect(HotelProjection(moved).housekeeping.status(of: room("Green")) == .clean)
    }

    @Test func aStatusIsSetOnRegisteredRoomsAndNothingIsRecordedWhenAlreadySo() {
        #expect(given(Self.stays, when: set(["Blue", "Green"], .dirty, reason: "spill")) == .success([status("Blue", .dirty, reason: "spill"), status("Green", .dirty, reason: "spill")]))
        #expect(given(Self.stays, when: set(["Blue"], .clean)) == .success([]))
        #expect(given(Self.stays + [status("Blue", .dirty)], when: set(["Blue"], .clean)) == .success([status("Blue", .clean)]))
        #expect(given(Self.stays, when: set(["Blue", "Grey"], .inspected)) == .failure(.unknownRoom(room("Grey"), suggestion: nil)))
    }

    @Test func theBoundaryOfAStatusCoversWhatChangesIt() {
        let query = set(["Blue"], .clean).query
        #expect(query.matches(status("Blue", .dirty).storeEvent))
        #expect(query.matches(milestone(.checkedOut, "bkA", "Blue", on: "2024-05-03").storeEvent))
        #expect(query.matches(added("Blue").storeEvent))
        #expect(!query.matches(status("Green", .dirty).storeEvent))
        #expect(checkIn("bkB", "Blue").query.matches(status("Blue", .dirty).storeEvent))
    }

    @Test func aCheckInToADirtyRoomIsRefusedUnlessLetThroughAndThenSaysSo() {
        let dirty = Self.stays + [milestone(.checkedOut, "bkA", "Blue", on: "2024-05-03")]
        #expect(given(dirty, when: checkIn("bkB", "Blue")) == .failure(.roomNotReady(room("Blue"), .dirty)))
        var through = StayMilestone(.checkedIn, booking: bookingID("bkB"), client: client("7"), room: room("Blue"), day: day("2024-05-03"))
        through.roomWasDirty = true
        #expect(given(dirty, when: checkIn("bkB", "Blue", dirtyOK: true)) == .success([.stayMilestone(through)]))
        #expect(DomainEvent.stayMilestone(through).storeEvent.data["roomStatus"] == .string("dirty"))
        // Clean or inspected: checked in as before, nothing more in the event.
        for ready in [HousekeepingStatus.clean, .inspected] {
            let plain = StayMilestone(.checkedIn, booking: bookingID("bkB"), client: client("7"), room: room("Blue"), day: day("2024-05-03"))
            #expect(given(dirty + [status("Blue", ready)], when: checkIn("bkB", "Blue", dirtyOK: true)) == .success([.stayMilestone(plain)]))
        }
    }

    @Test func theEventReadsBackAndIsDescribed() throws {
        let event = status("Blue", .dirty, reason: "spill")
        #expect(try DomainEvent(SequencedEvent(position: Position(1), event: event.storeEvent, recordedAt: "2024-05-01T00:00:00Z")) == event)
        #expect(event.summary == "room Blue set dirty: spill")
        #expect(event.storeEvent.type == "RoomStatusSet" && event.tags == [.room(room("Blue"))])
    }

    /// `book --type` for a stay arriving today takes a ready room before a dirty one (then its rule); for a
    /// later arrival, the status does not count (the room has time to be cleaned).
    @Test func aStayArrivingTodayByTypeTakesAReadyRoomFirst() {
        let rooms: [DomainEvent] = [added("D1", type: "double"), added("D2", type: "double"), status("D1", .dirty)]
        func byType(_ from: String, _ to: String, now: String) -> ReserveStay {
            ReserveStay(booking: bookingID("bkNEW"), client: client("7"), target: .type(try! RoomType("double"), rooms: [room("D1"), room("D2")]), stay: stay(from, to), now: instant(now))
        }
        #expect(given(rooms, when: byType("2024-05-03", "2024-05-05", now: "2024-05-03T09:00:00Z")) == .success([booked("bkNEW", "D2", "2024-05-03", "2024-05-05", client: "7")]))
        #expect(given(rooms, when: byType("2024-05-04", "2024-05-05", now: "2024-05-03T09:00:00Z")) == .success([booked("bkNEW", "D1", "2024-05-04", "2024-05-05", client: "7")]))
        #expect(given(rooms + [status("D1", .inspected)], when: byType("2024-05-03", "2024-05-05", now: "2024-05-03T09:00:00Z")) == .success([booked("bkNEW", "D1", "2024-05-03", "2024-05-05", client: "7")]))
        // Only dirty rooms free: one of them, as before.
        #expect(given(rooms + [status("D2", .dirty)], when: byType("2024-05-03", "2024-05-05", now: "2024-05-03T09:00:00Z")) == .success([booked("bkNEW", "D1", "2024-05-03", "2024-05-05", client: "7")]))
    }
}
