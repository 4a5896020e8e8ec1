import Foundation
import HotelTestSupport
import Testing

/// Issue item 9 with the real binary: `a1gihhnpzkz8` and `xr7vancd1tc4` derive the same first id, yet each
/// key gets its own booking and a retry of either finds its own, with the cache built or deleted.
struct IdempotencyCollisionEndToEndTests {
    let sandbox = Sandbox()

    func hotel(cacheThreshold: String) -> HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-04-20T10:00:00Z"
        hotel.environment["TZ"] = "UTC"
        hotel.environment["HOTEL_CACHE_THRESHOLD"] = cacheThreshold
        return hotel
    }

    static func book(client: String, room: String, key: String) -> [String] {
        ["book", "--client", client, "--room", room, "--from", "2024-05-01", "--to", "2024-05-03", "--idempotency-key", key]
    }

    @Test(arguments: [(cached: true, "0"), (cached: false, "1000000000")])
    func collidingKeysGetTheirOwnBookings(cached: Bool, threshold: String) throws {
        let hotel = hotel(cacheThreshold: threshold)
        let cache = sandbox.hotel.storePath + ".cache"
        func run(_ arguments: [String]) throws -> HotelProcess.Result {
            if !cached { try? FileManager.default.removeItem(atPath: cache) }
            return try hotel.run(arguments)
        }
        #expect(try run(["rooms", "add", "Blue", "Green"]).status == 0)
        let first = try run(Self.book(client: "7", room: "Blue", key: "a1gihhnpzkz8"))
        try #require(first.status == 0, "\(first)")
        // The second key with the first guest's arguments is not handed the first guest's booking: the room is taken.
        let same = try run(Self.book(client: "7", room: "Blue", key: "xr7vancd1tc4"))
        #expect(same.status == 1 && same.stdout == "", "\(same)")
        #expect(same.stderr.hasPrefix("hotel: error: room 'Blue' is not free"), "\(same)")
        let second = try run(Self.book(client: "8", room: "Green", key: "xr7vancd1tc4"))
        try #require(second.status == 0, "\(second)")
        #expect(second.stdout != first.stdout)
        let size = sandbox.hotel.storeBytes()?.count
        #expect(try run(Self.book(client: "8", room: "Green", key: "xr7vancd1tc4")) == second)
        #expect(try run(Self.book(client: "7", room: "Blue", key: "a1gihhnpzkz8")) == first)
        #expect(sandbox.hotel.storeBytes()?.count == size, "a retry recorded something")
        #expect(FileManager.default.fileExists(atPath: cache) == cached)
        // Now the second key names its own booking: other arguments with it are refused as a key reused.
        let reused = try run(Self.book(client: "7", room: "Blue", key: "xr7vancd1tc4"))
        #expect(reused.status == 1 && reused.stderr == "hotel: error: idempotency key 'xr7vancd1tc4' was used for booking \(second.stdout.dropLast()) with other arguments\n", "\(reused)")
        let listed = try run(["bookings"]).stdout
        #expect(listed == "\(first.stdout.dropLast())\t7\tBlue\t2024-05-01\t2024-05-03\tactive\n\(second.stdout.dropLast())\t8\tGreen\t2024-05-01\t2024-05-03\tactive\n")
        #expect(try run(["verify"]).status == 0)
    }
}
