import Foundation
import HotelTestSupport
import Testing

/// Every command run as a user would, on a temporary store: stdout, stderr and exit status.
struct CommandTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel }

    func setUpRooms(_ names: String...) throws {
        let result = try hotel.run(["rooms", "add"] + names)
        try #require(result.status == 0, "\(result)")
    }

    @Test func roomsAddCreatesTheStoreAndPrintsTheNames() throws {
        #expect(hotel.storeBytes() == nil)
        let result = try hotel.run(["rooms", "add", "Blue", "Green", "101"])
        #expect(result == .init(stdout: "Blue\nGreen\n101\n", stderr: "", status: 0))
        let listed = try hotel.run(["rooms"])
        #expect(listed == .init(stdout: "101\nBlue\nGreen\n", stderr: "", status: 0))
        #expect(try hotel.run(["rooms", "list"]) == listed)
    }

    @Test func bookPrintsAShortIDAndFreeNoLongerListsTheRoom() throws {
        try setUpRooms("Blue", "Green")
        let booked = try hotel.run(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"])
        #expect(booked.status == 0)
        #expect(booked.stderr == "")
        let id = try #require(booked.lines.first)
        #expect(booked.lines.count == 1)
        #expect(id.count <= 12 && id.hasPrefix("bk"))
        #expect(try hotel.run(["free", "--from", "2024-05-01", "--to", "2024-05-03"]).stdout == "Green\n")
        #expect(try hotel.run(["free", "--from", "2024-05-03", "--to", "2024-05-04"]).stdout == "Blue\nGreen\n")
        #expect(try hotel.run(["bookings"]).stdout == "\(id)\t42\tBlue\t2024-05-01\t2024-05-03\tactive\n")
    }

    @Test func stateSurvivesAcrossProcessesAndASecondBookingIsRefused() throws {
        try setUpRooms("Blue")
        let first = try hotel.run(["book", "--client", "42", "--room=Blue", "--from=2024-05-01", "--to=2024-05-03"])
        #expect(first.status == 0)
        let id = first.lines[0]
        let before = hotel.storeBytes()
        let second = try hotel.run(["book", "--client", "43", "--room", "Blue", "--from", "2024-05-02", "--to", "2024-05-04"])
        #expect(second.status == 1)
        #expect(second.stdout == "")
        #expect(second.stderr == "hotel: error: room 'Blue' is not free for 2024-05-02..2024-05-04: booking \(id) holds it for 2024-05-01..2024-05-03; 'hotel free --from 2024-05-02 --to 2024-05-04' lists free rooms\n")
        #expect(hotel.storeBytes() == before)
    }

    @Test func cancelPrintsTheIDFreesTheRoomAndRefusesASecondCancel() throws {
        try setUpRooms("Blue")
        let id = try hotel.run(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]).lines[0]
        #expect(try hotel.run(["cancel", id]) == .init(stdout: id + "\n", stderr: "", status: 0))
        #expect(try hotel.run(["free", "--from", "2024-05-01", "--to", "2024-05-03"]).stdout == "Blue\n")
        #expect(try hotel.run(["bookings"]).stdout == "\(id)\t42\tBlue\t2024-05-01\t2024-05-03\tcancelled\n")
        #expect(try hotel.run(["cancel", id]) == .init(stdout: "", stderr: "hotel: error: booking '\(id)' is already cancelled\n", status: 1))
        let rebooked = try hotel.run(["book", "--client", "43", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"])
        #expect(rebooked.status == 0)
    }

    @Test func bookingsFilterByClientRoomAndDates() throws {
        try setUpRooms("Blue", "Green")
        let a = try hotel.run(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]).lines[0]
        let b = try hotel.run(["book", "--client", "7", "--room", "Green", "--from", "2024-05-02", "--to", "2024-05-06"]).lines[0]
        let c = try hotel.run(["book", "--client", "42", "--room", "Green", "--from", "2024-05-10", "--to", "2024-05-12"]).lines[0]
        func ids(_ args: [String]) throws -> [String] { try hotel.run(["bookings"] + args).lines.map { String($0.prefix { $0 != "\t" }) } }
        #expect(try ids([]) == [a, b, c])
        #expect(try ids(["--client", "42"]) == [a, c])
        #expect(try ids(["--room", "Green"]) == [b, c])
        #expect(try ids(["--from", "2024-05-03", "--to", "2024-05-10"]) == [b])
        #expect(try ids(["--client", "42", "--room", "Green"]) == [c])
        #expect(try ids(["--client", "nobody"]) == [])
    }

    @Test func theStoreComesFromTheOptionThenTheEnvironmentThenTheWorkingDirectory() throws {
        var withEnvironment = hotel
        withEnvironment.environment["HOTEL_STORE"] = sandbox.path + "/from-env.jsonl"
        #expect(try withEnvironment.run(["rooms", "add", "Env"]).status == 0)
        #expect(try withEnvironment.run(["--store", sandbox.path + "/from-option.jsonl", "rooms", "add", "Option"]).status == 0)
        #expect(try withEnvironment.run(["rooms", "add", "Trailing", "--store", sandbox.path + "/from-option.jsonl"]).status == 0)
        #expect(try hotel.run(["rooms", "add", "Default"]).status == 0)
        #expect(try withEnvironment.run(["rooms"]).stdout == "Env\n")
        #expect(try hotel.run(["--store=\(sandbox.path)/from-option.jsonl", "rooms"]).stdout == "Option\nTrailing\n")
        #expect(try hotel.run(["rooms"]).stdout == "Default\n")
    }

    @Test func theLogIsPlainJSONLinesThatJqCanRead() throws {
        try setUpRooms("Blue")
        let id = try hotel.run(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]).lines[0]
        let text = String(decoding: try #require(hotel.storeBytes()), as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(text.hasSuffix("\n"))
        #expect(lines.count == 2)
        let second = try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any]
        #expect(second?["position"] as? Int == 2)
        #expect(second?["type"] as? String == "RoomBooked")
        #expect(second?["tags"] as? [String] == ["booking:\(id)", "room:Blue", "client:42"])
        #expect((second?["data"] as? [String: String]) == ["bookingId": id, "client": "42", "room": "Blue", "arrival": "2024-05-01", "departure": "2024-05-03"])
    }

    @Test func worksInAPipeline() throws {
        try setUpRooms("Blue", "Green")
        let script = """
            set -e
            H='\(HotelProcess.binary.path)'
            "$H" free --from 2024-05-01 --to 2024-05-03 | head -1 | xargs -I{} "$H" book --client 42 --room {} --from 2024-05-01 --to 2024-05-03 >/dev/null
            "$H" free --from 2024-05-01 --to 2024-05-03
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script]
        process.currentDirectoryURL = URL(fileURLWithPath: sandbox.path)
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(output == "Green\n")
    }
}
