import Testing
@testable import BookingCore

/// Given past events, when rooms are added, then `RoomAdded` events or the rule that refuses them.
struct AddRoomsTests {
    @Test func addsNewRoomsInOrder() {
        #expect(given([], when: AddRooms(rooms: [room("Blue"), room("101")])) == .success([added("Blue"), added("101")]))
    }

    @Test func refusesAllWhenOneExists() {
        #expect(given([added("Green")], when: AddRooms(rooms: [room("Blue"), room("Green")])) == .failure(.roomAlreadyExists(room("Green"))))
    }

    @Test func refusesANameGivenTwice() {
        #expect(given([], when: AddRooms(rooms: [room("Blue"), room("Blue")])) == .failure(.roomAlreadyExists(room("Blue"))))
    }

    @Test func namesDifferingInCaseAreDifferentRooms() {
        #expect(given([added("Blue")], when: AddRooms(rooms: [room("blue")])) == .success([added("blue")]))
    }
}
