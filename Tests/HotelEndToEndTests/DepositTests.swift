import Foundation
import HotelTestSupport
import Testing

/// Issue 19, deposits: `hold --deposit`, a payment reaching it confirms the hold in the same append.
struct DepositTests {
    let sandbox = Sandbox()
    let now = "2024-05-01T10:00:00Z"

    @discardableResult
    func ok(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.ok(arguments, at: time ?? now) }
    func id(_ arguments: [String], at time: String? = nil) throws -> String { try sandbox.id(arguments, at: time ?? now) }

    func hotelInEuro() throws {
        try ok(["rooms", "add", "Blue", "Green", "--type", "double"])
        try ok(["settings", "set", "currency", "EUR"])
        try ok(["rates", "set", "--type", "double", "--price", "100"])
    }

    func status(_ id: String, at time: String? = nil) throws -> String? {
        let json = try ok(["bookings", "--json"], at: time)
        let bookings = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])["bookings"] as? [[String: Any]]
        return bookings?.first { $0["bookingId"] as? String == id }?["status"] as? String
    }

    @Test func aPaymentReachingTheDepositConfirmsTheHold() throws {
        try hotelInEuro()
        let hold = try id(["hold", "--client", "42", "--room", "Blue", "--from", "2024-05-10", "--to", "2024-05-12", "--for", "1h", "--deposit", "50"])
        // A smaller payment is recorded; the hold stays held.
        #expect(try id(["pay", hold, "--amount", "20", "--method", "card"]) == hold)
        #expect(try status(hold) == "held")
        // The one that brings what was paid to the deposit confirms it, in the same append.
        #expect(try id(["pay", hold, "--amount", "30", "--method", "card"]) == hold)
        #expect(try status(hold) == "active")
        let log = try ok(["log"]).split(separator: "\n").suffix(2).map { String($0) }
        #expect(log[0].contains("\"type\":\"PaymentRecorded\"") && log[1].contains("\"type\":\"HoldConfirmed\""), "\(log)")
        #expect(try ok(["folio", hold]).hasSuffix("balance\t150.00\n"))
        // It no longer expires.
        #expect(try status(hold, at: "2024-05-02T10:00:00Z") == "active")
        #expect(try ok(["verify"]).hasPrefix("ok:"))
    }

    @Test func aHoldWithoutAClientNeedsTheClientWithThePayment() throws {
        try hotelInEuro()
        let hold = try id(["hold", "--room", "Blue", "--from", "2024-05-10", "--to", "2024-05-12", "--deposit", "50"])
        let refused = try sandbox.refused(["pay", hold, "--amount", "50"], at: now)
        #expect(refused.stderr.contains("--client"), "\(refused.stderr)")
        #expect(try id(["pay", hold, "--amount", "50", "--client", "7"]) == hold)
        #expect(try ok(["bookings"]).contains("\(hold)\t7\tBlue"))
    }

    @Test func aPaymentOnAnExpiredHoldIsRefusedAndTakesNothing() throws {
        try hotelInEuro()
        let hold = try id(["hold", "--client", "42", "--room", "Blue", "--from", "2024-05-10", "--to", "2024-05-12", "--for", "15m", "--deposit", "50"])
        let refused = try sandbox.refused(["pay", hold, "--amount", "50"], at: "2024-05-01T10:15:00Z")
        #expect(refused.stderr.contains("expired"), "\(refused.stderr)")
    }

    @Test func aHoldWithMoneyPaidIsReleasedOnlyOnceRefunded() throws {
        try hotelInEuro()
        let hold = try id(["hold", "--client", "42", "--room", "Blue", "--from", "2024-05-10", "--to", "2024-05-12", "--deposit", "50"])
        try ok(["pay", hold, "--amount", "20"])
        let refused = try sandbox.refused(["release", hold], at: now)
        #expect(refused.stderr == "hotel: error: hold '\(hold)' has 20.00 paid toward it; 'hotel refund \(hold) --amount 20.00' gives it back before it is released\n")
        try ok(["refund", hold, "--amount", "20"])
        try ok(["release", hold])
        #expect(try status(hold) == "released")
    }

    @Test func aDepositIsAnAmountInTheCurrency() throws {
        try ok(["rooms", "add", "Blue"])
        let usage = try sandbox.refused(["hold", "--room", "Blue", "--from", "2024-05-10", "--to", "2024-05-12", "--deposit", "-5"], at: now, status: 64)
        #expect(usage.stderr.hasPrefix("hotel: error: invalid amount '-5': expected digits"), "\(usage.stderr)")
        let none = try sandbox.refused(["hold", "--room", "Blue", "--from", "2024-05-10", "--to", "2024-05-12", "--deposit", "5"], at: now)
        #expect(none.stderr.contains("no currency is set"), "\(none.stderr)")
    }
}

/// Real processes paying a hold's deposit while others release it, pay it too, or pay after it expired:
/// money is never recorded on a released hold or after a hold expired, and a hold is confirmed at most once.
struct DepositConcurrencyTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func paymentsRacingReleasesAndExpiryHaveOneOutcome(seed: UInt64) throws {
        let sandbox = Sandbox()
        let now = "2024-05-01T10:00:00Z"
        try sandbox.ok(["rooms", "add", "Blue", "Green", "--type", "double"], at: now)
        try sandbox.ok(["settings", "set", "currency", "EUR"], at: now)
        var holds: [String] = []
        for (index, room) in ["Blue", "Green"].enumerated() {
            holds.append(try sandbox.id(["hold", "--client", "4\(index)", "--room", room, "--from", "2024-05-10", "--to", "2024-05-12", "--for", "10m", "--deposit", "50"], at: now))
        }
        // Racers on each hold: full payments and partial ones before the expiry, releases, and payments
        // whose clock is past it.
        var random = SplitMix(seed: seed)
        let gate = StartGate(in: sandbox.path)
        var running: [(kind: String, hold: String, process: HotelProcess.Running)] = []
        for _ in 0..<16 {
            let hold = holds[Int(random.next() % 2)]
            let kind = ["pay", "pay", "part", "release", "late"][Int(random.next() % 5)]
            var hotel = sandbox.hotel
            hotel.environment["HOTEL_NOW"] = kind == "late" ? "2024-05-01T10:10:00Z" : String(format: "2024-05-01T10:0%d:%02dZ", Int(random.next() % 9), Int(random.next() % 60))
            let arguments = kind == "release" ? ["release", hold] : ["pay", hold, "--amount", kind == "part" ? "20" : "50"]
            running.append((kind, hold, try hotel.start(arguments, after: gate)))
        }
        gate.release(running.count)
        let results = running.map { ($0.kind, $0.hold, $0.process.wait()) }
        #expect(results.contains { $0.2.status == 0 } && results.contains { $0.2.status == 1 }, "no race: \(results)")
        for (kind, hold, result) in results {
            #expect(result.status == 0 || result.status == 1, "\(kind) \(hold): \(result)")
            if result.status == 0 { #expect(result.stdout == hold + "\n") }
        }
        // The log keeps every rule (verify judges each payment at its time), and independently of verify:
        #expect(try sandbox.ok(["verify"], at: now).hasPrefix("ok:"))
        let events = try String(decoding: try #require(sandbox.hotel.storeBytes()), as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        for hold in holds {
            let mine = events.filter { ($0["data"] as? [String: Any])?["bookingId"] as? String == hold }
            let types = mine.map { $0["type"] as? String ?? "" }
            // confirmed at most once, released at most once, never both;
            #expect(types.filter { $0 == "HoldConfirmed" }.count <= 1 && types.filter { $0 == "HoldReleased" }.count <= 1, "\(types)")
            #expect(!(types.contains("HoldConfirmed") && types.contains("HoldReleased")), "\(types)")
            // nothing paid after a release, none after the expiry,
            if let released = types.firstIndex(of: "HoldReleased") {
                #expect(!types[released...].contains("PaymentRecorded"), "\(types)")
                #expect(!types[..<released].contains("PaymentRecorded"), "released with money paid: \(types)")
            }
            for (index, event) in mine.enumerated() where event["type"] as? String == "PaymentRecorded" {
                #expect((event["recordedAt"] as? String ?? "") < "2024-05-01T10:10:00Z" || types[..<index].contains("HoldConfirmed"), "a payment after the expiry: \(mine)")
            }
            // and confirmed exactly when the payments before the confirmation reached the deposit.
            if let confirmed = types.firstIndex(of: "HoldConfirmed") {
                let paidBefore = mine[..<confirmed].filter { $0["type"] as? String == "PaymentRecorded" }.compactMap { Double((($0["data"] as? [String: Any])?["amount"] as? String) ?? "") }
                #expect(paidBefore.reduce(0, +) >= 50 && paidBefore.dropLast().reduce(0, +) < 50, "\(types) \(paidBefore)")
                #expect(types[confirmed - 1] == "PaymentRecorded")
            }
        }
    }
}
