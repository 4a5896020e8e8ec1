import Foundation
import HotelTestSupport
import Testing

/// Issue 20, guests: profiles beside the log, found by name, forgotten without a trace.
struct GuestsTests {
    let sandbox = Sandbox()
    let now = "2026-12-03T10:00:00Z"

    @discardableResult
    func ok(_ arguments: [String]) throws -> String { try sandbox.ok(arguments, at: now) }

    func hotelWithGuests() throws {
        try ok(["rooms", "add", "Blue", "Green"])
        try ok(["guests", "set", "42", "--name", "Ana Müller", "--email", "ana@example.com", "--phone", "+41 22 123 45 67"])
        try ok(["guests", "set", "7", "--name", "中村 花子", "--phone", "+81 3-1234-5678"])
        try ok(["guests", "set", "9", "--name", "Νίκος Παπαδόπουλος", "--note", "quiet room"])
        try ok(["guests", "set", "5", "--name", "Aiko Nakamura"])
    }

    func filesContaining(_ text: String) -> [String] { HotelEndToEndTests.filesContaining(text, in: sandbox) }

    @Test func guestsAreListedByNameThenClientWithTheirFields() throws {
        try hotelWithGuests()
        #expect(try ok(["guests", "set", "42", "--note", "allergic to feathers"]) == "42\n")
        #expect(try ok(["guests"]) == """
            5\tAiko Nakamura\t\t
            42\tAna Müller\tana@example.com\t+41 22 123 45 67
            9\tΝίκος Παπαδόπουλος\t\t
            7\t中村 花子\t\t+81 3-1234-5678

            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ok(["guests", "--json"]).utf8)) as? [String: Any])
        let first = try #require((json["guests"] as? [[String: Any]])?[1])
        #expect(first["client"] as? String == "42" && first["note"] as? String == "allergic to feathers" && first["email"] as? String == "ana@example.com")
        // Nothing personal in the log or its cache.
        #expect(filesContaining("Müller").allSatisfy { $0.hasSuffix(".guests") }, "\(filesContaining("Müller"))")
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func findIgnoresCaseAndAccentsAndMatchesPhonesOnTheirDigits() throws {
        try hotelWithGuests()
        #expect(try ok(["guests", "find", "muller"]) == "42\tAna Müller\tana@example.com\t+41 22 123 45 67\n")
        #expect(try ok(["guests", "find", "NAKA"]) == "5\tAiko Nakamura\t\t\n")
        #expect(try ok(["guests", "find", "νικος"]).hasPrefix("9\t"))
        #expect(try ok(["guests", "find", "中村"]).hasPrefix("7\t"))
        #expect(try ok(["guests", "find", "3 1234 5678"]).hasPrefix("7\t"))
        #expect(try ok(["guests", "find", "EXAMPLE.com"]).hasPrefix("42\t"))
        #expect(try ok(["guests", "find", "nobody"]) == "")
    }

    @Test func showIsTheWholeRecordOfAPersonAndForgetErasesIt() throws {
        try hotelWithGuests()
        try ok(["settings", "set", "currency", "EUR"])
        let stay = try sandbox.id(["book", "--client", "42", "--room", "Blue", "--from", "2026-12-10", "--nights", "2", "--price", "90"], at: now)
        #expect(try ok(["guests", "show", "42"]) == """
            client\t42
            name\tAna Müller
            email\tana@example.com
            phone\t+41 22 123 45 67
            note\t
            \(stay)\t42\tBlue\t2026-12-10\t2026-12-12\tactive\tbalance 180.00

            """)
        #expect(try ok(["guests", "forget", "42", "--reason", "asked by mail"]) == "42\n")
        #expect(try ok(["guests", "show", "42"]).hasPrefix("client\t42\nforgotten\t2026-12-03T10:00:00Z\n\(stay)\t42\tBlue"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ok(["guests", "show", "42", "--json"]).utf8)) as? [String: Any])
        #expect(json["forgottenAt"] as? String == "2026-12-03T10:00:00Z" && json["name"] == nil && (json["stays"] as? [Any])?.count == 1)
        #expect(try ok(["guests", "find", "muller"]) == "")
        // No byte of the erased values is left in any file of the store's folder.
        for value in ["Ana Müller", "ana@example.com", "+41 22 123 45 67", "Müller"] { #expect(filesContaining(value) == [], "\(value): \(filesContaining(value))") }
        // A second forget is refused; a set starts a new profile.
        #expect(try sandbox.refused(["guests", "forget", "42"], at: now).stderr.contains("was forgotten at"))
        try ok(["guests", "set", "42", "--name", "A. M."])
        #expect(try ok(["guests", "show", "42"]).hasPrefix("client\t42\nname\tA. M.\nemail\t\n"))
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    /// Article 15: `show --json` holds, beside the values and the stays, every event of the log about the
    /// person (their profile's changes, the erasure's reason) or one of their stays (prices, payments with
    /// their method and reference, invoices), as `hotel log` prints them, in log order; the same read through
    /// the snapshot's index as through the whole log.
    @Test func showJSONHoldsEveryEventAboutThePersonAndTheirStays() throws {
        try hotelWithGuests()
        try ok(["settings", "set", "currency", "EUR"])
        try ok(["guests", "set", "42", "--note", "late arrival"])
        let stay = try sandbox.id(["book", "--client", "42", "--room", "Blue", "--from", "2026-12-10", "--nights", "2", "--price", "90"], at: now)
        let other = try sandbox.id(["book", "--client", "7", "--room", "Green", "--from", "2026-12-10", "--nights", "1", "--price", "80"], at: now)
        try ok(["pay", stay, "--amount", "50", "--method", "card", "--reference", "slip 7"])
        try ok(["charge", other, "--amount", "5", "--what", "parking"])
        try ok(["invoice", stay])
        try ok(["guests", "forget", "42", "--reason", "asked by mail"])

        /// The log's lines about client 42 or their stay, found by reading every line.
        func expectedEvents() throws -> [String] {
            try ok(["log"]).split(separator: "\n").map(String.init).filter { line in
                let event = try? #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let tags = event?["tags"] as? [String] ?? []
                return tags.contains("client:42") || tags.contains("booking:\(stay)")
            }
        }
        func shownEvents(cached: Bool) throws -> [String] {
            var hotel = sandbox.hotel(now: now)
            if cached { hotel.environment["HOTEL_CACHE_THRESHOLD"] = "0" }
            let shown = try hotel.run(["guests", "show", "42", "--json"])
            #expect(shown.status == 0 && shown.stderr == "", "\(shown)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
            let events = try #require(json["events"] as? [[String: Any]])
            return try events.map { String(decoding: try JSONSerialization.data(withJSONObject: $0, options: [.sortedKeys]), as: UTF8.self) }
        }
        func normalized(_ lines: [String]) throws -> [String] {
            try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: try JSONSerialization.jsonObject(with: Data($0.utf8)), options: [.sortedKeys]), as: UTF8.self) }
        }
        let expected = try normalized(try expectedEvents())
        let types = expected.compactMap { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])?["type"] as? String }
        #expect(types == ["GuestProfileSet", "GuestProfileSet", "RoomBooked", "PaymentRecorded", "InvoiceIssued", "GuestForgotten"])
        #expect(expected.contains { $0.contains("\"reference\":\"slip 7\"") && $0.contains("\"method\":\"card\"") })
        #expect(expected.contains { $0.contains("\"reason\":\"asked by mail\"") })
        // Read from the whole log (a log this short has no snapshot), then through the snapshot's index.
        #expect(!FileManager.default.fileExists(atPath: sandbox.hotel.storePath + ".cache"))
        #expect(try shownEvents(cached: false) == expected)
        #expect(try shownEvents(cached: true) == expected)
        #expect(FileManager.default.fileExists(atPath: sandbox.hotel.storePath + ".cache"))
        #expect(try shownEvents(cached: true) == expected)
    }

    @Test func theStaysOfTheGuestsFoundAreListedByGuest() throws {
        try hotelWithGuests()
        let ana = try sandbox.id(["book", "--client", "42", "--room", "Blue", "--from", "2026-12-03", "--nights", "2"], at: now)
        let aiko = try sandbox.id(["book", "--client", "5", "--room", "Green", "--from", "2026-12-03", "--nights", "1"], at: now)
        #expect(try ok(["bookings", "--guest", "MÜLLER"]) == "\(ana)\t42\tBlue\t2026-12-03\t2026-12-05\tactive\n")
        #expect(try ok(["arrivals", "--guest", "nakamura"]) == "\(aiko)\t5\tGreen\t2026-12-03\t2026-12-04\tactive\n")
        #expect(try ok(["in-house", "--on", "2026-12-03", "--guest", "nobody"]) == "")
        #expect(try sandbox.refused(["bookings", "--guest", ""], at: now, status: 64).stderr.contains("--guest"))
    }

    @Test func theDayListsTheAuditTheCalendarAndInvoicesShowTheGuestsName() throws {
        try hotelWithGuests()
        try ok(["settings", "set", "currency", "EUR"])
        let ana = try sandbox.id(["book", "--client", "42", "--room", "Blue", "--from", "2026-12-03", "--nights", "2", "--price", "90"], at: now)
        let other = try sandbox.id(["book", "--client", "8", "--room", "Green", "--from", "2026-12-03", "--nights", "1"], at: now)
        // Piped, the six fields as ever; a table adds the name; --json a "name" (null where none is known).
        let lines = "\(ana)\t42\tBlue\t2026-12-03\t2026-12-05\tactive\n\(other)\t8\tGreen\t2026-12-03\t2026-12-04\tactive\n"
        #expect(try ok(["arrivals"]) == lines)
        #expect(try sandbox.hotel(now: now).inTerminal("hotel arrivals") == """
            ID          CLIENT  ROOM   ARRIVAL     DEPARTURE   STATUS  NAME
            \(ana)  42      Blue   2026-12-03  2026-12-05  active  Ana Müller
            \(other)  8       Green  2026-12-03  2026-12-04  active

            """)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ok(["arrivals", "--json"]).utf8)) as? [String: Any])
        let stays = try #require(json["bookings"] as? [[String: Any]])
        #expect(stays.map { $0["name"] as? String } == ["Ana Müller", nil] && stays[1]["name"] is NSNull, "\(stays)")
        try ok(["checkin", ana])
        #expect(try sandbox.hotel(now: now).inTerminal("hotel in-house").contains("checked-in  Ana Müller\n"))
        #expect(try ok(["departures", "--on", "2026-12-05", "--json"]).contains("\"name\":\"Ana Müller\""))
        // The night audit: four fields piped, the name in a table and in --json.
        let audit = try sandbox.hotel(now: "2026-12-03T23:00:00Z").run(["audit", "--json"])
        #expect(audit.status == 1 && audit.stdout.contains("\"id\":\"\(other)\"") && audit.stdout.contains("\"name\":null"), "\(audit)")
        // The calendar's bar starts with the name; the client's id where none is known.
        var wide = sandbox.hotel(now: now)
        wide.environment["COLUMNS"] = "80"
        let chart = try wide.run(["calendar", "--from", "2026-12-03", "--nights", "3", "--color", "never"])
        #expect(chart.stdout.contains("  Blue   Ana M# . ") && chart.stdout.contains("  Green  8="), "\(chart.stdout)")
        try ok(["settings", "set", "name", "Hotel Beau-Rivage"])
        try ok(["checkout", ana, "--allow-balance"])
        let late = try sandbox.hotel(now: "2026-12-05T08:00:00Z").run(["audit", "--json"])
        #expect(!late.stdout.contains("Müller"), "\(late)")
        // The invoice says the guest's name, which its event never records.
        let invoice = try ok(["invoice", ana])
        #expect(invoice.contains("Booking: \(ana), client 42\nGuest: Ana Müller\n"), "\(invoice)")
        #expect(try ok(["invoice", ana, "--json"]).contains("\"name\":\"Ana Müller\""))
        #expect(!(try ok(["log"])).contains("Müller"))
        // Forgotten, the name is nowhere: not on the lists, the invoice or the chart.
        try ok(["guests", "forget", "42"])
        #expect(!(try ok(["invoice", ana])).contains("Guest:"))
        #expect(try ok(["invoice", ana, "--json"]).contains("\"name\":null"))
        #expect(try sandbox.hotel(now: now).inTerminal("hotel arrivals").hasPrefix("ID          CLIENT  ROOM   ARRIVAL     DEPARTURE   STATUS\n"))
    }

    @Test func badValuesAreUsageErrors() throws {
        try ok(["rooms", "add", "Blue"])
        for (option, value) in [("--email", "a@b@c"), ("--email", "a b@c"), ("--phone", "call me"), ("--name", String(repeating: "x", count: 201)), ("--note", String(repeating: "y", count: 501))] {
            let refused = try sandbox.refused(["guests", "set", "42", option, value], at: now, status: 64)
            #expect(refused.stderr.hasPrefix("hotel: error: invalid \(option) '"), "\(refused.stderr)")
        }
        #expect(try sandbox.refused(["guests", "set", "42"], at: now, status: 64).stderr.contains("give at least one of"))
        #expect(try sandbox.refused(["guests", "forget", "42"], at: now).stderr == "hotel: error: no profile of client '42'; 'hotel guests set 42 --name NAME' records one\n")
    }

    @Test func aClientIdLikeAnEmailAddressIsWarnedAbout() throws {
        try ok(["rooms", "add", "Blue"])
        let result = try sandbox.hotel(now: now).run(["book", "--client", "ana@example.com", "--room", "Blue", "--from", "2026-12-10", "--nights", "1"])
        #expect(result.status == 0)
        #expect(result.stderr == "hotel: warning: client id 'ana@example.com' contains '@': the log keeps client ids for ever, so keep them pseudonymous (a number, a loyalty code) and record personal data with 'hotel guests set'\n")
        // In a batch: once, naming the first line and how many more.
        let batch = try sandbox.hotel(now: now).run(["batch"], input: """
            book --client 7 --room Blue --from 2026-12-20 --nights 1
            book --client bo@example.com --room Blue --from 2026-12-21 --nights 1
            guests set cy@example.com --name Cy
            book --client=di@example.com --room Blue --from 2026-12-22 --nights 1

            """)
        #expect(batch.status == 0 && batch.stderr == "hotel: warning: line 2 of the batch (and 2 more lines): client id 'bo@example.com' contains '@': the log keeps client ids for ever, so keep them pseudonymous (a number, a loyalty code) and record personal data with 'hotel guests set'\n", "\(batch)")
    }

    @Test func exportAndImportMoveThePersonalDataTheLogDoesNotHold() throws {
        try hotelWithGuests()
        try ok(["guests", "forget", "9"])
        let export = try ok(["guests", "export"])
        #expect(export.split(separator: "\n").count == 3)
        #expect(!(try ok(["log"])).contains("Müller"))
        // A new store from the log alone knows the profiles but not their values; the export restores them.
        let other = Sandbox()
        var restored = other.hotel(now: now)
        #expect(try restored.run(["import", "-"], input: try ok(["log"])).status == 0)
        #expect(try restored.run(["guests"]).stdout == "42\t\t\t\n5\t\t\t\n7\t\t\t\n")
        #expect(try restored.run(["guests", "import", "-"], input: export) == .init(stdout: "imported 3 profiles\n", stderr: "", status: 0))
        #expect(try restored.run(["guests"]).stdout == (try ok(["guests"])))
        // A profile the log does not know is refused whole.
        let unknown = export + "{\"client\":\"77\",\"revision\":\"0123456789abcdef\",\"name\":\"X\"}\n"
        restored = other.hotel(now: now)
        let refused = try restored.run(["guests", "import", "-"], input: unknown)
        #expect(refused.status == 1 && refused.stdout == "", "\(refused)")
        #expect(try restored.run(["verify"]).stdout.hasPrefix("ok:"))
    }

    /// An import refused names the line (blank lines counted) and why, and writes nothing.
    @Test func importRefusesAFileNamingTheLineAndTheReason() throws {
        try hotelWithGuests()
        let export = try ok(["guests", "export"])
        let lines = export.split(separator: "\n").map(String.init)
        let first = try #require(lines.first)
        #expect(first.hasPrefix("{\"client\":\"42\",\"revision\":\""))
        let revision = String(first.dropFirst("{\"client\":\"42\",\"revision\":\"".count).prefix(16))
        let sideFile = sandbox.hotel.storePath + ".guests"
        try ok(["guests", "set", "77", "--name", "Later"])
        try ok(["guests", "forget", "77"])
        let afterForget = FileManager.default.contents(atPath: sideFile)
        func refused(_ text: String, status: Int32, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let result = try sandbox.hotel(now: now).run(["guests", "import", "-"], input: text)
            #expect(result == .init(stdout: "", stderr: "hotel: error: \(message)\n", status: status), sourceLocation: sourceLocation)
            #expect(FileManager.default.contents(atPath: sideFile) == afterForget, sourceLocation: sourceLocation)
        }
        try refused("\n" + lines[1] + "\n" + first.replacingOccurrences(of: "\"name\"", with: "\"birthday\":\"1980-01-01\",\"name\"") + "\n", status: 65,
                    "line 3 of stdin: unknown field 'birthday' (a profile has client, revision, name, email, phone and note); nothing was imported")
        try refused(first.replacingOccurrences(of: "ana@example.com", with: "ana at example.com") + "\n", status: 65,
                    "line 1 of stdin: invalid email 'ana at example.com': expected an address with one '@' and no white space, such as ana@example.com; nothing was imported")
        try refused(export + "\n" + first + "\n", status: 65, "line \(lines.count + 2) of stdin: a second profile of client '42' (line 1); nothing was imported")
        try refused("[1]\n", status: 65, "line 1 of stdin: not a guest's profile as 'hotel guests export' writes it (a JSON object with client and revision); nothing was imported")
        try refused(lines[1] + "\n" + first.replacingOccurrences(of: revision, with: "0123456789abcdef") + "\n", status: 1,
                    "line 2 of stdin: client '42''s profile at revision 0123456789abcdef is not the one the log records (\(revision)): the export is of another store or an older state; nothing was imported")
        try refused("{\"client\":\"77\",\"revision\":\"0123456789abcdef\",\"name\":\"X\"}\n", status: 1,
                    "line 1 of stdin: client '77' was forgotten at 2026-12-03T10:00:00Z: their values are not restored; nothing was imported")
        try refused("{\"client\":\"404\",\"revision\":\"0123456789abcdef\",\"name\":\"X\"}\n", status: 1,
                    "line 1 of stdin: the log records no profile of client '404' (import the log first: 'hotel log | hotel --store NEW import -'); nothing was imported")
        // Blank lines and the whole export again are fine.
        #expect(try sandbox.hotel(now: now).run(["guests", "import", "-"], input: "\n" + export + "\n") == .init(stdout: "imported 4 profiles\n", stderr: "", status: 0))
    }

    @Test func twoProcessesSettingOneProfileAtOnceBothLand() throws {
        try ok(["rooms", "add", "Blue"])
        try ok(["guests", "set", "42", "--name", "Ana"])
        for round in 0..<5 {
            let gate = StartGate(in: sandbox.path + "/")
            var hotel = sandbox.hotel
            hotel.environment["HOTEL_NOW"] = now
            let a = try hotel.start(["guests", "set", "42", "--email", "ana\(round)@example.com"], after: gate)
            let b = try hotel.start(["guests", "set", "42", "--phone", "+41 \(round)"], after: gate)
            gate.release(2)
            #expect(a.wait().status == 0 && b.wait().status == 0)
            #expect(try ok(["guests"]) == "42\tAna\tana\(round)@example.com\t+41 \(round)\n")
            try FileManager.default.removeItem(atPath: gate.path)
        }
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func aBatchSetsAndForgetsProfilesAndAnAllOrNothingRefusalLeavesNoValues() throws {
        try hotelWithGuests()
        var hotel = sandbox.hotel(now: now)
        let batch = """
            guests set 42 --phone "+41 79 000 00 00"
            guests set 11 --name "Zoë Ålund" --email zoe@example.org
            guests set 12 --name "Temporary Person"
            guests forget 12 --reason "asked at the desk"
            guests forget 9

            """
        #expect(try hotel.run(["batch"], input: batch) == .init(stdout: "42\n11\n12\n12\n9\n", stderr: "", status: 0))
        #expect(try ok(["guests"]) == """
            5\tAiko Nakamura\t\t
            42\tAna Müller\tana@example.com\t+41 79 000 00 00
            11\tZoë Ålund\tzoe@example.org\t
            7\t中村 花子\t\t+81 3-1234-5678

            """)
        // What the batch forgot is in no file once it exits, nor the phone it replaced.
        for value in ["Temporary Person", "Παπαδόπουλος", "+41 22 123 45 67"] { #expect(filesContaining(value) == [], "\(value): \(filesContaining(value))") }
        // An all-or-nothing batch refused at its second line records nothing and leaves none of its values.
        let refused = try hotel.run(["batch", "--atomic"], input: "guests set 13 --name \"Never Kept\"\nguests forget 5\nbook --client 13 --room Nowhere --from 2026-12-10 --nights 1\n")
        #expect(refused.status == 1 && refused.stdout == "" && refused.stderr.hasPrefix("hotel: error: line 3 of the batch: unknown room 'Nowhere'"), "\(refused)")
        #expect(filesContaining("Never Kept") == [])
        #expect(try ok(["guests", "find", "aiko"]) == "5\tAiko Nakamura\t\t\n")
        // A batch line's guests command is refused as on the command line, and the others run.
        let mixed = try hotel.run(["batch"], input: "guests forget 404\nguests set 14 --name Kim\n")
        #expect(mixed.stdout == "error: no profile of client '404'; 'hotel guests set 404 --name NAME' records one\n14\n" && mixed.status == 1, "\(mixed)")
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func verifyReportsADamagedSideFileAndWhatTheLogDoesNotKnow() throws {
        try hotelWithGuests()
        let path = sandbox.hotel.storePath + ".guests"
        var bytes = try #require(FileManager.default.contents(atPath: path))
        bytes[10] ^= 0x20
        try bytes.write(to: URL(fileURLWithPath: path))
        let verify = try sandbox.hotel(now: now).run(["verify"])
        #expect(verify.status == 65 && verify.stdout.contains("checksum does not match"), "\(verify)")
        // A command that reads it says which file is damaged and how to mend it (not "corrupt event log").
        let listed = try sandbox.hotel(now: now).run(["guests"])
        #expect(listed == .init(stdout: "", stderr: """
            hotel: error: the guests' side file 'events.jsonl.guests' is damaged: its checksum does not match its content (it was damaged or edited) \
            (restore it from a backup, or its values with 'hotel guests import'; 'hotel verify' checks it)

            """, status: 65), "\(listed)")
    }
}

/// Every file under `sandbox` (the store's folder: log, cache, side file, temporaries) that contains `text`.
func filesContaining(_ text: String, in sandbox: Sandbox) -> [String] {
    let needle = Data(text.utf8)
    let files = FileManager.default.enumerator(atPath: sandbox.path)?.compactMap { $0 as? String } ?? []
    return files.filter { name in
        guard let data = FileManager.default.contents(atPath: sandbox.path + "/" + name) else { return false }
        return data.range(of: needle) != nil
    }
}

/// Processes killed with SIGKILL at random moments of `guests set` and `guests forget`: a profile whose
/// command exited 0 is never lost; a forgotten guest's data is never shown again, and the next command that
/// writes erases it; values the log does not know are never shown, and the next write removes them.
struct GuestCrashTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func killedGuestCommandsLoseNothingAndShowNothingForgotten(seed: UInt64) throws {
        let sandbox = Sandbox()
        let now = "2026-12-03T10:00:00Z"
        try sandbox.ok(["rooms", "add", "Blue"], at: now)
        var random = SplitMix(seed: seed)
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = now
        var mayShow: [String: Set<String>] = [:]  // client -> the names it may show: it must show one
        var mustNotShow = Set<String>()  // forgotten (exit 0), with no set tried since
        var namesOf: [String: Set<String>] = [:]
        var outcomes: [Bool: Int] = [:]
        for step in 0..<24 {
            let client = String(random.next() % 4)
            let forget = random.next() % 4 == 0 && mayShow[client] != nil
            let name = "Guest \(seed)-\(step)."
            let running = try hotel.start(forget ? ["guests", "forget", client] : ["guests", "set", client, "--name", name])
            if !forget { namesOf[client, default: []].insert(name) }
            // Kill it at a random moment (or let it finish).
            usleep(UInt32(random.next() % 40_000))
            kill(running.process.processIdentifier, SIGKILL)
            let exited = running.wait().status == 0
            outcomes[exited, default: 0] += 1
            switch (forget, exited) {
            case (true, true):
                mayShow[client] = nil
                mustNotShow.insert(client)
                // Once forget exits 0, no byte of what was set for the client is left in any file.
                for old in namesOf[client] ?? [] {
                    let files = filesContaining(old, in: sandbox)
                    #expect(files == [], "step \(step): \(old) left after forget: \(files.map { name in "\(name): " + String(decoding: FileManager.default.contents(atPath: sandbox.path + "/" + name) ?? Data(), as: UTF8.self) })")
                }
            case (true, false):
                mayShow[client] = nil  // gone or not: nothing to require
            case (false, true):
                mayShow[client] = [name]
                mustNotShow.remove(client)
            case (false, false):
                mayShow[client]?.insert(name)
                mustNotShow.remove(client)
            }
            let shown = try hotel.run(["guests", "--json"])
            #expect(shown.status == 0, "\(shown)")
            let guests = (try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])?["guests"] as? [[String: Any]] ?? []
            var names: [String: String] = [:]
            for guest in guests { if let c = guest["client"] as? String { names[c] = guest["name"] as? String ?? "" } }
            for (c, allowed) in mayShow { #expect(names[c].map(allowed.contains) == true, "step \(step): client \(c) shows \(names[c] ?? "nothing"), expected one of \(allowed)") }
            for c in mustNotShow { #expect(names[c] == nil, "step \(step): forgotten client \(c) shown") }
        }
        // Some finished, some were killed.
        #expect(outcomes[true, default: 0] > 0 && outcomes[false, default: 0] > 0, "\(outcomes)")
        // The next command that writes tidies what was left; then verify finds nothing.
        try sandbox.ok(["rooms", "add", "Green"], at: now)
        let verify = try hotel.run(["verify"])
        #expect(verify.status == 0, "\(verify)")
    }
}
