import Foundation
import HotelTestSupport
import Testing

/// Issue 19, settings and rates: `hotel settings [set KEY VALUE]`, `hotel rates [set ...]` and `hotel quote`,
/// run as a user would.
struct RatesAndQuoteTests {
    let sandbox = Sandbox()
    let now = "2024-04-20T09:00:00Z"

    @discardableResult
    func ok(_ arguments: [String]) throws -> String { try sandbox.ok(arguments, at: now) }

    func euroHotel() throws {
        try ok(["rooms", "add", "Blue", "Green", "--type", "double"])
        try ok(["rooms", "add", "S1", "--type", "suite"])
        #expect(try ok(["settings", "set", "currency", "EUR"]) == "currency\n")
    }

    @Test func settingsListEveryKeyWithItsValueOrDefault() throws {
        try ok(["rooms", "add", "Blue"])
        #expect(try ok(["settings"]) == "name\t\naddress\t\ncurrency\t\nvat-rooms\t\nvat-extras\t\ninvoice-prefix\tINV\n")
        try ok(["settings", "set", "name", "Hôtel du Lac"])
        try ok(["settings", "set", "vat-rooms", "7.50"])
        try ok(["settings", "set", "invoice-prefix", "HDL"])
        #expect(try ok(["settings", "list"]) == "name\tHôtel du Lac\naddress\t\ncurrency\t\nvat-rooms\t7.5\nvat-extras\t\ninvoice-prefix\tHDL\n")
        let json = try ok(["settings", "--json"])
        #expect(json.contains(#""name":"Hôtel du Lac""#) && json.contains(#""currency":null"#))
    }

    @Test func badSettingsAreUsageErrorsSayingTheRule() throws {
        try ok(["rooms", "add", "Blue"])
        let unknown = try sandbox.refused(["settings", "set", "colour", "red"], at: now, status: 64)
        #expect(unknown.stderr.contains("unknown setting 'colour': the keys are name, address, currency, vat-rooms, vat-extras, invoice-prefix"))
        #expect(try sandbox.refused(["settings", "set", "currency", "eur"], at: now, status: 64).stderr.contains("ISO 4217"))
        #expect(try sandbox.refused(["settings", "set", "vat-rooms", "7.125"], at: now, status: 64).stderr.contains("at most two decimals"))
        #expect(try sandbox.refused(["settings", "set", "invoice-prefix", "IN V"], at: now, status: 64).stderr.contains("letters or digits"))
        #expect(try sandbox.refused(["settings", "set", "name"], at: now, status: 64).stderr.hasPrefix("hotel: error: "))
    }

    @Test func aRateNeedsACurrencyAndTheCurrencyIsFixedOnceARateIsSet() throws {
        try ok(["rooms", "add", "Blue", "--type", "double"])
        let none = try sandbox.refused(["rates", "set", "--type", "double", "--price", "120"], at: now)
        #expect(none.stderr == "hotel: error: no currency is set; 'hotel settings set currency CODE' sets one (an ISO 4217 code, such as EUR)\n")
        try ok(["settings", "set", "currency", "USD"])
        try ok(["settings", "set", "currency", "EUR"])
        #expect(try ok(["rates", "set", "--type", "double", "--price", "120"]) == "double\n")
        let fixed = try sandbox.refused(["settings", "set", "currency", "USD"], at: now)
        #expect(fixed.stderr == "hotel: error: the currency is EUR and amounts have been recorded in it: it cannot be changed\n")
        // The same currency again is no change.
        #expect(try ok(["settings", "set", "currency", "EUR"]) == "currency\n")
    }

    @Test func pricesAreTypedInTheCurrencysForm() throws {
        try euroHotel()
        for bad in ["120.555", "-5", "1e3", "1,000", "1000000000", "12.", "€120"] {
            let result = try sandbox.refused(["rates", "set", "--type", "double", "--price", bad], at: now, status: 64)
            #expect(result.stderr.contains("invalid amount"), "\(bad): \(result)")
        }
        try ok(["settings", "set", "currency", "JPY"])
        #expect(try sandbox.refused(["rates", "set", "--type", "double", "--price", "15000.5"], at: now, status: 64).stderr.contains("a whole number (JPY has no minor unit)"))
        try ok(["rates", "set", "--type", "double", "--price", "15000"])
        #expect(try ok(["quote", "--type", "double", "--from", "2024-05-01", "--nights", "2"]) == "2024-05-01\t15000\n2024-05-02\t15000\ntotal\t30000\n")
    }

    @Test func aLaterRateWinsOnTheNightsItCovers() throws {
        try euroHotel()
        try ok(["rates", "set", "--type", "double", "--price", "120"])
        try ok(["rates", "set", "--type", "double", "--price", "150.5", "--days", "fri,sat"])
        try ok(["rates", "set", "--type", "double", "--price", "200", "--from", "2024-12-24", "--nights", "3"])
        #expect(try ok(["rates", "--type", "double", "--from", "2024-12-20", "--to", "2024-12-28"]) == """
            2024-12-20\t150.50
            2024-12-21\t150.50
            2024-12-22\t120.00
            2024-12-23\t120.00
            2024-12-24\t200.00
            2024-12-25\t200.00
            2024-12-26\t200.00
            2024-12-27\t150.50

            """)
        #expect(try ok(["rates", "--type", "suite", "--from", "2024-12-20", "--nights", "2"]) == "2024-12-20\t-\n2024-12-21\t-\n")
        #expect(try ok(["quote", "--room", "Blue", "--from", "2024-12-22", "--to", "2024-12-26"]) == "2024-12-22\t120.00\n2024-12-23\t120.00\n2024-12-24\t200.00\n2024-12-25\t200.00\ntotal\t640.00\n")
        let json = try ok(["quote", "--type", "double", "--from", "2024-12-23", "--nights", "1", "--json"])
        #expect(json == #"{"type":"double","nights":[{"night":"2024-12-23","price":"120.00"}],"total":"120.00"}"# + "\n")
        #expect(try sandbox.hotel(now: now).run(["verify"]).status == 0)
    }

    @Test func aQuoteRecordsNothingAndNamesANightWithoutAPrice() throws {
        try euroHotel()
        try ok(["rates", "set", "--type", "suite", "--price", "300", "--from", "2024-05-01", "--to", "2024-05-03"])
        let before = sandbox.hotel.storeBytes()
        #expect(try ok(["quote", "--room", "S1", "--from", "2024-05-01", "--nights", "2"]).hasSuffix("total\t600.00\n"))
        #expect(sandbox.hotel.storeBytes() == before)
        let gap = try sandbox.refused(["quote", "--room", "S1", "--from", "2024-05-01", "--nights", "3"], at: now)
        #expect(gap.stderr == "hotel: error: no rate of type 'suite' for the night of 2024-05-03; 'hotel rates set --type suite --price AMOUNT' sets one\n")
        #expect(try sandbox.refused(["quote", "--room", "Bleu", "--from", "2024-05-01", "--nights", "1"], at: now).stderr.contains("did you mean 'Blue'"))
        #expect(try sandbox.refused(["quote", "--from", "2024-05-01", "--nights", "1"], at: now, status: 64).stderr.contains("--room"))
    }

    @Test func ratesOptionsAreChecked() throws {
        try euroHotel()
        #expect(try sandbox.refused(["rates", "set", "--type", "double", "--price", "1", "--to", "2024-05-03"], at: now, status: 64).stderr.contains("--to needs --from"))
        #expect(try sandbox.refused(["rates", "set", "--type", "double", "--price", "1", "--from", "2024-05-03"], at: now, status: 64).stderr.contains("--to"))
        #expect(try sandbox.refused(["rates", "set", "--type", "double", "--price", "1", "--days", "sat,sunday"], at: now, status: 64).stderr.contains("weekdays"))
        #expect(try sandbox.refused(["rates", "set", "--type", "twin", "--price", "1"], at: now).stderr.contains("no room of type 'twin'"))
        #expect(try sandbox.refused(["rates", "set", "--price", "1"], at: now, status: 64).stderr.contains("--type"))
        // Days that name none of the nights given (2024-05-06 is a Monday): a rate of nothing, refused.
        #expect(try sandbox.refused(["rates", "set", "--type", "double", "--price", "1", "--from", "2024-05-06", "--nights", "5", "--days", "sat,sun"], at: now, status: 64).stderr
            == "hotel: error: --days sat,sun covers no night of 2024-05-06..2024-05-11; see 'hotel rates set --help'\n")
        #expect(try ok(["rates", "set", "--type", "double", "--price", "1", "--from", "2024-05-06", "--nights", "6", "--days", "sat,sun"]) == "double\n")
    }

    @Test func theTariffSurvivesTheSnapshotAndABatch() throws {
        try euroHotel()
        var hotel = sandbox.hotel(now: now)
        hotel.environment["HOTEL_CACHE_THRESHOLD"] = "0"
        let batch = try hotel.run(["batch"], input: "rates set --type double --price 99\nsettings set name Lago\nrates set --type suite --price 250 --days sun\n")
        #expect(batch.status == 0, "\(batch)")
        #expect(try hotel.run(["quote", "--type", "double", "--from", "2024-05-04", "--nights", "2"]).stdout == "2024-05-04\t99.00\n2024-05-05\t99.00\ntotal\t198.00\n")
        #expect(try hotel.run(["rates", "--type", "suite", "--from", "2024-05-04", "--nights", "2"]).stdout == "2024-05-04\t-\n2024-05-05\t250.00\n")
        #expect(try hotel.run(["settings"]).stdout.hasPrefix("name\tLago\n"))
        #expect(FileManager.default.fileExists(atPath: sandbox.hotel.storePath + ".cache"))
        // --as-of before the rates: none.
        #expect(try hotel.run(["rates", "--type", "double", "--from", "2024-05-04", "--nights", "1", "--as-of", "4"]).stdout == "2024-05-04\t-\n")
        #expect(try hotel.run(["verify"]).status == 0)
    }
}

/// Issue 19, revenue: `hotel revenue`, the nightly prices of the occupied nights with ADR and RevPAR.
struct RevenueTests {
    let sandbox = Sandbox()
    let now = "2024-05-01T10:00:00Z"

    @discardableResult
    func ok(_ arguments: [String]) throws -> String { try sandbox.ok(arguments, at: now) }

    @Test func revenueSumsThePricesOfOccupiedNightsRoundingHalfUp() throws {
        try ok(["rooms", "add", "A", "B", "--type", "double"])
        try ok(["rooms", "add", "S", "--type", "suite"])
        try ok(["settings", "set", "currency", "EUR"])
        try ok(["rates", "set", "--type", "double", "--price", "100"])
        try ok(["book", "--client", "1", "--room", "A", "--from", "2024-05-01", "--nights", "2"])
        try ok(["book", "--client", "2", "--room", "B", "--from", "2024-05-02", "--nights", "1", "--price", "33.33"])
        // A suite without rates: occupied, no revenue; then out of service, not available.
        try ok(["book", "--client", "3", "--room", "S", "--from", "2024-05-01", "--nights", "1"])
        try ok(["block", "--room", "S", "--from", "2024-05-02", "--nights", "1"])
        // A hold's nights are not occupied, nor a cancelled stay's.
        try ok(["hold", "--room", "B", "--from", "2024-05-03", "--nights", "1"])
        #expect(try ok(["revenue", "--from", "2024-05-01", "--nights", "3"]) == """
            2024-05-01\t100.00\t2\t3\t50.00\t33.33
            2024-05-02\t133.33\t2\t2\t66.67\t66.67
            2024-05-03\t0.00\t0\t3\t-\t0.00
            total\t233.33\t4\t8\t58.33\t29.17

            """)
        #expect(try ok(["revenue", "--from", "2024-05-01", "--nights", "3", "--by", "type", "--csv"]) == "type,room_revenue,occupied,available,adr,revpar\ndouble,233.33,3,6,77.78,38.89\nsuite,0.00,1,2,0.00,0.00\ntotal,233.33,4,8,58.33,29.17\n")
        let json = try ok(["revenue", "--from", "2024-05-03", "--nights", "1", "--type", "double", "--json"])
        #expect(json.contains(#""total":{"key":"total","roomRevenue":"0.00","occupied":0,"available":2,"adr":null,"revpar":"0.00"}"#), "\(json)")
        #expect(try sandbox.refused(["revenue", "--from", "2024-05-01", "--nights", "1", "--type", "twin"], at: now).stderr.contains("no room of type 'twin'"))
    }
}
