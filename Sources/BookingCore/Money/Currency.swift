/// A currency as ISO 4217 names it: a three-letter code and the number of its minor digits (2 for EUR's
/// cents, 0 for JPY, 3 for KWD's fils). Amounts are integers of its minor unit.
public struct Currency: Sendable, Hashable, CustomStringConvertible {
    /// The code, such as `EUR`.
    public let code: String
    /// Digits after the decimal point: 0 to 3.
    public let minorDigits: Int

    /// The currency of an ISO 4217 code in use (upper case, such as `EUR`).
    ///
    /// - Throws: ``InvalidValue/currency(_:)`` for anything else.
    public init(_ code: String) throws(InvalidValue) {
        guard let digits = Self.minorDigits[code] else { throw .currency(code) }
        self.code = code
        minorDigits = digits
    }

    public var description: String { code }

    /// The codes of ISO 4217's list of currencies in use, with their minor digits (funds and precious
    /// metals left out).
    static let minorDigits: [String: Int] = {
        var table: [String: Int] = [:]
        let two = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN BZD CAD \
            CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP \
            GMD GTQ GYD HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL \
            MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN \
            QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY \
            TTD TWD TZS UAH USD USN UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG ZWL
            """
        for code in two.split(separator: " ") { table[String(code)] = 2 }
        for code in "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(separator: " ") { table[String(code)] = 0 }
        for code in "BHD IQD JOD KWD LYD OMR TND".split(separator: " ") { table[String(code)] = 3 }
        for code in "CLF UYW".split(separator: " ") { table[String(code)] = 4 }
        return table
    }()
}
