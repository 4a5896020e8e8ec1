import Foundation
import HotelTestSupport
import Testing

/// A query about a room or a type the hotel does not have is refused as `book` refuses it (exit 1, with the
/// nearest name), never answered with nothing: `free --type Double | head -1 | xargs ... book` must not
/// silently book nothing. `log --type` with an event type the store format does not have is a usage error.
struct QueryRefusalTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel(now: "2024-05-01T10:00:00Z") }

    init() throws {
        try #require(hotel.run(["rooms", "add", "101", "102", "--type", "double"]).status == 0)
        try #require(hotel.run(["rooms", "add", "301", "--type", "suite"]).status == 0)
        try #require(hotel.run(["book", "--client", "42", "--room", "101", "--from", "2024-05-01", "--to", "2024-05-03"]).status == 0)
    }

    static let stay = ["--from", "2024-05-01", "--to", "2024-05-03"]
    static let unknownType = "hotel: error: no room of type 'Double' (did you mean 'double'?)\n"

    @Test(arguments: [
        ["free", "--type", "Double"] + stay, ["free", "--type", "Double", "--json"] + stay, ["rooms", "--type", "Double"], ["rooms", "list", "--type", "Double", "--json"],
        ["bookings", "--type", "Double"], ["calendar", "--type", "Double"], ["occupancy", "--type", "Double"] + stay,
    ])
    func anUnknownTypeIsRefusedWithTheNearestOne(_ arguments: [String]) throws {
        #expect(try hotel.run(arguments) == .init(stdout: "", stderr: Self.unknownType, status: 1))
    }

    @Test func anUnknownTypeWithNothingNearIsRefusedPointingToTheTypes() throws {
        #expect(try hotel.run(["free", "--type", "penthouse"] + Self.stay) == .init(stdout: "", stderr: "hotel: error: no room of type 'penthouse'; 'hotel availability' lists the types\n", status: 1))
    }

    @Test func anUnknownRoomIsRefusedAsBookRefusesIt() throws {
        #expect(try hotel.run(["bookings", "--room", "999"]) == .init(stdout: "", stderr: "hotel: error: unknown room '999'; 'hotel rooms' lists the rooms\n", status: 1))
        #expect(try hotel.run(["bookings", "--room", "10", "--json"]) == .init(stdout: "", stderr: "hotel: error: unknown room '10' (did you mean '101'?)\n", status: 1))
        // The same words as book's.
        let book = try hotel.run(["book", "--client", "1", "--room", "999"] + Self.stay)
        #expect(book.stderr == "hotel: error: unknown room '999'; 'hotel rooms' lists the rooms\n" && book.status == 1)
    }

    @Test func knownRoomsAndTypesStillAnswerEvenWithNothingToList() throws {
        #expect(try hotel.run(["free", "--type", "double"] + Self.stay).stdout == "102\n")
        #expect(try hotel.run(["rooms", "--type", "suite"]).stdout == "301\n")
        #expect(try hotel.run(["bookings", "--room", "102"]) == .init(stdout: "", stderr: "", status: 0))
        #expect(try hotel.run(["bookings", "--type", "suite"]) == .init(stdout: "", stderr: "", status: 0))
    }

    @Test func aRoomOrTypeIsJudgedAsTheHotelStoodAsOfThen() throws {
        // Position 2 is before the suite was added.
        #expect(try hotel.run(["rooms", "--type", "suite", "--as-of", "2"]) == .init(stdout: "", stderr: "hotel: error: no room of type 'suite'; 'hotel availability' lists the types\n", status: 1))
        #expect(try hotel.run(["rooms", "--type", "suite", "--as-of", "3"]).stdout == "301\n")
    }

    @Test func logWithAnEventTypeTheFormatDoesNotHaveIsAUsageErrorListingTheTypes() throws {
        let types = "RoomAdded, RoomBooked, RoomHeld, HoldConfirmed, HoldReleased, BookingCancelled, BookingChanged, GuestCheckedIn, GuestCheckedOut, NoShowRecorded, RoomBlocked, RoomUnblocked, BookingCorrected, SettingChanged, RateSet, ChargePosted, PaymentRecorded, PaymentRefunded, InvoiceIssued, CreditNoteIssued, GuestProfileSet, GuestForgotten, RoomStatusSet"
        #expect(try hotel.run(["log", "--type", "RoomBookd"]) == .init(stdout: "", stderr: "hotel: error: unknown event type 'RoomBookd' (did you mean 'RoomBooked'?); one of \(types); see 'hotel log --help'\n", status: 64))
        #expect(try hotel.run(["log", "--type", "RoomAdded", "--type", "Booking"]) == .init(stdout: "", stderr: "hotel: error: unknown event type 'Booking'; one of \(types); see 'hotel log --help'\n", status: 64))
        // A type of the format that the store happens not to hold is no error.
        #expect(try hotel.run(["log", "--type", "RoomUnblocked"]) == .init(stdout: "", stderr: "", status: 0))
        #expect(try hotel.run(["log", "--type", "RoomAdded"]).lines.count == 3)
    }
}
