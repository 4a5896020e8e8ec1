import Foundation
import HotelTestSupport
import Testing

/// Issue 19, the stay's price and its folio: prices fixed when booked, `hotel folio`, `charge`, `pay`,
/// `refund`, `balances`, fees on `cancel` and `noshow`, and `checkout` with a balance.
struct FolioTests {
    let sandbox = Sandbox()
    let now = "2024-05-01T10:00:00Z"

    @discardableResult
    func ok(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.ok(arguments, at: time ?? now) }
    func id(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.id(arguments, at: time ?? now) }

    /// Blue and Green doubles at 100.00, 130.00 on Fridays and Saturdays; S1 a suite without rates.
    func pricedHotel() throws {
        try ok(["rooms", "add", "Blue", "Green", "--type", "double"])
        try ok(["rooms", "add", "S1", "--type", "suite"])
        try ok(["settings", "set", "currency", "EUR"])
        try ok(["rates", "set", "--type", "double", "--price", "100"])
        try ok(["rates", "set", "--type", "double", "--price", "130", "--days", "fri,sat"])
    }

    @Test func aBookingFixesItsPriceNightByNight() throws {
        try pricedHotel()
        let guest = try id(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-05"])
        let folio = """
            2024-05-01\troom\tnight in Blue\t100.00
            2024-05-02\troom\tnight in Blue\t100.00
            2024-05-03\troom\tnight in Blue\t130.00
            2024-05-04\troom\tnight in Blue\t130.00
            balance\t460.00

            """
        #expect(try ok(["folio", guest]) == folio)
        // A later rate does not touch it.
        try ok(["rates", "set", "--type", "double", "--price", "500"])
        #expect(try ok(["folio", guest]) == folio)
        #expect(try ok(["folio", guest.uppercased()]) == folio)
        let json = try ok(["folio", guest, "--json"])
        #expect(json.hasPrefix(#"{"booking":"\#(guest)","lines":[{"day":"2024-05-01","kind":"room","description":"night in Blue","amount":"100.00"}"#))
        #expect(json.hasSuffix(#""balance":"460.00"}"# + "\n"))
    }

    @Test func aNegotiatedPriceATypeWithoutRatesAndANightWithoutOne() throws {
        try pricedHotel()
        let deal = try id(["book", "--client", "9", "--type", "double", "--from", "2024-05-01", "--nights", "2", "--price", "80"])
        #expect(try ok(["folio", deal]).hasSuffix("\t80.00\nbalance\t160.00\n"))
        // A suite has no rates: booked as before money, without a price.
        let suite = try id(["book", "--client", "7", "--room", "S1", "--from", "2024-05-01", "--nights", "2"])
        #expect(try ok(["folio", suite]) == "balance\t0.00\n")
        try ok(["rates", "set", "--type", "suite", "--price", "300", "--from", "2024-06-01", "--nights", "2"])
        let gap = try sandbox.refused(["book", "--client", "7", "--room", "S1", "--from", "2024-06-01", "--nights", "3"], at: now)
        #expect(gap.stderr == "hotel: error: no rate of type 'suite' for the night of 2024-06-03; 'hotel rates set --type suite --price AMOUNT' sets one\n")
        #expect(try sandbox.refused(["book", "--client", "7", "--room", "S1", "--from", "2024-06-01", "--nights", "3", "--price", "12.345"], at: now, status: 64).stderr.contains("invalid amount '12.345'"))
        try ok(["hold", "--room", "S1", "--from", "2024-06-01", "--nights", "3", "--price", "250"])
    }

    @Test func aChangeKeepsThePricesOfTheNightsItKeeps() throws {
        try pricedHotel()
        let guest = try id(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"])
        try ok(["rates", "set", "--type", "double", "--price", "110"])
        try ok(["change", guest, "--to", "2024-05-04"])
        #expect(try ok(["folio", guest]) == "2024-05-01\troom\tnight in Blue\t100.00\n2024-05-02\troom\tnight in Blue\t100.00\n2024-05-03\troom\tnight in Blue\t110.00\nbalance\t310.00\n")
        // Moved to a suite: its nights are priced anew, at the suite's rates.
        try ok(["rates", "set", "--type", "suite", "--price", "300"])
        try ok(["change", guest, "--room", "S1"])
        #expect(try ok(["folio", guest]).hasSuffix("balance\t900.00\n"))
        #expect(try sandbox.hotel(now: now).run(["verify"]).status == 0)
    }

    @Test func chargesPaymentsRefundsAndBalances() throws {
        try pricedHotel()
        let guest = try id(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-03"])
        #expect(try ok(["charge", guest, "--amount", "18.5", "--what", "breakfast", "--on", "2024-05-02"]) == guest + "\n")
        try ok(["pay", guest, "--amount", "100", "--method", "card", "--reference", "slip 1"])
        try ok(["pay", guest, "--amount", "150"])
        try ok(["refund", guest, "--amount", "31.50", "--method", "cash"])
        #expect(try ok(["folio", guest]) == """
            2024-05-01\troom\tnight in Blue\t100.00
            2024-05-02\troom\tnight in Blue\t100.00
            2024-05-02\textra\tbreakfast\t18.50
            2024-05-01\tpayment\tcard slip 1\t-100.00
            2024-05-01\tpayment\tother\t-150.00
            2024-05-01\trefund\tcash\t31.50
            balance\t0.00

            """)
        let tooMuch = try sandbox.refused(["refund", guest, "--amount", "218.51"], at: now)
        #expect(tooMuch.stderr == "hotel: error: booking '\(guest)' has 218.50 paid and not refunded: a refund is at most that\n")
        try ok(["pay", guest, "--amount", "5"])
        // In credit: listed even though it is active.
        #expect(try ok(["balances"]) == "\(guest)\t42\tactive\t-5.00\n")
        #expect(try ok(["balances", "--json"]) == #"{"balances":[{"id":"\#(guest)","client":"42","status":"active","balance":"-5.00"}]}"# + "\n")
        for bad in [["pay", guest, "--amount", "0"], ["pay", guest, "--amount", "-5"], ["pay", guest, "--amount", "5", "--method", "cheque"], ["charge", guest, "--amount", "5"]] {
            #expect(try sandbox.refused(bad, at: now, status: 64).stderr.hasPrefix("hotel: error: "), "\(bad)")
        }
        #expect(try sandbox.hotel(now: now).run(["verify"]).status == 0)
    }

    @Test func aCheckOutWithABalanceToPayIsRefusedUnlessAllowed() throws {
        try pricedHotel()
        let guest = try id(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--to", "2024-05-05"])
        try ok(["checkin", guest])
        try ok(["pay", guest, "--amount", "150"])
        let leaving = "2024-05-03T09:00:00Z"
        // Leaving early: two nights are charged, not four.
        let refused = try sandbox.refused(["checkout", guest], at: leaving)
        #expect(refused.stderr == "hotel: error: booking '\(guest)' has a balance of 50.00 to pay; 'hotel pay \(guest) --amount 50.00' records a payment, or give --allow-balance to check out anyway\n")
        try ok(["checkout", guest, "--allow-balance"], at: leaving)
        #expect(try ok(["folio", guest], at: leaving).hasSuffix("balance\t50.00\n"))
        #expect(try ok(["balances"], at: leaving) == "\(guest)\t42\tchecked-out\t50.00\n")
        // A charge after the stay (the minibar found at cleaning) is still allowed.
        try ok(["charge", guest, "--amount", "7", "--what", "minibar"], at: leaving)
        let other = try id(["book", "--client", "5", "--room", "Green", "--from", "2024-05-01", "--nights", "1"])
        try ok(["checkin", other])
        try ok(["pay", other, "--amount", "100"])
        try ok(["checkout", other], at: "2024-05-02T09:00:00Z")
    }

    @Test func feesOnCancellationsAndNoShowsAndNothingTakenForAnEndedHold() throws {
        try pricedHotel()
        let cancelled = try id(["book", "--client", "1", "--room", "Blue", "--from", "2024-05-10", "--nights", "2"])
        try ok(["cancel", cancelled, "--fee", "40", "--reason", "late"])
        #expect(try ok(["folio", cancelled]) == "2024-05-01\tfee\tlate\t40.00\nbalance\t40.00\n")
        let absent = try id(["book", "--client", "2", "--room", "Green", "--from", "2024-05-01", "--nights", "2"])
        try ok(["noshow", absent, "--fee", "100"], at: "2024-05-02T09:00:00Z")
        #expect(try ok(["folio", absent], at: "2024-05-02T09:00:00Z") == "2024-05-02\tfee\tno-show\t100.00\nbalance\t100.00\n")
        #expect(try ok(["balances"], at: "2024-05-02T09:00:00Z") == "\(cancelled)\t1\tcancelled\t40.00\n\(absent)\t2\tno-show\t100.00\n".sortedLines())
        let hold = try id(["hold", "--room", "S1", "--from", "2024-05-20", "--nights", "1", "--for", "15m", "--client", "3"], at: "2024-05-02T09:00:00Z")
        let expired = try sandbox.refused(["pay", hold, "--amount", "10"], at: "2024-05-02T10:00:00Z")
        #expect(expired.stderr.contains("expired"), "\(expired)")
        let released = try id(["hold", "--room", "S1", "--from", "2024-05-21", "--nights", "1"], at: "2024-05-02T10:00:00Z")
        try ok(["release", released], at: "2024-05-02T10:00:00Z")
        #expect(try sandbox.refused(["pay", released, "--amount", "10"], at: "2024-05-02T10:00:00Z").stderr.contains("released"))
        #expect(try sandbox.hotel(now: "2024-05-02T09:00:00Z").run(["verify"]).status == 0)
    }

    @Test func theFoliosSurviveTheSnapshotAndABatch() throws {
        try pricedHotel()
        var hotel = sandbox.hotel(now: now)
        hotel.environment["HOTEL_CACHE_THRESHOLD"] = "0"
        let guest = try hotel.run(["book", "--client", "42", "--room", "Blue", "--from", "2024-05-01", "--nights", "3"]).stdout.trimmingCharacters(in: .newlines)
        let batch = try hotel.run(["batch"], input: "charge \(guest) --amount 9.90 --what parking\npay \(guest) --amount 50 --method card\ncancel \(guest) --fee 25\n")
        #expect(batch.status == 0, "\(batch)")
        let folio = "2024-05-01\textra\tparking\t9.90\n2024-05-01\tpayment\tcard\t-50.00\n2024-05-01\tfee\tcancellation\t25.00\nbalance\t-15.10\n"
        #expect(try hotel.run(["folio", guest]).stdout == folio)
        try? FileManager.default.removeItem(atPath: sandbox.hotel.storePath + ".cache")
        #expect(try hotel.run(["folio", guest]).stdout == folio)
        #expect(try hotel.run(["balances"]).stdout == "\(guest)\t42\tcancelled\t-15.10\n")
        // As of before the payment.
        #expect(try hotel.run(["folio", guest, "--as-of", "7"]).stdout.hasSuffix("balance\t330.00\n"))
        #expect(try hotel.run(["verify"]).status == 0)
    }
}

/// Defects found by attacking the folio (each test failed before its fix).
struct FolioDefectTests {
    let sandbox = Sandbox()
    let now = "2024-05-01T10:00:00Z"

    @discardableResult
    func ok(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.ok(arguments, at: time ?? now) }
    func id(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.id(arguments, at: time ?? now) }

    func hotel() throws {
        try ok(["rooms", "add", "A", "B", "C"])
        try ok(["settings", "set", "currency", "EUR"])
    }

    @Test func aGuestMovedAndGoneOnTheDayOfTheMoveIsChargedTheNightsSlept() throws {
        try hotel()
        try ok(["rates", "set", "--type", "standard", "--price", "100"])
        let guest = try id(["book", "--client", "1", "--room", "A", "--from", "2024-05-01", "--nights", "4"])
        try ok(["checkin", guest])
        let moved = "2024-05-03T10:00:00Z"
        try ok(["change", guest, "--room", "B"], at: moved)
        let refused = try sandbox.refused(["checkout", guest], at: moved)
        #expect(refused.stderr.contains("balance of 200.00"), "\(refused)")
        try ok(["checkout", guest, "--allow-balance"], at: moved)
        #expect(try ok(["folio", guest], at: moved) == "2024-05-01\troom\tnight in A\t100.00\n2024-05-02\troom\tnight in A\t100.00\nbalance\t200.00\n")
        #expect(try ok(["balances"], at: moved) == "\(guest)\t1\tchecked-out\t200.00\n")
    }

    @Test func aGuestWhoStayedOnIsChargedTheNightsPastTheDeparture() throws {
        try hotel()
        try ok(["rates", "set", "--type", "standard", "--price", "100"])
        let guest = try id(["book", "--client", "2", "--room", "B", "--from", "2024-05-01", "--nights", "2"])
        try ok(["checkin", guest])
        try ok(["rates", "set", "--type", "standard", "--price", "120", "--from", "2024-05-03", "--nights", "1"])
        let late = "2024-05-04T10:00:00Z"
        #expect(try sandbox.refused(["checkout", guest], at: late).stderr.contains("balance of 320.00"))
        try ok(["pay", guest, "--amount", "320"], at: late)
        try ok(["checkout", guest], at: late)
        #expect(try ok(["folio", guest], at: late).hasPrefix("2024-05-01\troom\tnight in B\t100.00\n2024-05-02\troom\tnight in B\t100.00\n2024-05-03\troom\tnight in B\t120.00\n"))
        #expect(try ok(["folio", guest], at: late).hasSuffix("balance\t0.00\n"))
        #expect(try sandbox.hotel(now: late).run(["verify"]).status == 0)
    }

    @Test func undoingACancellationOrANoShowTakesItsFeeOff() throws {
        try hotel()
        let guest = try id(["book", "--client", "1", "--room", "A", "--from", "2024-05-01", "--nights", "2"])
        try ok(["noshow", guest, "--fee", "100"], at: "2024-05-01T23:00:00Z")
        try ok(["undo", guest], at: "2024-05-01T23:00:00Z")
        #expect(try ok(["folio", guest], at: "2024-05-01T23:00:00Z") == "balance\t0.00\n")
        try ok(["cancel", guest, "--fee", "30"], at: "2024-05-01T23:00:00Z")
        try ok(["undo", guest], at: "2024-05-01T23:00:00Z")
        try ok(["cancel", guest, "--fee", "30"], at: "2024-05-01T23:00:00Z")
        #expect(try ok(["folio", guest], at: "2024-05-01T23:00:00Z") == "2024-05-01\tfee\tcancellation\t30.00\nbalance\t30.00\n")
        #expect(try sandbox.hotel(now: "2024-05-01T23:00:00Z").run(["verify"]).status == 0)
    }

    @Test func aStayBookedWithoutAPriceKeepsNoneInARoomOfItsType() throws {
        try hotel()
        let guest = try id(["book", "--client", "1", "--room", "A", "--from", "2024-05-05", "--nights", "2"])
        try ok(["rates", "set", "--type", "standard", "--price", "100", "--from", "2024-05-05", "--nights", "1"])
        try ok(["change", guest, "--room", "B"])
        try ok(["change", guest, "--to", "2024-05-08"])
        #expect(try ok(["folio", guest]) == "balance\t0.00\n")
    }

    @Test func aMalformedAmountRefusesTheWholeBatchBeforeItRuns() throws {
        try hotel()
        let guest = try id(["book", "--client", "1", "--room", "A", "--from", "2024-05-01", "--nights", "1"])
        for bad in ["abc", "-1", "1.55555", "1e3"] {
            let batch = try sandbox.hotel(now: now).run(["batch"], input: "book --client 2 --room B --from 2024-05-01 --nights 1\ncharge \(guest) --amount \(bad) --what x\n")
            #expect(batch.status == 64 && batch.stderr.hasPrefix("hotel: error: line 2 of the batch: invalid amount '\(bad)'"), "\(bad): \(batch)")
            #expect(try sandbox.refused(["pay", "bkzzzzzzzz", "--amount", bad], at: now, status: 64).stderr.contains("invalid amount '\(bad)'"))
        }
        #expect(try ok(["bookings"]).split(separator: "\n").count == 1)
        #expect(try sandbox.refused(["refund", guest, "--amount", "5"], at: now).stderr == "hotel: error: booking '\(guest)' has 0.00 paid and not refunded: a refund is at most that\n")
    }
}

extension String {
    /// The lines in byte order.
    func sortedLines() -> String { split(separator: "\n").sorted().map { $0 + "\n" }.joined() }
}
