import Foundation
import HotelTestSupport
import Testing

/// The whole stay as a user drives it: room types, holds, changes, arrivals and departures, blocks, safe
/// retries. The clock is set with HOTEL_NOW (and the time zone with TZ), so nothing sleeps.
struct LifecycleCommandTests {
    let sandbox = Sandbox()

    /// The tool as run at `now` (ISO 8601 UTC), in UTC.
    func hotel(at now: String = "2024-05-01T10:00:00Z") -> HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = now
        hotel.environment["TZ"] = "UTC"
        return hotel
    }

    @discardableResult
    func ok(_ arguments: [String], at now: String = "2024-05-01T10:00:00Z") throws -> String {
        let result = try hotel(at: now).run(arguments)
        try #require(result.status == 0 && result.stderr == "", "\(arguments): \(result)")
        return result.stdout
    }

    func failure(_ arguments: [String], at now: String = "2024-05-01T10:00:00Z") throws -> HotelProcess.Result {
        let before = sandbox.hotel.storeBytes()
        let result = try hotel(at: now).run(arguments)
        #expect(result.status != 0 && result.stdout == "", "\(result)")
        #expect(sandbox.hotel.storeBytes() == before, "a refused command changed the store")
        return result
    }

    func setUpTypes() throws {
        try ok(["rooms", "add", "D1", "D2", "--type", "double"])
        try ok(["rooms", "add", "S1", "--type", "suite"])
        try ok(["rooms", "add", "Blue"])
    }

    @Test func roomTypesAreListedFilteredAndCounted() throws {
        try setUpTypes()
        #expect(try ok(["rooms"]) == "Blue\nD1\nD2\nS1\n")
        #expect(try ok(["rooms", "--type", "double"]) == "D1\nD2\n")
        #expect(try ok(["rooms", "--json"]) == #"{"rooms":[{"room":"Blue","type":"standard"},{"room":"D1","type":"double"},{"room":"D2","type":"double"},{"room":"S1","type":"suite"}]}"# + "\n")
        try ok(["book", "--client", "1", "--room", "D1", "--from", "2024-05-01", "--to", "2024-05-03"])
        #expect(try ok(["free", "--from", "2024-05-02", "--to", "2024-05-04", "--type", "double"]) == "D2\n")
        #expect(try ok(["availability", "--from", "2024-05-02", "--to", "2024-05-04"]) == "double\t1\t2\nstandard\t1\t1\nsuite\t1\t1\n")
        #expect(try ok(["availability", "--from", "2024-05-02", "--to", "2024-05-04", "--json"])
            == #"{"from":"2024-05-02","to":"2024-05-04","types":[{"type":"double","free":1,"total":2},{"type":"standard","free":1,"total":1},{"type":"suite","free":1,"total":1}]}"# + "\n")
    }

    @Test func bookByTypeChoosesARoomAndSaysWhichWithJSON() throws {
        try setUpTypes()
        try ok(["book", "--client", "1", "--room", "D2", "--from", "2024-05-01", "--to", "2024-05-03"])
        // D2 is free from the 3rd and touches the new stay: it keeps the calendar tight.
        let json = try ok(["book", "--client", "2", "--type", "double", "--from", "2024-05-03", "--to", "2024-05-05", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["room"] as? String == "D2")
        #expect(object["status"] as? String == "active")
        try ok(["book", "--client", "3", "--type", "double", "--from", "2024-05-03", "--to", "2024-05-05"])
        let full = try failure(["book", "--client", "4", "--type", "double", "--from", "2024-05-04", "--to", "2024-05-05"])
        #expect(full == .init(stdout: "", stderr: "hotel: error: no room of type 'double' is free for 2024-05-04..2024-05-05; 'hotel availability --from 2024-05-04 --to 2024-05-05' shows every type\n", status: 1))
        let unknown = try failure(["book", "--client", "4", "--type", "dubble", "--from", "2024-05-04", "--to", "2024-05-05"])
        #expect(unknown.stderr == "hotel: error: no room of type 'dubble' (did you mean 'double'?)\n" && unknown.status == 1)
    }

    @Test func aHoldBlocksUntilItExpiresThenConfirmIsRefused() throws {
        try setUpTypes()
        let id = try ok(["hold", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03", "--for", "90s"], at: "2024-05-01T10:00:00Z")
            .trimmingCharacters(in: .newlines)
        #expect(try ok(["bookings"], at: "2024-05-01T10:01:29Z") == "\(id)\t-\tBlue\t2024-05-01\t2024-05-03\theld\n")
        #expect(try ok(["free", "--from", "2024-05-01", "--to", "2024-05-02"], at: "2024-05-01T10:01:29Z") == "D1\nD2\nS1\n")
        // At its expiry it holds nothing, and shows as expired: nothing was recorded for that.
        #expect(try ok(["free", "--from", "2024-05-01", "--to", "2024-05-02"], at: "2024-05-01T10:01:30Z") == "Blue\nD1\nD2\nS1\n")
        #expect(try ok(["bookings", "--status", "expired"], at: "2024-05-01T10:01:30Z") == "\(id)\t-\tBlue\t2024-05-01\t2024-05-03\texpired\n")
        let late = try failure(["confirm", id, "--client", "42"], at: "2024-05-01T10:01:30Z")
        #expect(late == .init(stdout: "", stderr: "hotel: error: hold '\(id)' expired at 2024-05-01T10:01:30Z; hold the room again\n", status: 1))
    }

    @Test func confirmAndReleaseAHold() throws {
        try setUpTypes()
        let id = try ok(["hold", "--type", "double", "--from", "2024-05-01", "--to", "2024-05-03"]).trimmingCharacters(in: .newlines)
        let noClient = try failure(["confirm", id])
        #expect(noClient.stderr == "hotel: error: hold '\(id)' was made without a client: give --client to confirm it\n" && noClient.status == 1)
        // (Held before the confirm below: the log's times run forward, and a later hold would last from then.)
        let other = try ok(["hold", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03", "--client", "7", "--json"])
        #expect(try ok(["confirm", id, "--client", "42"], at: "2024-05-01T10:14:59Z") == "\(id)\n")
        #expect(try ok(["bookings", "--client", "42"]) == "\(id)\t42\tD1\t2024-05-01\t2024-05-03\tactive\n")
        #expect(other.contains(#""status":"held","expiresAt":"2024-05-01T10:15:00Z"}"#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(other.utf8)) as? [String: Any])
        let otherID = try #require(object["bookingId"] as? String)
        #expect(try ok(["release", otherID]) == "\(otherID)\n")
        #expect(try ok(["bookings", "--status", "released"]) == "\(otherID)\t7\tBlue\t2024-05-01\t2024-05-03\treleased\n")
        let again = try failure(["release", otherID])
        #expect(again.stderr == "hotel: error: '\(otherID)' is released; 'hotel release' takes only unexpired holds\n" && again.status == 1)
    }

    @Test func changeMovesAStayOrRefusesNamingWhatIsInTheWay() throws {
        try setUpTypes()
        let a = try ok(["book", "--client", "1", "--room", "D1", "--from", "2024-05-01", "--to", "2024-05-03"]).trimmingCharacters(in: .newlines)
        let b = try ok(["book", "--client", "2", "--room", "D2", "--from", "2024-05-02", "--to", "2024-05-04"]).trimmingCharacters(in: .newlines)
        let taken = try failure(["change", a, "--room", "D2"])
        #expect(taken == .init(stdout: "", stderr: "hotel: error: room 'D2' is not free for 2024-05-01..2024-05-03: booking \(b) holds it for 2024-05-02..2024-05-04; 'hotel free --from 2024-05-01 --to 2024-05-03' lists free rooms\n", status: 1))
        #expect(try ok(["change", a, "--to", "2024-05-05", "--json"]).contains(#""room":"D1","arrival":"2024-05-01","departure":"2024-05-05","status":"active""#))
        #expect(try ok(["change", a, "--room", "S1", "--from", "2024-05-02"]) == "\(a)\n")
        #expect(try ok(["free", "--from", "2024-05-01", "--to", "2024-05-05", "--type", "double"]) == "D1\n")
        let none = try failure(["change", a])
        #expect(none == .init(stdout: "", stderr: "hotel: error: give at least one of --room, --from, --to and --nights; see 'hotel change --help'\n", status: 64))
    }

    @Test func checkInOutNoShowAndTheDaysLists() throws {
        try setUpTypes()
        let a = try ok(["book", "--client", "1", "--room", "D1", "--from", "2024-05-01", "--to", "2024-05-04"]).trimmingCharacters(in: .newlines)
        let b = try ok(["book", "--client", "2", "--room", "D2", "--from", "2024-05-01", "--to", "2024-05-03"]).trimmingCharacters(in: .newlines)
        let early = try failure(["checkin", a], at: "2024-04-30T23:00:00Z")
        #expect(early.stderr == "hotel: error: booking '\(a)' cannot be given 'checkin' today (2024-04-30): check-in is from the arrival day 2024-05-01 up to the day before the departure 2024-05-04\n" && early.status == 1)
        // "Today" is the local date: 23:00 UTC on the 30th is already the 1st in Tokyo.
        var tokyo = hotel(at: "2024-04-30T23:00:00Z")
        tokyo.environment["TZ"] = "Asia/Tokyo"
        #expect(try tokyo.run(["arrivals"]).stdout == "\(a)\t1\tD1\t2024-05-01\t2024-05-04\tactive\n\(b)\t2\tD2\t2024-05-01\t2024-05-03\tactive\n")
        try ok(["checkin", a], at: "2024-05-01T15:00:00Z")
        #expect(try ok(["in-house", "--on", "2024-05-02"]) == "\(a)\t1\tD1\t2024-05-01\t2024-05-04\tchecked-in\n\(b)\t2\tD2\t2024-05-01\t2024-05-03\tactive\n")
        try ok(["noshow", b], at: "2024-05-02T09:00:00Z")
        #expect(try ok(["in-house", "--on", "2024-05-02"]) == "\(a)\t1\tD1\t2024-05-01\t2024-05-04\tchecked-in\n")
        let cancel = try failure(["cancel", a])
        #expect(cancel.stderr == "hotel: error: '\(a)' is checked-in; 'hotel cancel' takes only held or active bookings\n" && cancel.status == 1)
        // Leaving a day early: the last night is free again, and the departure is today.
        try ok(["checkout", a], at: "2024-05-03T08:00:00Z")
        #expect(try ok(["departures", "--on", "2024-05-03"]) == "\(a)\t1\tD1\t2024-05-01\t2024-05-03\tchecked-out\n")
        #expect(try ok(["free", "--from", "2024-05-03", "--to", "2024-05-04", "--type", "double"]) == "D1\nD2\n")
        #expect(try ok(["bookings", "--status", "no-show", "--status", "checked-out"]) == "\(a)\t1\tD1\t2024-05-01\t2024-05-03\tchecked-out\n\(b)\t2\tD2\t2024-05-01\t2024-05-03\tno-show\n")
        let bad = try failure(["bookings", "--status", "checkedin"])
        #expect(bad.status == 64 && bad.stderr.hasPrefix("hotel: error: unknown status 'checkedin' (did you mean 'checked-in'?)"))
    }

    @Test func blocksTakeARoomOutOfServiceAndAreListedApart() throws {
        try setUpTypes()
        let booked = try ok(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]).trimmingCharacters(in: .newlines)
        let refused = try failure(["block", "--room", "Blue", "--from", "2024-05-02", "--to", "2024-05-06"])
        #expect(refused.stderr.hasPrefix("hotel: error: room 'Blue' is not free for 2024-05-02..2024-05-06: booking \(booked) holds it"))
        let block = try ok(["block", "--room", "Blue", "--from", "2024-05-03", "--to", "2024-05-06", "--reason", "new carpet"]).trimmingCharacters(in: .newlines)
        #expect(block.hasPrefix("bl") && block.count == 10)
        let onto = try failure(["book", "--client", "2", "--room", "Blue", "--from", "2024-05-05", "--to", "2024-05-07"])
        #expect(onto.stderr == "hotel: error: room 'Blue' is out of service for 2024-05-05..2024-05-07: block \(block) takes it out for 2024-05-03..2024-05-06 (new carpet); 'hotel free --from 2024-05-05 --to 2024-05-07' lists free rooms\n")
        #expect(try ok(["free", "--from", "2024-05-04", "--to", "2024-05-05"]) == "D1\nD2\nS1\n")
        #expect(try ok(["blocks"]) == "\(block)\tBlue\t2024-05-03\t2024-05-06\tactive\tnew carpet\n")
        #expect(try ok(["bookings"]) == "\(booked)\t1\tBlue\t2024-05-01\t2024-05-03\tactive\n")
        let cancel = try failure(["cancel", block])
        #expect(cancel.stderr == "hotel: error: '\(block)' is a block, not a booking; 'hotel unblock \(block)' ends it\n")
        #expect(try ok(["unblock", block]) == "\(block)\n")
        #expect(try ok(["blocks", "--json"]) == #"{"blocks":[{"blockId":""# + block + #"","room":"Blue","arrival":"2024-05-03","departure":"2024-05-06","status":"ended","reason":"new carpet"}]}"# + "\n")
        #expect(try ok(["free", "--from", "2024-05-04", "--to", "2024-05-05"]) == "Blue\nD1\nD2\nS1\n")
    }

    @Test func aRepeatWithTheSameIdempotencyKeyPrintsTheSameIDAndRecordsNothing() throws {
        try setUpTypes()
        let arguments = ["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03", "--idempotency-key", "order-1"]
        let first = try ok(arguments)
        let size = sandbox.hotel.storeBytes()?.count
        #expect(try ok(arguments) == first)
        #expect(sandbox.hotel.storeBytes()?.count == size)
        let different = try failure(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-04", "--idempotency-key", "order-1"])
        #expect(different == .init(stdout: "", stderr: "hotel: error: idempotency key 'order-1' was used for booking \(first.trimmingCharacters(in: .newlines)) with other arguments\n", status: 1))
    }

    @Test func cancelKeepsItsReason() throws {
        try setUpTypes()
        let id = try ok(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"]).trimmingCharacters(in: .newlines)
        #expect(try ok(["cancel", id, "--reason", "flight cancelled"]) == "\(id)\n")
        #expect(try ok(["bookings", "--json"]).contains(#""status":"cancelled","reason":"flight cancelled"}"#))
    }

    @Test func tooLongStaysAndHugeValuesAreUsageErrorsQuotedShort() throws {
        try setUpTypes()
        let decades = try failure(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-01", "--to", "2042-05-01"])
        #expect(decades == .init(stdout: "", stderr: "hotel: error: the stay 2024-05-01..2042-05-01 has 6574 nights, more than the 366 a stay may have; check the year; see 'hotel book --help'\n", status: 64))
        let huge = String(repeating: "x", count: 100_000)
        let result = try failure(["book", "--client", huge, "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"])
        #expect(result.status == 64)
        #expect(result.stderr == "hotel: error: invalid client id '\(String(repeating: "x", count: 64))... (100000 characters)': it is longer than 64 characters; see 'hotel book --help'\n")
        let duration = try failure(["hold", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03", "--for", "15 minutes"])
        #expect(duration.status == 64 && duration.stderr.hasPrefix("hotel: error: invalid duration '15 minutes': expected a whole number and a unit, such as 90s, 15m, 2h or 1d"))
        let both = try failure(["hold", "--room", "Blue", "--type", "double", "--from", "2024-05-01", "--to", "2024-05-03"])
        #expect(both == .init(stdout: "", stderr: "hotel: error: give --room or --type, not both; see 'hotel hold --help'\n", status: 64))
        let clock = try failure(["rooms"], at: "yesterday")
        #expect(clock.status == 64 && clock.stderr == "hotel: error: HOTEL_NOW='yesterday' is not a time such as 2024-05-01T12:00:00Z; see 'hotel --help'\n")
    }

    @Test func aBatchRunsEveryWriteCommand() throws {
        try setUpTypes()
        let input = """
            hold --room Blue --from 2024-05-01 --to 2024-05-03 --client 5
            book --client 6 --type double --from 2024-05-01 --to 2024-05-03
            block --room S1 --from 2024-05-01 --to 2024-05-02 --reason 'deep clean'
            """
        let result = try hotel().run(["batch"], input: input + "\n")
        #expect(result.status == 0, "\(result)")
        let ids = result.lines
        #expect(ids.count == 3)
        let next = "confirm \(ids[0])\nchange \(ids[1]) --to 2024-05-04\nunblock \(ids[2])\ncheckin \(ids[1])\n"
        let second = try hotel().run(["batch"], input: next)
        #expect(second.lines == [ids[0], ids[1], ids[2], ids[1]], "\(second)")
        #expect(try ok(["verify"]).hasPrefix("ok: 11 events"))
    }
}
