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

/// Real processes racing over the lifecycle: safe retries, and holds, bookings and changes of one room.
struct LifecycleConcurrencyTests {
    @Test func twentyProcessesWithOneIdempotencyKeyRecordOneBookingAndAllPrintItsID() throws {
        let sandbox = Sandbox()
        try #require(sandbox.hotel.run(["rooms", "add", "Blue", "Green"]).status == 0)
        let arguments = ["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03", "--idempotency-key", "web-order-99"]
        let gate = StartGate(in: sandbox.path)
        let running = try (0..<20).map { _ in try sandbox.hotel.start(arguments, after: gate) }
        gate.release(20)
        let results = running.map { $0.wait() }
        #expect(results.allSatisfy { $0.status == 0 && $0.stderr == "" }, "\(results)")
        #expect(Set(results.map(\.stdout)).count == 1)
        let lines = try sandbox.hotel.run(["bookings"]).lines
        #expect(lines.count == 1)
        #expect(lines.first?.hasPrefix(results[0].stdout.trimmingCharacters(in: .newlines) + "\t42\tBlue") == true)
    }

    @Test(arguments: [11, 12, 13, 14, 15, 16, 17, 18] as [UInt64])
    func holdsBookingsAndChangesOfOneRoomNeverOverlap(seed: UInt64) throws {
        let sandbox = Sandbox()
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-04-20T09:00:00Z"
        let greens = (1...15).map { "G\($0)" }
        try #require(hotel.run(["rooms", "add", "Blue"] + greens).status == 0)
        // Bookings in other rooms that will try to move onto Blue, all wanting its first week.
        var random = SplitMix(seed: seed)
        var movers: [String] = []
        for room in greens {
            let start = Int(random.next() % 6) + 1
            let result = try hotel.run(["book", "--client", "9", "--room", room, "--from", String(format: "2024-05-%02d", start), "--to", String(format: "2024-05-%02d", start + 2)])
            movers.append(result.stdout.trimmingCharacters(in: .newlines))
        }
        var commands: [[String]] = []
        for i in 0..<45 {
            let start = Int(random.next() % 6) + 1, nights = Int(random.next() % 3) + 1
            let from = String(format: "2024-05-%02d", start), to = String(format: "2024-05-%02d", start + nights)
            switch i % 3 {
            case 0: commands.append(["book", "--client", "\(i)", "--room", "Blue", "--from", from, "--to", to])
            case 1: commands.append(["hold", "--room", "Blue", "--from", from, "--to", to, "--for", "1h"])
            default: commands.append(["change", movers[i / 3], "--room", "Blue"])
            }
        }
        let gate = StartGate(in: sandbox.path)
        let running = try commands.map { try hotel.start($0, after: gate) }
        gate.release(commands.count)
        let results = running.map { $0.wait() }
        #expect(results.allSatisfy { $0.status == 0 || $0.status == 1 }, "\(results)")
        #expect(results.contains { $0.status == 0 } && results.contains { $0.status == 1 })
        // Every stay that holds Blue's nights (held, active or checked in), pairwise: no shared night.
        let stays = try hotel.run(["bookings", "--room", "Blue", "--status", "held", "--status", "active", "--status", "checked-in"]).lines
            .map { $0.split(separator: "\t").map(String.init) }.map { ($0[3], $0[4]) }
        for (i, a) in stays.enumerated() {
            for b in stays[(i + 1)...] { #expect(!(a.0 < b.1 && b.0 < a.1), "\(a) and \(b) overlap in Blue") }
        }
        #expect(stays.count == results.filter { $0.status == 0 }.count)
        // And the log itself keeps every rule on replay.
        #expect(try hotel.run(["verify"]).status == 0)
    }
}
