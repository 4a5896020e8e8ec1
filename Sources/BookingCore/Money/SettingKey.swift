/// The hotel's settings, as `hotel settings` lists them, each with its rule.
public enum SettingKey: String, Sendable, CaseIterable {
    /// The hotel's name, printed on invoices.
    case name
    /// Its address, printed on invoices.
    case address
    /// The ISO 4217 currency of every amount; fixed once any amount is recorded.
    case currency
    /// The VAT included in room nights and fees, a percentage.
    case vatRooms = "vat-rooms"
    /// The VAT included in extras, a percentage.
    case vatExtras = "vat-extras"
    /// What invoice numbers begin with.
    case invoicePrefix = "invoice-prefix"

    /// The value a key has until one is set (nil: none).
    public var defaultValue: String? {
        switch self {
        case .invoicePrefix: return "INV"
        default: return nil
        }
    }

    /// The keys as the usage error lists them.
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// `value` as this key's value: checked, normalized where a person's text is (names, addresses).
    ///
    /// - Throws: ``InvalidValue`` saying the rule.
    public func validated(_ value: String) throws(InvalidValue) -> String {
        switch self {
        case .name, .address:
            switch TextRules.input(value, maximumLength: 200) {
            case .success(let text): return text
            case .failure(let problem): throw .setting(key: rawValue, value, reason: problem.reason)
            }
        case .currency:
            return try Currency(value).code
        case .vatRooms, .vatExtras:
            return try Percentage(value).text
        case .invoicePrefix:
            let bytes = Array(value.utf8)
            guard (1...12).contains(bytes.count), bytes.allSatisfy({ $0 < 0x80 && (Character(Unicode.Scalar($0)).isLetter || Character(Unicode.Scalar($0)).isNumber) }) else {
                throw .setting(key: rawValue, value, reason: "expected 1 to 12 ASCII letters or digits, such as INV")
            }
            return value
        }
    }
}

/// A percentage from 0 to 100 with at most two decimals, kept in hundredths (19.25% is 1925).
public struct Percentage: Sendable, Hashable {
    public let hundredths: Int64

    public init(_ text: String) throws(InvalidValue) {
        guard let amount = Amount.parse(Array(text.utf8), minorDigits: 2, exact: false), amount.minorUnits <= 10_000 else {
            throw .percentage(text)
        }
        hundredths = amount.minorUnits
    }

    /// As typed back: `19.25`, `7`, `7.5`.
    public var text: String {
        let whole = String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction == 0 { return whole }
        return fraction % 10 == 0 ? whole + "." + String(fraction / 10) : whole + "." + (fraction < 10 ? "0" : "") + String(fraction)
    }
}
