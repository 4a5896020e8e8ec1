import Foundation
import HotelTestSupport
import Testing

/// `hotel verify` on sound, damaged, hand-written and missing stores.
struct VerifyTests {
    let sandbox = Sandbox()
    var hotel: HotelProcess { sandbox.hotel }

    static let sample = Repository.sample

    func write(_ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: hotel.storePath)) }

    @Test func theShippedSampleVerifies() throws {
        // The sample is its log and its guests' side file (without it, verify warns of the profiles' missing values).
        try FileManager.default.copyItem(atPath: Self.sample.path, toPath: hotel.storePath)
        try FileManager.default.copyItem(atPath: Self.sample.path + ".guests", toPath: hotel.storePath + ".guests")
        // Git keeps no mode but 0644 and 0755, so a clone has the side file at 0644, which verify rightly warns of.
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: hotel.storePath + ".guests")
        let result = try hotel.run(["verify"])
        // An old store (no line carries previousHash): its head is the hash of every line.
        #expect(result == .init(stdout: "ok: 155 events, 12 rooms, 62 bookings (9 cancelled), last position 155, head \(Repository.sampleHead)\n", stderr: "", status: 0))
        #expect(try Repository.chainHead(hotel.storePath) == Repository.sampleHead)
    }

    @Test func theShippedSampleAsAFreshCloneHasItWarnsOnlyOfTheSideFilesMode() throws {
        try FileManager.default.copyItem(atPath: Self.sample.path, toPath: hotel.storePath)
        try FileManager.default.copyItem(atPath: Self.sample.path + ".guests", toPath: hotel.storePath + ".guests")
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: hotel.storePath + ".guests")
        let result = try hotel.run(["verify"])
        #expect(result.status == 0)
        #expect(result.stderr == "hotel: warning: events.jsonl.guests: has mode 0644, not 0600 (read and write by its owner only): others may read the guests' personal data, or its owner may not write it; 'chmod 600 events.jsonl.guests' sets it (the next guests write does too)\n")
    }

    @Test func aStoreWrittenByHandWithJqVerifies() throws {
        let script = """
            jq -nc '{position:1,type:"RoomAdded",tags:["room:Blue"],data:{room:"Blue"},recordedAt:"2024-04-01T00:00:00Z"}' > events.jsonl
            jq -nc '{type:"RoomBooked",position:2,tags:["booking:b1","room:Blue","client:42"],data:{bookingId:"b1",client:"42",room:"Blue",arrival:"2024-05-01",departure:"2024-05-03"},recordedAt:"2024-04-02T00:00:00Z",metadata:{by:"jq"}}' >> events.jsonl
            """
        let made = try HotelProcess(directory: sandbox.path).start(shell: script).wait()
        try #require(made.status == 0, "\(made)")
        #expect(try hotel.run(["verify"]).stdout == "ok: 2 events, 1 rooms, 1 bookings (0 cancelled), last position 2, head \(try Repository.chainHead(hotel.storePath))\n")
        #expect(try hotel.run(["free", "--from", "2024-05-02", "--to", "2024-05-04"]).stdout == "")
    }

    @Test func listsEveryProblemWithFileLineAndByteAndExits65WithoutChangingTheStore() throws {
        try #require(hotel.run(["rooms", "add", "Blue"]).status == 0)
        let first = String(decoding: try #require(hotel.storeBytes()), as: UTF8.self)
        let head = try Repository.chainHead(hotel.storePath)
        let second = #"{"position":2,"type":"BookingCancelled","tags":["booking:bkx","room:Blue","client:1"],"data":{"bookingId":"bkx","client":"1","room":"Blue"},"recordedAt":"2024-05-01T00:00:00Z","previousHash":"\#(head)"}"#
        try write(first + second + "\n{oops\n" + #"{"position":3,"ty"#)
        let before = hotel.storeBytes()
        let result = try hotel.run(["verify"])
        let thirdOffset = first.utf8.count + second.utf8.count + 1
        #expect(result.stdout == """
            events.jsonl:2: byte \(first.utf8.count): cancels booking bkx, which does not exist
            events.jsonl:3: byte \(thirdOffset + 1): invalid JSON: expected a string key

            """)
        #expect(result.stderr == """
            hotel: warning: events.jsonl:4: byte \(thirdOffset + 6): unterminated last line of 17 bytes: an append that never finished; readers ignore it and the next write moves it to the .torn side file
            hotel: error: events.jsonl is not sound: 2 problems

            """)
        #expect(result.status == 65)
        #expect(hotel.storeBytes() == before)
    }

    @Test func speaksJSON() throws {
        try #require(hotel.run(["rooms", "add", "Blue"]).status == 0)
        let result = try hotel.run(["verify", "--json"])
        #expect(result.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["sound"] as? Bool == true)
        #expect(object["events"] as? Int == 1)
        #expect(object["rooms"] as? Int == 1)
        #expect(object["lastPosition"] as? Int == 1)
        #expect(object["headHash"] as? String == (try Repository.chainHead(hotel.storePath)))
        #expect((object["problems"] as? [Any])?.isEmpty == true)
    }

    @Test func aMissingStoreExits66() throws {
        #expect(try hotel.run(["verify"]).status == 66)
    }
}
