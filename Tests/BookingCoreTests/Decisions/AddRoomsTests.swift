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

    func type(_ name: String) -> RoomType { try! RoomType(name) }

    static let family: [DomainEvent] = [added("201", type: "family"), added("101", type: "double")]

    @Test(arguments: ["famliy", "Family", "famly", "familyy", "fmly"])
    func refusesANewTypeWithinTwoEditsOfARegisteredOneNamingIt(_ typo: String) {
        #expect(given(Self.family, when: AddRooms(rooms: [room("209")], type: type(typo))) == .failure(.similarRoomType(type(typo), existing: type("family"))))
    }

    @Test func addsTheCloseTypeWhenANewTypeIsMeant() {
        #expect(given(Self.family, when: AddRooms(rooms: [room("209")], type: type("famliy"), allowsNewType: true)) == .success([added("209", type: "famliy")]))
    }

    @Test func addsRoomsOfARegisteredTypeOrOfOneFarFromEveryType() {
        #expect(given(Self.family, when: AddRooms(rooms: [room("202")], type: type("family"))) == .success([added("202", type: "family")]))
        #expect(given(Self.family, when: AddRooms(rooms: [room("301")], type: type("suite"))) == .success([added("301", type: "suite")]))
        #expect(given(Self.family, when: AddRooms(rooms: [room("401")], type: type("fam"))) == .success([added("401", type: "fam")]))
        #expect(given([], when: AddRooms(rooms: [room("209")], type: type("famliy"))) == .success([added("209", type: "famliy")]))
    }

    @Test func namesTheNearestRegisteredType() {
        let history = Self.family + [added("501", type: "famous")]
        #expect(given(history, when: AddRooms(rooms: [room("209")], type: type("famil"))) == .failure(.similarRoomType(type("famil"), existing: type("family"))))
    }

    @Test func itsBoundaryCoversEveryRoomAddedWhenItJudgesTheType() {
        // A close type added by another process meanwhile must make it decide again.
        #expect(AddRooms(rooms: [room("209")], type: type("famliy")).query == Query([QueryItem(types: [RoomAdded.type], tags: [])]))
        #expect(AddRooms(rooms: [room("209")], type: type("famliy"), allowsNewType: true).query == Query([QueryItem(types: [RoomAdded.type], tags: [.room(room("209"))])]))
    }
}
