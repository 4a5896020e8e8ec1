import Foundation
import HotelTestSupport
import Testing

/// Real processes released together, racing for rooms: the append condition lets exactly one win a room.
struct ConcurrencyTests {
    @Test func twentyProcessesBookingTheSameRoomAndStayGiveExactlyOneBooking() throws {
        let sandbox = Sandbox()
        try #require(sandbox.hotel.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let count = 20
        let arguments = ["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]
        let gate = StartGate(in: sandbox.path)
        let running = try (0..<count).map { _ in try sandbox.hotel.start(arguments, after: gate) }
        gate.release(count)
        let results = running.map { $0.wait() }

        let winners = results.filter { $0.status == 0 }
        #expect(winners.count == 1, "\(results)")
        let id = try #require(winners.first?.lines.first)
        for loser in results where loser.status != 0 {
            #expect(loser.status == 1)
            #expect(loser.stdout == "")
            #expect(loser.stderr == "hotel: error: room 'Blue' is not free for 2024-05-01..2024-05-03: booking \(id) holds it for 2024-05-01..2024-05-03; 'hotel free --from 2024-05-01 --to 2024-05-03' lists free rooms\n")
        }
        // The log parses, positions run 1, 2, 3... with no gap or repeat, and holds one booking.
        let lines = String(decoding: try #require(sandbox.hotel.storeBytes()), as: UTF8.self).split(separator: "\n")
        let events = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(events.map { $0["position"] as? Int } == Array(1...events.count))
        #expect(events.filter { $0["type"] as? String == "RoomBooked" }.count == 1)
        #expect(try sandbox.hotel.run(["bookings"]).lines.count == 1)
    }

    @Test func twentyProcessesBookingDifferentRoomsAllSucceed() throws {
        let sandbox = Sandbox()
        let rooms = (1...20).map { "R\($0)" }
        try #require(sandbox.hotel.run(["rooms", "add"] + rooms).status == 0)
        let gate = StartGate(in: sandbox.path)
        let running = try rooms.map { name in
            try sandbox.hotel.start(["book", "--client", "42", "--room", name, "--from", "2024-05-01", "--to", "2024-05-03"], after: gate)
        }
        gate.release(rooms.count)
        let results = running.map { $0.wait() }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results)")
        #expect(Set(results.map(\.stdout)).count == 20)
        #expect(try sandbox.hotel.run(["free", "--from", "2024-05-01", "--to", "2024-05-03"]).stdout == "")
    }
}
