import Testing
@testable import BookingCore

/// Changes, arrivals, departures, no-shows and cancellations through the stay's lifecycle.
struct StayLifecycleTests {
    static let base: [DomainEvent] = [added("Blue"), added("Green"), booked("bkA", "Blue", "2024-05-01", "2024-05-05")]

    func change(_ id: String = "bkA", room name: String? = nil, from: String? = nil, to: String? = nil, in current: String = "Blue") -> ChangeBooking {
        ChangeBooking(booking: bookingID(id), currentRoom: room(current), room: name.map(room), arrival: from.map(day), departure: to.map(day), now: t0)
    }

    func record(_ kind: StayMilestone.Kind, _ id: String = "bkA", on today: String, in current: String = "Blue", now: Instant = t0) -> RecordMilestone {
        RecordMilestone(kind, booking: bookingID(id), today: day(today), now: now, currentRoom: kind == .checkedIn ? room(current) : nil)
    }

    // MARK: Changes

    @Test func aChangeOntoTheBookingsOwnNightsIsAllowed() {
        #expect(given(Self.base, when: change(from: "2024-05-02", to: "2024-05-06"))
            == .success([changed("bkA", from: ("Blue", "2024-05-01", "2024-05-05"), to: ("Blue", "2024-05-02", "2024-05-06"))]))
    }

    @Test func aChangeToAnotherRoomMovesTheWholeStayAtomically() {
        let history = Self.base + [booked("bkG", "Green", "2024-05-04", "2024-05-08")]
        #expect(given(history, when: change(room: "Green"))
            == .failure(.roomNotFree(room("Green"), stay("2024-05-01", "2024-05-05"), blockedBy: bookingID("bkG"), blockingStay: stay("2024-05-04", "2024-05-08"))))
        #expect(given(history, when: change(room: "Green", to: "2024-05-04"))
            == .success([changed("bkA", from: ("Blue", "2024-05-01", "2024-05-05"), to: ("Green", "2024-05-01", "2024-05-04"))]))
    }

    @Test func theOldNightsAreFreeAndTheNewOnesTakenAfterAChange() {
        let after = HotelProjection(Self.base + [changed("bkA", from: ("Blue", "2024-05-01", "2024-05-05"), to: ("Green", "2024-05-01", "2024-05-03"))])
        #expect(after.freeRooms(for: stay("2024-05-01", "2024-05-05")) == [room("Blue")])
        #expect(after.freeRooms(for: stay("2024-05-03", "2024-05-05")) == [room("Blue"), room("Green")])
    }

    @Test func theChangesBoundaryCoversBothRooms() {
        let query = change(room: "Green").query
        #expect(query.matches(booked("bkX", "Blue", "2024-06-01", "2024-06-02").storeEvent))
        #expect(query.matches(booked("bkX", "Green", "2024-06-01", "2024-06-02").storeEvent))
        #expect(!query.matches(booked("bkX", "Red", "2024-06-01", "2024-06-02").storeEvent))
    }

    @Test func aChangeToWhatAlreadyIsRecordsNothing() {
        #expect(given(Self.base, when: change(room: "Blue", to: "2024-05-05")) == .success([]))
    }

    @Test func aChangeThatEndsBeforeItStartsIsRefused() {
        #expect(given(Self.base, when: change(to: "2024-04-30")) == .failure(.invalidStay(.stay(arrival: day("2024-05-01"), departure: day("2024-04-30")))))
    }

    @Test func aCheckedInBookingKeepsItsArrival() {
        let history = Self.base + [milestone(.checkedIn, "bkA", "Blue", on: "2024-05-01")]
        #expect(given(history, when: change(to: "2024-05-07"))
            == .success([changed("bkA", from: ("Blue", "2024-05-01", "2024-05-05"), to: ("Blue", "2024-05-01", "2024-05-07"))]))
        #expect(given(history, when: change(from: "2024-05-02")) == .failure(.checkedInChangeNotAllowed(bookingID("bkA"))))
    }

    // MARK: Moving an in-house guest (issue 18)

    static let inHouse = base + [milestone(.checkedIn, "bkA", "Blue", on: "2024-05-01")]
    static let moveDay = try! Instant("2024-05-03T10:00:00Z")

    func move(to name: String, departure: String? = nil, at now: Instant = moveDay, in current: String = "Blue") -> ChangeBooking {
        ChangeBooking(booking: bookingID("bkA"), currentRoom: room(current), room: room(name), departure: departure.map(day), now: now)
    }

    func moved(to name: String, on movedOn: String, from previous: String = "Blue", departure: String = "2024-05-05") -> DomainEvent {
        .bookingChanged(BookingChanged(
            booking: bookingID("bkA"), client: client("42"), room: room(name), stay: stay("2024-05-01", departure),
            previousRoom: room(previous), previousStay: stay("2024-05-01", "2024-05-05"), movedOn: day(movedOn)))
    }

    @Test func aCheckedInGuestMovesFromToday() {
        #expect(given(Self.inHouse, when: move(to: "Green")) == .success([moved(to: "Green", on: "2024-05-03")]))
    }

    @Test func theNightsSleptStayInTheOldRoom() {
        let hotel = HotelProjection(Self.inHouse + [moved(to: "Green", on: "2024-05-03")])
        let guest = hotel.booking(bookingID("bkA"))
        #expect(guest?.room == room("Green") && guest?.stay == stay("2024-05-01", "2024-05-05") && guest?.roomSince == day("2024-05-03"))
        #expect(guest?.nights == stay("2024-05-03", "2024-05-05") && guest?.earlierRooms == 1)
        // Blue is free from the move on; Green is held from then to the departure, and not before.
        #expect(hotel.freeRooms(for: stay("2024-05-03", "2024-05-05"), at: Self.moveDay, ofType: nil) == [room("Blue")])
        #expect(hotel.firstOnCalendar(room: room("Green"), stay: stay("2024-05-01", "2024-05-03"), at: Self.moveDay, except: nil) == nil)
        // The part spent in Blue is listed only where asked for.
        var filter = BookingFilter(from: day("2024-05-01"), to: day("2024-05-05"))
        #expect(hotel.bookings(matching: filter).map(\.room) == [room("Green")])
        filter.includesEarlierRooms = true
        let parts = hotel.bookings(matching: filter)
        #expect(parts.map(\.room) == [room("Blue"), room("Green")])
        #expect(parts.first?.stay == stay("2024-05-01", "2024-05-03") && parts.first?.status == .checkedOut && parts.first?.earlierRoom == 1)
    }

    @Test func aMoveNeedsTheNewRoomFreeFromTodayOnly() {
        // Green was another guest's before today: those nights do not count.
        let history = Self.inHouse + [booked("bkP", "Green", "2024-05-01", "2024-05-03"), booked("bkL", "Green", "2024-05-04", "2024-05-06")]
        #expect(given(history, when: move(to: "Green"))
            == .failure(.roomNotFree(room("Green"), stay("2024-05-03", "2024-05-05"), blockedBy: bookingID("bkL"), blockingStay: stay("2024-05-04", "2024-05-06"))))
        #expect(given(history, when: move(to: "Green", departure: "2024-05-04")) == .success([moved(to: "Green", on: "2024-05-03", departure: "2024-05-04")]))
    }

    @Test func aMoveOnTheArrivalDayLeavesNothingInTheOldRoom() {
        let now = try! Instant("2024-05-01T15:00:00Z")
        #expect(given(Self.inHouse, when: move(to: "Green", at: now)) == .success([moved(to: "Green", on: "2024-05-01")]))
        let hotel = HotelProjection(Self.inHouse + [moved(to: "Green", on: "2024-05-01")])
        #expect(hotel.booking(bookingID("bkA"))?.earlierRooms == 0 && hotel.booking(bookingID("bkA"))?.roomSince == nil)
    }

    // MARK: Corrections (issue 18)

    func undo(in current: String = "Blue", at now: Instant = moveDay) -> UndoLastStep {
        UndoLastStep(booking: bookingID("bkA"), currentRoom: room(current), now: now)
    }

    func corrected(_ undid: BookingCorrected.Undone, to status: Booking.Status, departure: String = "2024-05-05", in name: String = "Blue") -> DomainEvent {
        .bookingCorrected(BookingCorrected(booking: bookingID("bkA"), client: client("42"), room: room(name), undid: undid, status: status, stay: stay("2024-05-01", departure)))
    }

    @Test func undoingACheckInLeavesTheBookingActive() {
        #expect(given(Self.inHouse, when: undo()) == .success([corrected(.checkIn, to: .active)]))
        #expect(HotelProjection(Self.inHouse + [corrected(.checkIn, to: .active)]).booking(bookingID("bkA"))?.status == .active)
    }

    @Test func undoingAnEarlyCheckOutRestoresTheStayAsBooked() {
        let history = Self.inHouse + [milestone(.checkedOut, "bkA", "Blue", on: "2024-05-03")]
        #expect(HotelProjection(history).booking(bookingID("bkA"))?.bookedDeparture == day("2024-05-05"))
        #expect(given(history, when: undo()) == .success([corrected(.checkOut, to: .checkedIn)]))
        let after = HotelProjection(history + [corrected(.checkOut, to: .checkedIn)]).booking(bookingID("bkA"))
        #expect(after?.stay == stay("2024-05-01", "2024-05-05") && after?.status == .checkedIn && after?.bookedDeparture == nil)
    }

    @Test func anUndoIsRefusedWhenTheRoomWasTakenSince() {
        let history = Self.inHouse + [milestone(.checkedOut, "bkA", "Blue", on: "2024-05-03"), booked("bkN", "Blue", "2024-05-03", "2024-05-04")]
        #expect(given(history, when: undo())
            == .failure(.roomNotFree(room("Blue"), stay("2024-05-01", "2024-05-05"), blockedBy: bookingID("bkN"), blockingStay: stay("2024-05-03", "2024-05-04"))))
    }

    @Test(arguments: [Booking.Status.active])
    func thereIsNothingToUndoOnAnActiveBooking(status: Booking.Status) {
        #expect(given(Self.base, when: undo()) == .failure(.wrongStatus(bookingID("bkA"), status: status, transition: .undo)))
    }

    @Test func aCheckInIsNotUndoneAfterAMove() {
        #expect(given(Self.inHouse + [moved(to: "Green", on: "2024-05-03")], when: undo(in: "Green")) == .failure(.undoAfterMove(bookingID("bkA"))))
    }

    @Test func aCancelledBookingCannotChange() {
        #expect(given(Self.base + [cancelled("bkA", "Blue")], when: change(to: "2024-05-07")) == .failure(.alreadyCancelled(bookingID("bkA"))))
    }

    // MARK: Arrivals, departures, no-shows

    @Test(arguments: [("2024-04-30", false), ("2024-05-01", true), ("2024-05-04", true), ("2024-05-05", false)])
    func checkInIsFromTheArrivalUpToTheDayBeforeDeparture(today: String, allowed: Bool) {
        let result = given(Self.base, when: record(.checkedIn, on: today))
        if allowed {
            #expect(result == .success([milestone(.checkedIn, "bkA", "Blue", on: today)]))
        } else {
            #expect(result == .failure(.wrongDay(bookingID("bkA"), transition: .checkIn, today: day(today), stay: stay("2024-05-01", "2024-05-05"))))
        }
    }

    @Test func aHoldThatWasNeverConfirmedCannotCheckIn() {
        let history = [added("Blue"), held("bkH", "Blue", "2024-05-01", "2024-05-03", until: "2024-05-01T12:00:00Z", client: "4")]
        #expect(given(history, when: record(.checkedIn, "bkH", on: "2024-05-01"))
            == .failure(.wrongStatus(bookingID("bkH"), status: .held, transition: .checkIn)))
    }

    @Test func checkOutNeedsACheckIn() {
        #expect(given(Self.base, when: record(.checkedOut, on: "2024-05-05"))
            == .failure(.wrongStatus(bookingID("bkA"), status: .active, transition: .checkOut)))
    }

    @Test func anEarlyCheckOutFreesExactlyTheNightsNotStayed() {
        var hotel = HotelProjection(Self.base + [milestone(.checkedIn, "bkA", "Blue", on: "2024-05-01")])
        #expect(hotel.freeRooms(for: stay("2024-05-03", "2024-05-04")) == [room("Green")])
        hotel.apply(milestone(.checkedOut, "bkA", "Blue", on: "2024-05-03"))
        // The stay is recorded as ending on the check-out day; every night from then on is free.
        #expect(hotel.booking(bookingID("bkA"))?.stay == stay("2024-05-01", "2024-05-03"))
        #expect(hotel.booking(bookingID("bkA"))?.status == .checkedOut)
        #expect(hotel.freeRooms(for: stay("2024-05-03", "2024-05-05")) == [room("Blue"), room("Green")])
    }

    /// (Issue 18: a late check-out records the day the guest left; it kept the booked stay before.)
    @Test func aLateCheckOutRecordsTheDayTheGuestLeft() {
        let hotel = HotelProjection(Self.base + [milestone(.checkedIn, "bkA", "Blue", on: "2024-05-01"), milestone(.checkedOut, "bkA", "Blue", on: "2024-05-06")])
        #expect(hotel.booking(bookingID("bkA"))?.stay == stay("2024-05-01", "2024-05-06"))
    }

    @Test func aNoShowIsRecordedFromTheArrivalDayAndFreesTheRoom() {
        #expect(given(Self.base, when: record(.noShow, on: "2024-04-30"))
            == .failure(.wrongDay(bookingID("bkA"), transition: .noShow, today: day("2024-04-30"), stay: stay("2024-05-01", "2024-05-05"))))
        #expect(given(Self.base, when: record(.noShow, on: "2024-05-02")) == .success([milestone(.noShow, "bkA", "Blue", on: "2024-05-02")]))
        let hotel = HotelProjection(Self.base + [milestone(.noShow, "bkA", "Blue", on: "2024-05-02")])
        #expect(hotel.freeRooms(for: stay("2024-05-01", "2024-05-05")) == [room("Blue"), room("Green")])
    }

    @Test(arguments: [
        (StayMilestone.Kind.checkedIn, Booking.Status.checkedIn), (.noShow, .noShow),
    ])
    func cancelIsRefusedOnceTheGuestArrivedOrDidNotCome(kind: StayMilestone.Kind, status: Booking.Status) {
        let history = Self.base + [milestone(kind, "bkA", "Blue", on: "2024-05-01")]
        #expect(given(history, when: CancelBooking(booking: bookingID("bkA"), now: t0))
            == .failure(.wrongStatus(bookingID("bkA"), status: status, transition: .cancel)))
    }

    @Test func aCancellationKeepsItsReason() {
        let reason = try! Reason("guest asked")
        let hotel = HotelProjection(Self.base + [.bookingCancelled(BookingCancelled(booking: bookingID("bkA"), client: client("42"), room: room("Blue"), reason: reason))])
        #expect(hotel.booking(bookingID("bkA"))?.reason == "guest asked")
    }
}

/// The desk's day (issue 18): a check-out on the arrival day, a checked-in stay's departure, and a guest who
/// stays past the departure, who holds the room until checked out.
struct DeskDayRuleTests {
    static let checkedIn: [DomainEvent] = [
        added("Blue"), added("Green"), booked("bkA", "Blue", "2024-05-01", "2024-05-03"), milestone(.checkedIn, "bkA", "Blue", on: "2024-05-01"),
    ]
    /// The 4th, at noon (UTC): the guest of bkA was due out on the 3rd.
    static let fourth = instant("2024-05-04T12:00:00Z")

    @Test func aCheckOutOnTheArrivalDayLeavesAStayOfNoNight() {
        var hotel = HotelProjection(Self.checkedIn + [milestone(.checkedOut, "bkA", "Blue", on: "2024-05-01")])
        #expect(hotel.booking(bookingID("bkA"))?.nights == nil)
        #expect(hotel.booking(bookingID("bkA"))?.stay == stay("2024-05-01", "2024-05-03"))
        hotel.apply(booked("bkB", "Blue", "2024-05-01", "2024-05-02"))
        #expect(Occupancy(hotel, nights: stay("2024-05-01", "2024-05-03"), by: .room, at: instant("2024-05-01T20:00:00Z")).rows.first { $0.key == "Blue" }?.occupied == 1)
    }

    @Test func aLateCheckOutRecordsTheNightsSlept() {
        let hotel = HotelProjection(Self.checkedIn + [milestone(.checkedOut, "bkA", "Blue", on: "2024-05-05")])
        #expect(hotel.booking(bookingID("bkA"))?.stay == stay("2024-05-01", "2024-05-05"))
        #expect(hotel.booking(bookingID("bkA"))?.status == .checkedOut)
    }

    @Test func aCheckedInStaysNewDepartureMustBeAfterToday() {
        let change = { (to: String) in
            ChangeBooking(booking: bookingID("bkA"), currentRoom: room("Blue"), departure: day(to), now: instant("2024-05-02T10:00:00Z"))
        }
        #expect(given(Self.checkedIn, when: change("2024-05-02")) == .failure(.departureNotAfterToday(bookingID("bkA"), today: day("2024-05-02"))))
        #expect(given(Self.checkedIn, when: change("2024-05-04"))
            == .success([changed("bkA", from: ("Blue", "2024-05-01", "2024-05-03"), to: ("Blue", "2024-05-01", "2024-05-04"))]))
    }

    @Test func aGuestPastTheDepartureHoldsTheRoomUpToTonight() {
        let hotel = HotelProjection(Self.checkedIn)
        let guest = hotel.booking(bookingID("bkA"))!
        #expect(hotel.firstHolding(room: room("Blue"), stay: stay("2024-05-04", "2024-05-05"), at: Self.fourth, except: nil) == .booking(guest))
        #expect(hotel.firstHolding(room: room("Blue"), stay: stay("2024-05-05", "2024-05-06"), at: Self.fourth, except: nil) == nil)
        #expect(hotel.freeRooms(for: stay("2024-05-04", "2024-05-05"), at: Self.fourth, ofType: nil) == [room("Green")])
        #expect(hotel.stays(.inHouse, on: day("2024-05-04"), at: Self.fourth) == [guest])
        #expect(hotel.stays(.departures, on: day("2024-05-04"), at: Self.fourth) == [guest])
        let booking = ReserveStay(booking: bookingID("bkN"), client: client("9"), target: .room(room("Blue")), stay: stay("2024-05-04", "2024-05-06"), now: Self.fourth)
        #expect(given(Self.checkedIn, when: booking)
            == .failure(.guestStillThere(room("Blue"), stay("2024-05-04", "2024-05-06"), guest: bookingID("bkA"), departure: day("2024-05-03"))))
    }

    @Test func aCheckInOntoTheRoomOfAGuestStillThereIsRefused() {
        let history = Self.checkedIn + [booked("bkB", "Blue", "2024-05-04", "2024-05-06")]
        let checkIn = RecordMilestone(.checkedIn, booking: bookingID("bkB"), today: day("2024-05-04"), now: Self.fourth, currentRoom: room("Blue"))
        #expect(given(history, when: checkIn)
            == .failure(.guestStillThere(room("Blue"), stay("2024-05-04", "2024-05-06"), guest: bookingID("bkA"), departure: day("2024-05-03"))))
        #expect(given(history.filter { checkIn.query.matches($0.storeEvent) }, when: checkIn) == given(history, when: checkIn))
        // Gone, and the room cleaned after (a check-out leaves it dirty: see HousekeepingDecisionTests).
        let afterCheckOut = history + [milestone(.checkedOut, "bkA", "Blue", on: "2024-05-04"), .roomStatusSet(RoomStatusSet(room: room("Blue"), status: .clean))]
        #expect(given(afterCheckOut, when: checkIn) == .success([milestone(.checkedIn, "bkB", "Blue", on: "2024-05-04")]))
    }
}
