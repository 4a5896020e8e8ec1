import Testing
@testable import BookingCore

/// Amounts are exact integers of the currency's minor unit, typed in the currency's form.
struct AmountTests {
    let eur = try! Currency("EUR"), jpy = try! Currency("JPY"), kwd = try! Currency("KWD")

    @Test(arguments: [("120", 12000), ("120.5", 12050), ("120.50", 12050), ("0", 0), ("0.01", 1), ("999999999.99", 99_999_999_999)])
    func readsAmountsWithAtMostTheMinorDigits(_ text: String, _ minor: Int64) throws {
        let amount = try Amount(text, currency: eur)
        #expect(amount.minorUnits == minor)
        #expect(amount.minorDigits == 2)
    }

    @Test(arguments: ["", "-5", "+5", "1e3", "1,000", "1 000", "120.", ".5", "120.505", "1000000000", "007", "12a", "١٢", "0x10", " 1"])
    func refusesAnythingElseSayingTheRule(_ text: String) {
        #expect(throws: InvalidValue.amount(text, currency: eur)) { try Amount(text, currency: eur) }
    }

    @Test func currenciesWithoutOrWithMoreMinorDigits() throws {
        #expect(try Amount("15000", currency: jpy).description == "15000")
        #expect(throws: InvalidValue.self) { try Amount("150.5", currency: jpy) }
        #expect(try Amount("1.5", currency: kwd).description == "1.500")
        #expect(try Amount("120", currency: eur).description == "120.00")
    }

    @Test func theLogFormIsReadBackExactly() throws {
        for text in ["120.00", "0.05", "15000", "1.500"] {
            let amount = try Amount(logged: text)
            #expect(amount.logged == text)
        }
        #expect(throws: InvalidValue.self) { try Amount(logged: "120.") }
        #expect(throws: InvalidValue.self) { try Amount(logged: "-1.00") }
    }

    @Test func sumsAreExact() throws {
        let dime = try Amount("0.10", currency: eur)
        var sum = Amount.zero
        for _ in 0..<1_000_000 { sum += dime }
        #expect(sum.description == "100000.00")
        #expect(sum == (try Amount("100000", currency: eur)))
        #expect((dime - sum).description == "-99999.90")
    }

    @Test func unknownOrLowerCaseCodesAreRefused() {
        for code in ["eur", "EURO", "XAU", "ABC", ""] { #expect(throws: InvalidValue.currency(code)) { try Currency(code) } }
    }

    @Test func weekdaysComeFromTheCalendar() throws {
        #expect(Weekday(of: try Day("2024-05-01")) == .wed)
        #expect(Weekday(of: try Day("1970-01-01")) == .thu)
        #expect(Weekday(of: try Day("1969-12-28")) == .sun)
        #expect(try Weekday.list("sun,sat,mon") == [.mon, .sat, .sun])
        for text in ["", "sat,,sun", "sat,sat", "Sat", "saturday"] { #expect(throws: InvalidValue.weekdays(text)) { try Weekday.list(text) } }
    }

    @Test func percentagesHaveAtMostTwoDecimals() throws {
        #expect(try Percentage("19.25").text == "19.25")
        #expect(try Percentage("7.50").text == "7.5")
        #expect(try Percentage("0").text == "0")
        #expect(try Percentage("100").text == "100")
        for text in ["100.01", "-1", "7.125", "7%", ""] { #expect(throws: InvalidValue.percentage(text)) { try Percentage(text) } }
    }
}

extension AmountTests {
    @Test func divisionRoundsHalfUpToTheMinorUnit() throws {
        let eur = try Currency("EUR")
        #expect(try Amount("133.33", currency: eur).divided(by: 2)?.description == "66.67")
        #expect(try Amount("233.33", currency: eur).divided(by: 8)?.description == "29.17")
        #expect(try Amount("0.05", currency: eur).divided(by: 10)?.description == "0.01")
        #expect(try Amount("0.04", currency: eur).divided(by: 10)?.description == "0.00")
        #expect(try Amount("10", currency: eur).divided(by: 0) == nil)
    }
}
