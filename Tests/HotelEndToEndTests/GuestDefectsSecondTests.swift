import Foundation
import HotelTestSupport
import Testing

/// Issue 20's defects found by a second adversarial session, each as it was reported: a store reached
/// through a hard link keeping its own side file (a forget left the values), lookups that showed edited
/// values, combining marks the limit did not count, an import that wiped a profile, a CRLF blank line, a
/// mode not warned of, and a killed marker's copy that ordinary writes left.
struct GuestDefectsSecondTests {
    let sandbox = Sandbox()
    let now = "2026-12-03T10:00:00Z"
    var store: String { sandbox.hotel.storePath }

    @discardableResult
    func ok(_ arguments: [String]) throws -> String { try sandbox.ok(arguments, at: now) }
    func run(_ arguments: [String], input: String? = nil) throws -> HotelProcess.Result {
        let hotel = sandbox.hotel(now: now)
        return try input.map { try hotel.run(arguments, input: $0) } ?? hotel.run(arguments)
    }

    init() throws {
        try sandbox.ok(["rooms", "add", "A"], at: now)
    }

    /// 1. `ln s.jsonl hl.jsonl`; `--store hl.jsonl guests set 5`; `--store s.jsonl guests forget 5` exited 0
    /// and left the name in hl.jsonl.guests. A log with a second name is refused for guests (exit 74).
    @Test func aStoreReachedThroughAHardLinkIsRefusedForGuests() throws {
        let other = sandbox.path + "/hl.jsonl"
        #expect(link(store, other) == 0)
        let set = try run(["--store", other, "guests", "set", "5", "--name", "Hardlinksecret"])
        #expect(set.status == 74 && set.stderr.contains("has another hard link"), "\(set)")
        #expect(HotelEndToEndTests.filesContaining("Hardlinksecret", in: sandbox) == [])
        let forget = try run(["guests", "forget", "5"])
        #expect(forget.status == 74, "\(forget)")
        // The rest of the store works as before.
        #expect(try run(["book", "--client", "9", "--room", "A", "--from", "+1", "--nights", "1"]).status == 0)
    }

    /// 2. An edited side file (checksum wrong): `guests show` printed the edited name with exit 0, and the
    /// day lists and the calendar showed it without a warning.
    @Test func anEditedSideFileIsNeverShown() throws {
        try ok(["book", "--client", "42", "--room", "A", "--from", "2026-12-04", "--nights", "2"])
        try ok(["guests", "set", "42", "--name", "Ana"])
        let path = store + ".guests"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"Ana\"", with: "\"Eve\"").write(toFile: path, atomically: false, encoding: .utf8)
        let show = try run(["guests", "show", "42"])
        #expect(show.status == 65 && show.stdout == "" && show.stderr.contains("checksum does not match"), "\(show)")
        let arrivals = try run(["arrivals", "--on", "2026-12-04", "--json"])
        #expect(arrivals.status == 0 && !arrivals.stdout.contains("Eve") && arrivals.stderr.hasPrefix("hotel: warning: guests' names are not shown: "), "\(arrivals)")
        let calendar = try run(["calendar", "--from", "2026-12-04", "--nights", "3", "--color", "never"])
        #expect(!calendar.stdout.contains("Eve") && calendar.stderr.contains("guests' names are not shown"), "\(calendar)")
    }

    /// 3. Marks without a combining class (U+20DD, U+034F, Thai U+0E31, Devanagari U+0903, U+FE0F) were
    /// not counted: 199 of them passed.
    @Test(arguments: ["\u{20DD}", "\u{034F}", "\u{0E31}", "\u{0903}", "\u{FE0F}"])
    func everyKindOfMarkCountsTowardTheLimit(_ mark: String) throws {
        let flood = "x" + String(repeating: mark, count: 31)
        let name = try run(["guests", "set", "1", "--name", flood])
        #expect(name.status == 64 && name.stderr.contains("more than 30 combining marks in a row"), "\(name)")
        let room = try run(["rooms", "add", flood])
        #expect(room.status == 64, "\(room)")
        #expect(try run(["guests", "set", "1", "--name", "x" + String(repeating: mark, count: 30)]).status == 0)
    }

    /// (Minor) A line separator and a byte order mark passed inside a name.
    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{FEFF}"])
    func separatorsAndByteOrderMarksAreRefused(_ scalar: String) throws {
        let name = try run(["guests", "set", "1", "--name", "Ana" + scalar + "Müller"])
        #expect(name.status == 64 && name.stderr.contains("(U+\(String(scalar.unicodeScalars.first!.value, radix: 16, uppercase: true)))"), "\(name)")
    }

    /// 4. `{"client":"5","revision":"<current>"}` was imported (exit 0), wiping the name and e-mail the log's
    /// profile set names, and `verify` said ok.
    @Test func anImportedProfileMustHoldTheFieldsItsEventNames() throws {
        try ok(["guests", "set", "5", "--name", "Ana", "--email", "ana@example.com"])
        let export = try ok(["guests", "export"])
        let revision = try #require(export.split(separator: "\"").dropFirst(7).first)
        let before = FileManager.default.contents(atPath: store + ".guests")
        let wiped = try run(["guests", "import", "-"], input: "{\"client\":\"5\",\"revision\":\"\(revision)\"}\n")
        #expect(wiped == .init(stdout: "", stderr: "hotel: error: line 1 of stdin: client '5''s profile at revision \(revision) has no email, name, which the log records were set; nothing was imported\n", status: 1), "\(wiped)")
        #expect(FileManager.default.contents(atPath: store + ".guests") == before)
        #expect(try run(["guests", "import", "-"], input: export).status == 0)
    }

    /// 5. A blank line ending in CRLF was refused (exit 65), though blank LF lines are skipped.
    @Test func aBlankCRLFLineIsSkipped() throws {
        try ok(["guests", "set", "5", "--name", "Ana"])
        let export = try ok(["guests", "export"])
        #expect(try run(["guests", "import", "-"], input: "\r\n" + export.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n") == .init(stdout: "imported 1 profiles\n", stderr: "", status: 0))
    }

    /// 6. Modes 0400, 0700, 4600, 2600, 1600 gave no warning, against "a mode other than 0600".
    @Test(arguments: [0o400, 0o700, 0o4600, 0o2600, 0o1600] as [mode_t])
    func everyModeOtherThan0600IsWarnedOf(_ mode: mode_t) throws {
        try ok(["guests", "set", "5", "--name", "Ana"])
        #expect(chmod(store + ".guests", mode) == 0)
        let verify = try run(["verify"])
        #expect(verify.status == 0 && verify.stderr.contains("has mode 0\(String(mode, radix: 8)), not 0600 (read and write by its owner only)"), "\(verify)")
    }

    /// 7. A `<store>.guests.pending.tmp<pid>` left by a guests command killed before it renamed its marker
    /// survived a `book`; verify said the next command that writes removes it.
    @Test func aKilledMarkersCopyIsRemovedByTheNextWrite() throws {
        try ok(["guests", "set", "5", "--name", "Ana"])
        // A process that is gone (its pid far past any running one's).
        let copy = store + ".guests.pending.tmp999999"
        #expect(FileManager.default.createFile(atPath: copy, contents: Data()))
        #expect(try run(["verify"]).status == 65)
        try ok(["book", "--client", "9", "--room", "A", "--from", "+1", "--nights", "1"])
        #expect(!FileManager.default.fileExists(atPath: copy))
        #expect(try run(["verify"]).status == 0)
    }
}
