import Foundation
import HotelTestSupport
import Testing

/// `confirm --client` confirms a hold for its own client or for one given to a hold made without one; it never
/// silently replaces the client a hold was made for.
struct ConfirmClientTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel(now: "2024-05-01T10:00:00Z") }

    func hold(client: String?) throws -> String {
        let result = try hotel.run(["hold", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"] + (client.map { ["--client", $0] } ?? []))
        try #require(result.status == 0, "\(result)")
        return result.lines[0]
    }

    init() throws {
        try #require(hotel.run(["rooms", "add", "Blue"]).status == 0)
    }

    @Test func confirmingAHoldForAnotherClientIsRefused() throws {
        let id = try hold(client: "Alice")
        let before = sandbox.hotel.storeBytes()
        let result = try hotel.run(["confirm", id, "--client", "Bob"])
        #expect(result == .init(stdout: "", stderr: "hotel: error: hold '\(id)' was made for client 'Alice', not 'Bob'; confirm it without --client to keep its client\n", status: 1))
        #expect(sandbox.hotel.storeBytes() == before)
        #expect(try hotel.run(["bookings"]).stdout == "\(id)\tAlice\tBlue\t2024-05-01\t2024-05-03\theld\n")
        // The batch refuses it alike.
        let batch = try hotel.run(["batch"], input: "confirm \(id) --client Bob\n")
        #expect(batch.lines == ["error: hold '\(id)' was made for client 'Alice', not 'Bob'; confirm it without --client to keep its client"] && batch.status == 1)
    }

    @Test func confirmingForTheHoldsOwnClientOrWithoutOneConfirmsIt() throws {
        let id = try hold(client: "Alice")
        #expect(try hotel.run(["confirm", id, "--client", "Alice"]) == .init(stdout: "\(id)\n", stderr: "", status: 0))
        #expect(try hotel.run(["bookings"]).stdout == "\(id)\tAlice\tBlue\t2024-05-01\t2024-05-03\tactive\n")
    }

    @Test func aHoldMadeWithoutAClientTakesTheOneGiven() throws {
        let id = try hold(client: nil)
        #expect(try hotel.run(["confirm", id, "--client", "Bob"]) == .init(stdout: "\(id)\n", stderr: "", status: 0))
        #expect(try hotel.run(["bookings"]).stdout == "\(id)\tBob\tBlue\t2024-05-01\t2024-05-03\tactive\n")
    }
}
