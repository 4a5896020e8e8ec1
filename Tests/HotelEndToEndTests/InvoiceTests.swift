import Foundation
import HotelTestSupport
import Testing

/// Issue 19, invoices: `hotel invoice ID [--credit] [--json]`, numbered gap-free per year, closing the folio.
struct InvoiceTests {
    let sandbox = Sandbox()
    let now = "2026-12-03T10:00:00Z"

    @discardableResult
    func ok(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.ok(arguments, at: time ?? now) }
    func id(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.id(arguments, at: time ?? now) }

    /// A checked-in stay of four nights (three at 120.00, one at 150.00), breakfast and a payment.
    func invoicedHotel() throws -> String {
        try ok(["rooms", "add", "Blue", "Green", "--type", "double"])
        for (key, value) in [("currency", "EUR"), ("name", "Hotel Bellevue"), ("address", "1 Lake Road, Geneva"), ("vat-rooms", "10"), ("vat-extras", "20")] {
            try ok(["settings", "set", key, value])
        }
        try ok(["rates", "set", "--type", "double", "--price", "120"])
        try ok(["rates", "set", "--type", "double", "--price", "150", "--from", "2026-12-05", "--nights", "1"])
        let guest = try id(["book", "--client", "42", "--room", "Blue", "--from", "2026-12-03", "--to", "2026-12-07"])
        try ok(["checkin", guest])
        try ok(["charge", guest, "--amount", "18.50", "--what", "breakfast"])
        try ok(["pay", guest, "--amount", "100", "--method", "card", "--reference", "slip 7"])
        return guest
    }

    @Test func anInvoiceSaysWhatTheStayCostsAndIsNumberedFirstOfTheYear() throws {
        let guest = try invoicedHotel()
        let invoice = try ok(["invoice", guest])
        #expect(invoice == """
            INV-2026-000001
            Invoice
            Hotel Bellevue
            1 Lake Road, Geneva
            Date: 2026-12-03
            Booking: \(guest), client 42
            Stay: 2026-12-03..2026-12-07, room Blue

            3 nights x 120.00                  360.00
            1 night x 150.00                   150.00
            breakfast (extra, 2026-12-03)       18.50
            -----------------------------------------
            Total                              528.50
            VAT 10% included                    46.36
            VAT 20% included                     3.08

            Payment 2026-12-03 (card slip 7)  -100.00
            -----------------------------------------
            Balance due                        428.50

            """)
        // Asked again: the same invoice, and nothing recorded.
        let before = sandbox.hotel.storeBytes()
        #expect(try ok(["invoice", guest], at: "2026-12-04T10:00:00Z") == invoice)
        #expect(sandbox.hotel.storeBytes() == before)
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func anInvoicedFolioIsClosedUntilACreditNoteOpensIt() throws {
        let guest = try invoicedHotel()
        try ok(["invoice", guest])
        for arguments in [["charge", guest, "--amount", "5", "--what", "x"], ["pay", guest, "--amount", "5"], ["refund", guest, "--amount", "5"], ["change", guest, "--to", "2026-12-08"]] {
            let refused = try sandbox.refused(arguments, at: now)
            #expect(refused.stderr == "hotel: error: booking '\(guest)' is invoiced (INV-2026-000001): its folio is closed to '\(arguments[0])'; 'hotel invoice \(guest) --credit' issues a credit note that opens it again\n")
        }
        let credit = try ok(["invoice", guest, "--credit"])
        #expect(credit.hasPrefix("INV-2026-000002\nCredit note, cancelling invoice INV-2026-000001\n"), "\(credit)")
        #expect(credit.contains("Total                          -528.50\n"), "\(credit)")
        try ok(["charge", guest, "--amount", "5", "--what", "water"])
        let again = try ok(["invoice", guest, "--json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(again.utf8)) as? [String: Any])
        #expect(json["number"] as? String == "INV-2026-000003" && json["kind"] as? String == "invoice" && json["total"] as? String == "533.50")
        #expect((json["charges"] as? [[String: Any]])?.map { $0["description"] as? String } == ["breakfast", "water"])
        #expect((json["vat"] as? [[String: Any]])?.map { $0["amount"] as? String } == ["46.36", "3.92"])
        #expect(json["balance"] as? String == "433.50")
        // A credit note with no open invoice is refused; so is one on a hold.
        try ok(["invoice", guest, "--credit"])
        #expect(try sandbox.refused(["invoice", guest, "--credit"], at: now).stderr == "hotel: error: booking '\(guest)' has no open invoice to credit; 'hotel invoice \(guest)' issues one\n")
        let hold = try id(["hold", "--client", "9", "--room", "Green", "--from", "2026-12-10", "--to", "2026-12-11"])
        #expect(try sandbox.refused(["invoice", hold], at: now).stderr.contains("invoice"), "a hold was invoiced")
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func theSequenceIsPerYearAndUsesThePrefixSet() throws {
        let guest = try invoicedHotel()
        try ok(["settings", "set", "invoice-prefix", "BV"])
        #expect(try ok(["invoice", guest]).hasPrefix("BV-2026-000001\n"))
        try ok(["invoice", guest, "--credit"], at: "2027-01-02T10:00:00Z")
        #expect(try ok(["invoice", guest], at: "2027-01-02T10:00:00Z").hasPrefix("BV-2027-000002\n"))
    }

    @Test func verifyFindsAnInvoiceNumberUsedTwiceOrOutOfSequence() throws {
        let guest = try invoicedHotel()
        try ok(["invoice", guest])
        let log = String(decoding: try #require(sandbox.hotel.storeBytes()), as: UTF8.self)
        let line = try #require(log.split(separator: "\n").last { $0.contains("\"InvoiceIssued\"") })
        // The same invoice again, under a new position, with no chain (an old-style line): its number repeats.
        var event = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let position = (event["position"] as? Int ?? 0) + 1
        event["position"] = position
        event.removeValue(forKey: "previousHash")
        let copy = String(decoding: try JSONSerialization.data(withJSONObject: event, options: [.sortedKeys]), as: UTF8.self)
        let unchained = log.split(separator: "\n").map { line -> String in
            guard var e = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return String(line) }
            e.removeValue(forKey: "previousHash")
            return String(decoding: try! JSONSerialization.data(withJSONObject: e, options: [.sortedKeys]), as: UTF8.self)
        }
        try (unchained + [copy]).joined(separator: "\n").appending("\n").write(toFile: sandbox.hotel.storePath, atomically: true, encoding: .utf8)
        let verify = try sandbox.hotel(now: now).run(["verify"])
        #expect(verify.status == 65, "\(verify)")
        #expect(verify.stdout.contains("invoice INV-2026-000001 is out of sequence: the next number of 2026 was 2"), "\(verify)")
        #expect(verify.stdout.contains("is issued while invoice INV-2026-000001 is open"), "\(verify)")
    }
}

/// Twenty processes invoicing twenty stays at once get twenty consecutive numbers, no gap, no repeat.
struct InvoiceConcurrencyTests {
    @Test func twentyProcessesInvoicingAtOnceGetConsecutiveNumbers() throws {
        let sandbox = Sandbox()
        let now = "2026-12-03T10:00:00Z"
        let rooms = (1...20).map { "R\($0)" }
        try sandbox.ok(["rooms", "add"] + rooms, at: now)
        try sandbox.ok(["settings", "set", "currency", "EUR"], at: now)
        try sandbox.ok(["rates", "set", "--type", "standard", "--price", "80"], at: now)
        let stays = try rooms.map { try sandbox.id(["book", "--client", "42", "--room", $0, "--from", "2026-12-03", "--to", "2026-12-05"], at: now) }
        let gate = StartGate(in: sandbox.path)
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = now
        let running = try stays.map { try hotel.start(["invoice", $0], after: gate) }
        gate.release(running.count)
        let results = running.map { $0.wait() }
        #expect(results.allSatisfy { $0.status == 0 && $0.stderr == "" }, "\(results)")
        let numbers = results.compactMap { $0.lines.first }.sorted()
        #expect(numbers == (1...20).map { String(format: "INV-2026-%06d", $0) })
        // Each stay has its own, as its invoice printed again says.
        for (stay, result) in zip(stays, results) { #expect(try sandbox.ok(["invoice", stay], at: now) == result.stdout) }
        #expect(try sandbox.ok(["verify"], at: now).hasPrefix("ok:"))
    }
}

/// What a review found in invoices and deposits, each as it was reported.
struct InvoiceDefectTests {
    let sandbox = Sandbox()
    let now = "2026-12-03T10:00:00Z"

    @discardableResult
    func ok(_ arguments: [String]) throws -> String { try sandbox.ok(arguments, at: now) }
    func id(_ arguments: [String]) throws -> String { try sandbox.id(arguments, at: now) }

    func hotel(_ currency: String = "EUR") throws {
        try ok(["rooms", "add", "A", "B"])
        try ok(["settings", "set", "currency", currency])
    }

    @Test func anInvoicedCancellationIsNotUndoneBackToAHold() throws {
        try hotel()
        let hold = try id(["hold", "--room", "A", "--from", "2026-12-10", "--nights", "1", "--price", "100", "--client", "c1"])
        try ok(["cancel", hold])
        try ok(["invoice", hold])
        let refused = try sandbox.refused(["undo", hold], at: now)
        #expect(refused.stderr == "hotel: error: booking '\(hold)' is invoiced (INV-2026-000001): its folio is closed to 'undo'; 'hotel invoice \(hold) --credit' issues a credit note that opens it again\n")
        try ok(["invoice", hold, "--credit"])
        try ok(["undo", hold])
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func zeroAmountsOnAnInvoiceCarryTheMinorDigits() throws {
        try hotel("USD")
        try ok(["settings", "set", "vat-rooms", "10"])
        let stay = try id(["book", "--client", "1", "--room", "A", "--from", "2026-12-10", "--nights", "1"])
        let text = try ok(["invoice", stay])
        #expect(text.contains("\nTotal             0.00\n") && text.contains("\nVAT 10% included  0.00\n") && text.hasSuffix("\nBalance due       0.00\n"), "\(text)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(try ok(["invoice", stay, "--json"]).utf8)) as? [String: Any])
        #expect(json["total"] as? String == "0.00" && json["balance"] as? String == "0.00")
    }

    @Test func payClientIsCheckedOnEveryPaymentAndRefusedWhenItConfirmsNothing() throws {
        try hotel()
        let hold = try id(["hold", "--room", "A", "--from", "2026-12-10", "--nights", "1", "--price", "100", "--deposit", "50", "--client", "c1"])
        #expect(try sandbox.refused(["pay", hold, "--amount", "10", "--client", "c9"], at: now).stderr.contains("'c1'"))
        let booking = try id(["book", "--room", "B", "--from", "2026-12-10", "--nights", "1", "--client", "c2"])
        #expect(try sandbox.refused(["pay", booking, "--amount", "10", "--client", "c9"], at: now).stderr.contains("does not confirm a hold"))
        let anonymous = try id(["hold", "--room", "B", "--from", "2026-12-20", "--nights", "1", "--price", "100", "--deposit", "50"])
        #expect(try sandbox.refused(["pay", anonymous, "--amount", "20", "--client", "c9"], at: now).stderr.contains("does not confirm a hold"))
        #expect(try id(["pay", anonymous, "--amount", "50", "--client", "c9"]) == anonymous)
        #expect(try ok(["bookings", "--client", "c9"]).hasPrefix("\(anonymous)\tc9\tB\t"))
    }

    @Test func aCheckOutRefusedForTheBalanceOfAnInvoiceSaysWhatCanBeDone() throws {
        try hotel()
        let stay = try id(["book", "--client", "1", "--room", "A", "--from", "2026-12-03", "--nights", "1", "--price", "80"])
        try ok(["checkin", stay])
        try ok(["invoice", stay])
        let refused = try sandbox.refused(["checkout", stay], at: "2026-12-04T10:00:00Z")
        #expect(refused.stderr == "hotel: error: booking '\(stay)' has a balance of 80.00 to pay, on invoice INV-2026-000001; give --allow-balance to check out anyway, or 'hotel invoice \(stay) --credit' opens the folio for a payment\n")
    }

    @Test func aCreditNoteHasNoBalanceDue() throws {
        try hotel()
        let stay = try id(["book", "--client", "1", "--room", "A", "--from", "2026-12-03", "--nights", "1", "--price", "80"])
        try ok(["invoice", stay])
        let credit = try ok(["invoice", stay, "--credit"])
        #expect(!credit.contains("Balance due") && credit.hasSuffix("Total            -80.00\n"), "\(credit)")
    }
}
