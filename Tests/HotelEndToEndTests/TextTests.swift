import Foundation
import HotelTestSupport
import Testing

/// Issue item 8 with the real binary: equivalent spellings are one name (NFC at the edge, bytes compared
/// everywhere), with the cache deleted before every command and with it built after every change; invalid
/// UTF-8 and bidirectional controls are refused (exit 64) and record nothing.
struct TextTests {
    let sandbox = Sandbox()

    static let decomposed = Array("e\u{301}".utf8)  // e + COMBINING ACUTE ACCENT
    static let composed = Array("\u{e9}".utf8)  // é, the NFC form

    var cachePath: String { sandbox.hotel.storePath + ".cache" }

    func hotel(cached: Bool) -> HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-04-20T10:00:00Z"
        hotel.environment["TZ"] = "UTC"
        hotel.environment["HOTEL_STORE"] = sandbox.hotel.storePath
        hotel.environment["HOTEL_CACHE_THRESHOLD"] = cached ? "0" : "1000000000"
        return hotel
    }

    /// Runs with raw argument bytes, deleting the cache first unless `cached`.
    func run(_ arguments: [[UInt8]], cached: Bool, input: [UInt8] = []) throws -> HotelProcess.Result {
        if !cached { try? FileManager.default.removeItem(atPath: cachePath) }
        return try hotel(cached: cached).run(rawArguments: arguments, input: input)
    }

    static func words(_ text: String) -> [[UInt8]] { text.split(separator: " ").map { Array($0.utf8) } }

    @Test(arguments: [false, true])
    func bothSpellingsAreOneRoom(cached: Bool) throws {
        let added = try run(Self.words("rooms add") + [Self.decomposed], cached: cached)
        #expect(added == .init(stdout: "\u{e9}\n", stderr: "", status: 0))
        let again = try run(Self.words("rooms add") + [Self.composed], cached: cached)
        #expect(again == .init(stdout: "", stderr: "hotel: error: room '\u{e9}' already exists\n", status: 1))
        let first = try run(Self.words("book --client 1 --from 2024-05-01 --to 2024-05-03 --room") + [Self.composed], cached: cached)
        #expect(first.status == 0, "\(first)")
        let second = try run(Self.words("book --client 2 --from 2024-05-01 --to 2024-05-03 --room") + [Self.decomposed], cached: cached)
        #expect(second.status == 1 && second.stderr.hasPrefix("hotel: error: room '\u{e9}' is not free"), "\(second)")
        let listed = try run(Self.words("rooms"), cached: cached)
        #expect(Array(listed.stdout.utf8) == Self.composed + [10])
        #expect(try run(Self.words("bookings --room") + [Self.decomposed], cached: cached).lines.count == 1)
        // The log holds the NFC bytes, once.
        let log = try #require(sandbox.hotel.storeBytes())
        #expect(!log.contains(Data(Self.decomposed)))
        #expect(try run(Self.words("verify"), cached: cached).status == 0)
        #expect(FileManager.default.fileExists(atPath: cachePath) == cached)
    }

    /// A log written before normalization may hold both spellings: they are two rooms, and a replay and
    /// the cache say so alike (bytes compared everywhere); what a person types (NFC) names the NFC one.
    @Test func anOldLogWithBothSpellingsReadsAlikeWithAndWithoutTheCache() throws {
        let lines = [
            #"{"position":1,"type":"RoomAdded","tags":["room:e\#u{301}"],"data":{"room":"e\#u{301}","type":"standard"},"recordedAt":"2024-04-01T10:00:00Z"}"#,
            #"{"position":2,"type":"RoomAdded","tags":["room:\#u{e9}"],"data":{"room":"\#u{e9}","type":"standard"},"recordedAt":"2024-04-01T10:00:01Z"}"#,
            #"{"position":3,"type":"RoomBooked","tags":["booking:bkaaaaaaaa","room:e\#u{301}","client:1"],"data":{"bookingId":"bkaaaaaaaa","client":"1","room":"e\#u{301}","arrival":"2024-05-01","departure":"2024-05-03"},"recordedAt":"2024-04-01T10:00:02Z"}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: sandbox.hotel.storePath, atomically: true, encoding: .utf8)
        var answers: [[String]] = []
        for cached in [false, true, true] {
            answers.append([
                try run(Self.words("rooms"), cached: cached).stdout,
                try run(Self.words("free --from 2024-05-01 --to 2024-05-02"), cached: cached).stdout,
                try run(Self.words("bookings"), cached: cached).stdout,
                try run(Self.words("verify"), cached: cached).stdout,
            ])
        }
        // Compared as bytes: Swift's == on strings would take the two spellings as equal.
        let bytes = answers.map { $0.map { Array($0.utf8) } }
        #expect(bytes[0][0] == Self.decomposed + [10] + Self.composed + [10])
        #expect(bytes[0][1] == Self.composed + [10])
        #expect(bytes[0][2] == Array("bkaaaaaaaa\t1\te\u{301}\t2024-05-01\t2024-05-03\tactive\n".utf8))
        #expect(answers[0][3].hasPrefix("ok: 3 events, 2 rooms, 1 bookings"), "\(answers[0][3])")
        #expect(bytes[1] == bytes[0] && bytes[2] == bytes[0])
        #expect(FileManager.default.fileExists(atPath: cachePath))
        // The NFC room is free, so a booking of it (typed either way) is taken.
        #expect(try run(Self.words("book --client 2 --from 2024-05-01 --to 2024-05-03 --room") + [Self.decomposed], cached: true).status == 0)
    }

    @Test func invalidUTF8ArgumentsAreRefused() throws {
        #expect(try run(Self.words("rooms add Blue"), cached: false).status == 0)
        let before = sandbox.hotel.storeBytes()
        let ff = try run(Self.words("rooms add") + [Array("Suite".utf8) + [0xFF]], cached: false)
        #expect(ff == .init(stdout: "", stderr: "hotel: error: argument 3 is not valid UTF-8: 'Suite\\xff'; see 'hotel --help'\n", status: 64))
        let fe = try run(Self.words("book --client") + [[0x34, 0xFE]] + Self.words("--room Blue --from 2024-05-01 --to 2024-05-02"), cached: false)
        #expect(fe == .init(stdout: "", stderr: "hotel: error: argument 3 is not valid UTF-8: '4\\xfe'; see 'hotel --help'\n", status: 64))
        // An overlong encoding and a lone continuation byte are not UTF-8 either.
        #expect(try run(Self.words("rooms add") + [[0xC0, 0xAF]], cached: false).status == 64)
        #expect(try run(Self.words("rooms add") + [[0x80]], cached: false).status == 64)
        #expect(sandbox.hotel.storeBytes() == before)
    }

    @Test func aBatchLineThatIsNotUTF8RefusesTheBatch() throws {
        #expect(try run(Self.words("rooms add Blue"), cached: false).status == 0)
        let before = sandbox.hotel.storeBytes()
        let input = Array("rooms add Green\n# a comment\nrooms add Suite".utf8) + [0xFF] + Array("\n".utf8)
        let result = try run(Self.words("batch"), cached: false, input: input)
        #expect(result == .init(stdout: "", stderr: "hotel: error: line 3 of the batch is not valid UTF-8: 'rooms add Suite\\xff'; see 'hotel batch --help'\n", status: 64))
        #expect(sandbox.hotel.storeBytes() == before)
    }

    @Test func bidirectionalControlsAreRefused() throws {
        #expect(try run(Self.words("rooms add Blue"), cached: false).status == 0)
        let before = sandbox.hotel.storeBytes()
        let rlo = Array("Blue\u{202E}".utf8), lri = Array("a\u{2066}b".utf8)
        let room = try run(Self.words("rooms add") + [rlo], cached: false)
        #expect(room == .init(stdout: "", stderr: "hotel: error: invalid room name 'Blue\\u{202e}': it contains a bidirectional control character (U+202E); see 'hotel rooms add --help'\n", status: 64))
        let type = try run(Self.words("rooms add Green --type") + [lri], cached: false)
        #expect(type.status == 64 && type.stderr == "hotel: error: invalid room type 'a\\u{2066}b': it contains a bidirectional control character (U+2066); see 'hotel rooms add --help'\n")
        let client = try run(Self.words("book --room Blue --from 2024-05-01 --to 2024-05-02 --client") + [lri], cached: false)
        #expect(client.status == 64 && client.stderr.hasPrefix("hotel: error: invalid client id 'a\\u{2066}b': it contains a bidirectional control character (U+2066)"))
        let key = try run(Self.words("book --client 1 --room Blue --from 2024-05-01 --to 2024-05-02 --idempotency-key") + [Array("k\u{2069}".utf8)], cached: false)
        #expect(key.status == 64 && key.stderr.hasPrefix("hotel: error: invalid idempotency key 'k\\u{2069}': it contains a bidirectional control character (U+2069)"))
        let reason = try run(Self.words("block --room Blue --from 2024-05-01 --to 2024-05-02 --reason") + [Array("x\u{202A}y".utf8)], cached: false)
        #expect(reason.status == 64 && reason.stderr.hasPrefix("hotel: error: invalid reason 'x\\u{202a}y': it contains a bidirectional control character (U+202A)"))
        let batch = try run(Self.words("batch"), cached: false, input: Array("rooms add Blue\u{202D}\n".utf8))
        #expect(batch == .init(stdout: "", stderr: "hotel: error: line 1 of the batch: invalid room name 'Blue\\u{202d}': it contains a bidirectional control character (U+202D); see 'hotel rooms add --help'\n", status: 64), "\(batch)")
        #expect(sandbox.hotel.storeBytes() == before)
    }

    /// A flood of combining marks on one character (a "Zalgo" text) is one character long but hundreds of
    /// bytes: input may hold at most 30 in a row, as Unicode's Stream-Safe Text Format (UAX #15) allows.
    @Test func aFloodOfCombiningMarksIsRefused() throws {
        #expect(try run(Self.words("rooms add Blue"), cached: false).status == 0)
        let before = sandbox.hotel.storeBytes()
        let flood = "x" + String(repeating: "\u{0301}", count: 31), most = "x" + String(repeating: "\u{0301}", count: 30)
        let name = try run(Self.words("guests set 1 --name") + [Array(flood.utf8)], cached: false)
        #expect(name.status == 64 && name.stderr.hasPrefix("hotel: error: invalid --name '") && name.stderr.contains("': it has more than 30 combining marks in a row; "), "\(name)")
        let client = try run(Self.words("book --room Blue --from 2024-05-01 --to 2024-05-02 --client") + [Array(flood.utf8)], cached: false)
        #expect(client.status == 64 && client.stderr.hasPrefix("hotel: error: invalid client id '") && client.stderr.contains("it has more than 30 combining marks in a row"), "\(client)")
        #expect(sandbox.hotel.storeBytes() == before)
        #expect(try run(Self.words("guests set 1 --name") + [Array(most.utf8)], cached: false).status == 0)
    }
}
