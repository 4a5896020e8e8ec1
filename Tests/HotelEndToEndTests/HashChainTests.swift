import Foundation
import HotelTestSupport
import Testing

/// The hash chain as a user checks it: every line `hotel` writes carries the SHA-256 chain value of the lines
/// before it (checked here with Python's hashlib, through the README's script), `verify` names the line after
/// an edit, and an old store is chained from its next append on with its old lines kept byte for byte.
struct HashChainEndToEndTests {
    let sandbox = Sandbox()

    var hotel: HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-04-20T09:00:00Z"
        hotel.environment["TZ"] = "UTC"
        return hotel
    }

    func ok(_ arguments: [String]) throws -> String {
        let result = try hotel.run(arguments)
        #expect(result.status == 0, "\(arguments): \(result)")
        return result.stdout.trimmingCharacters(in: .newlines)
    }

    func log() throws -> String { String(decoding: try #require(hotel.storeBytes()), as: UTF8.self) }
    func write(_ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: hotel.storePath)) }

    /// A few rooms, bookings, a cancellation and a batch.
    func bookAFewRooms() throws {
        _ = try ok(["rooms", "add", "Blue", "Green", "Red"])
        _ = try ok(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"])
        let green = try ok(["book", "--client", "7", "--room", "Green", "--from", "2024-05-02", "--to", "2024-05-05"])
        _ = try ok(["cancel", green])
        let batch = try hotel.run(["batch"], input: "book --client 9 --room Red --from 2024-05-01 --to 2024-05-02\nbook --client 9 --room Red --from 2024-05-02 --to 2024-05-04\n")
        #expect(batch.status == 0, "\(batch)")
    }

    /// Each line's previousHash and the chain value before it, computed with Python's hashlib.
    func pythonChain() throws -> [[String]] {
        let script = """
            import hashlib, json, sys
            h = bytes(32)
            for line in open(sys.argv[1], 'rb'):
                print(json.loads(line).get('previousHash', '-'), h.hex())
                h = hashlib.sha256(h + line).digest()
            """
        var python = hotel
        python.environment["PATH"] = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let file = sandbox.path + "/chain.py"
        try Data(script.utf8).write(to: URL(fileURLWithPath: file))
        let run = try python.start(shell: "exec python3 '\(file)' '\(hotel.storePath)'").wait()
        #expect(run.status == 0, "\(run)")
        return run.lines.map { $0.split(separator: " ").map(String.init) }
    }

    @Test func everyLineCarriesTheChainValueOfTheLinesBeforeIt() throws {
        // Given a hotel with a few rooms and bookings, some in a batch,
        try bookAFewRooms()
        // when Python's hashlib follows the log, then each line's previousHash is the chain value before it,
        let chain = try pythonChain()
        #expect(chain.count == 8)
        #expect(chain.first?.first == String(repeating: "0", count: 64))
        for (i, pair) in chain.enumerated() { #expect(pair.count == 2 && pair[0] == pair[1], "line \(i + 1): \(pair)") }
        // the README's script agrees, and verify ends its summary with the same head.
        let head = try Repository.chainHead(hotel.storePath)
        #expect(head.count == 64)
        #expect(try ok(["verify"]) == "ok: 8 events, 3 rooms, 4 bookings (1 cancelled), last position 8, head \(head)")
        // `log` prints the lines byte for byte, and an import of them makes the same log, with the same head.
        let printed = try hotel.run(["log"])
        #expect(printed.stdout == (try log()))
        var copy = hotel
        copy.environment["HOTEL_STORE"] = sandbox.path + "/copy.jsonl"
        #expect(try copy.run(["import", "-"], input: printed.stdout).status == 0)
        #expect(FileManager.default.contents(atPath: sandbox.path + "/copy.jsonl") == hotel.storeBytes())
        #expect(try copy.run(["verify"]).stdout.hasSuffix(", head \(head)\n"))
    }

    @Test func aConsistentEditOfAnOldLineFailsVerifyAtTheNextLine() throws {
        // Given a chained log,
        try bookAFewRooms()
        let original = try log()
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // when line 4's stay (Blue's booking, nights nobody else holds) is changed by hand to a still valid one,
        #expect(lines[3].contains(#""departure":"2024-05-03""#))
        var edited = lines
        edited[3] = lines[3].replacingOccurrences(of: #""departure":"2024-05-03""#, with: #""departure":"2024-05-09""#)
        try write(edited.joined(separator: "\n"))
        // then verify exits 65 naming line 5, where the chain breaks, and nothing else,
        let result = try hotel.run(["verify"])
        #expect(result.status == 65)
        let offset = lines.prefix(4).reduce(0) { $0 + $1.utf8.count + 1 }
        let problems = result.lines
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("events.jsonl:5: byte \(offset): the hash chain breaks here: previousHash is ") == true, "\(result)")
        #expect(result.stderr.contains("events.jsonl is not sound: 1 problem"))
        // and so does the README's script.
        let python = try Repository.checkChain(hotel.storePath)
        #expect(python.status == 1)
        #expect(python.stderr == "line 5: the hash chain breaks here\n")
        // Import refuses it too.
        var copy = hotel
        copy.environment["HOTEL_STORE"] = sandbox.path + "/copy.jsonl"
        let imported = try copy.run(["import", hotel.storePath])
        #expect(imported.status == 65)
        #expect(imported.stderr.contains(":5: byte \(offset): the hash chain breaks here"), "\(imported)")
    }

    @Test func anOldStoreIsChainedFromItsNextAppendOnAndKeepsItsLines() throws {
        // Given the sample's first 111 lines, written before the chain (no line carries previousHash; the
        // sample's later lines, its money, were appended by a chaining version),
        let whole = try Data(contentsOf: Repository.sample)
        let ends = whole.indices.filter { whole[$0] == UInt8(ascii: "\n") }
        let sample = whole.prefix(ends[110] + 1)
        #expect(!String(decoding: sample, as: UTF8.self).contains("previousHash"))
        #expect(String(decoding: whole.dropFirst(sample.count), as: UTF8.self).split(separator: "\n").first?.contains("previousHash") == true)
        try sample.write(to: URL(fileURLWithPath: hotel.storePath))
        let oldHead = try Repository.chainHead(hotel.storePath)
        // when a room is added and a booking made,
        _ = try ok(["rooms", "add", "Annex"])
        _ = try ok(["book", "--client", "5", "--room", "Annex", "--from", "2024-06-01", "--to", "2024-06-03"])
        // then the old lines stand byte for byte, the first new one carries the hash of all of them,
        let bytes = try #require(hotel.storeBytes())
        #expect(bytes.prefix(sample.count) == sample)
        let added = String(decoding: bytes.dropFirst(sample.count), as: UTF8.self).split(separator: "\n")
        #expect(added.count == 2)
        #expect(added.first?.hasSuffix(#","previousHash":"\#(oldHead)"}"#) == true, "\(added)")
        // every line is where Python's hashlib puts it, and verify agrees on the head.
        let chain = try pythonChain()
        #expect(chain.prefix(111).allSatisfy { $0.first == "-" })
        for pair in chain.dropFirst(111) { #expect(pair[0] == pair[1]) }
        let head = try Repository.chainHead(hotel.storePath)
        #expect(try ok(["verify"]).hasSuffix("last position 113, head \(head)"))
    }

    @Test func theReadmeShowsTheChecker() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let script = try String(contentsOf: Repository.checkChain, encoding: .utf8)
        #expect(readme.contains("```python\n" + script + "```\n"))
    }
}
