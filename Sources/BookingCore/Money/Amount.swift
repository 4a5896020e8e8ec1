/// An exact amount of money: an integer of the currency's minor unit (cents for EUR), never floating point.
///
/// Typed as a decimal with at most the currency's minor digits (`120`, `120.5`, `120.50` in EUR; `15000`
/// in JPY), no sign, exponent or separators, below ``limit`` units. Written, in the log and in output,
/// always with exactly the minor digits (`120.50`).
public struct Amount: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The amount in minor units (negative for a payment on a folio, a credit).
    public private(set) var minorUnits: Int64
    /// How many digits of ``minorUnits`` are after the point: the currency's.
    public private(set) var minorDigits: Int

    public init(minorUnits: Int64, minorDigits: Int) {
        self.minorUnits = minorUnits
        self.minorDigits = minorDigits
    }

    /// Nothing, in any currency.
    public static let zero = Amount(minorUnits: 0, minorDigits: 0)

    /// The amount with exactly its minor digits: `120.50`.
    public var description: String { formatted(minorDigits: minorDigits) }

    /// The largest amount one value may give, in whole units (exclusive).
    public static let limit: Int64 = 1_000_000_000

    /// An amount as a person types it, in `currency`.
    ///
    /// - Throws: ``InvalidValue/amount(_:currency:)`` saying the rule.
    public init(_ text: String, currency: Currency) throws(InvalidValue) {
        guard let parsed = Self.parse(Array(text.utf8), minorDigits: currency.minorDigits, exact: false) else {
            throw .amount(text, currency: currency)
        }
        self = parsed
    }

    /// An amount as the log holds it: digits, and a point followed by the minor digits if it has any. The
    /// count of minor digits is read off the text (``minorDigitsWritten(_:)``); `verify` checks it is the
    /// currency's.
    init(logged text: String) throws(InvalidValue) {
        let bytes = Array(text.utf8)
        guard let parsed = Self.parse(bytes, minorDigits: Self.minorDigitsWritten(bytes), exact: true) else {
            throw .amount(text, currency: nil)
        }
        self = parsed
    }

    /// Whether `text` has an amount's form in some currency (at most four minor digits, the most ISO 4217 has).
    public static func isWellFormed(_ text: String) -> Bool { parse(Array(text.utf8), minorDigits: 4, exact: false) != nil }

    /// How many digits follow the point in `bytes` (0 without one).
    static func minorDigitsWritten(_ bytes: [UInt8]) -> Int {
        guard let point = bytes.firstIndex(of: UInt8(ascii: ".")) else { return 0 }
        return bytes.count - point - 1
    }

    /// Parses `[0-9]+(\.[0-9]{1,digits})?` below ``limit`` units; with `exact`, the fraction must have
    /// exactly `minorDigits` digits.
    static func parse(_ bytes: [UInt8], minorDigits: Int, exact: Bool) -> Amount? {
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.count)]
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        guard !whole.isEmpty, whole.count <= 10, whole.allSatisfy(isDigit), fraction.allSatisfy(isDigit) else { return nil }
        if point != nil, fraction.isEmpty || fraction.count > minorDigits { return nil }
        if exact, fraction.count != minorDigits || (minorDigits > 0 && point == nil) { return nil }
        // No leading zeros but a lone one, as a person writes amounts and the log writes them.
        if whole.count > 1, whole.first == UInt8(ascii: "0") { return nil }
        var units: Int64 = 0
        for digit in whole { units = units * 10 + Int64(digit - UInt8(ascii: "0")) }
        guard units < limit else { return nil }
        var minor = units
        var written = 0
        for digit in fraction {
            minor = minor * 10 + Int64(digit - UInt8(ascii: "0"))
            written += 1
        }
        for _ in written..<minorDigits { minor *= 10 }
        return Amount(minorUnits: minor, minorDigits: minorDigits)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    /// The amount with exactly `minorDigits` digits after the point (none for 0), a `-` before a negative one.
    public func formatted(minorDigits: Int) -> String {
        let negative = minorUnits < 0
        let magnitude = minorUnits.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<minorDigits { divisor *= 10 }
        var text = String(magnitude / divisor)
        if minorDigits > 0 {
            let fraction = String(magnitude % divisor)
            text += "." + String(repeating: "0", count: minorDigits - fraction.count) + fraction
        }
        return negative ? "-" + text : text
    }

    /// The same amount with `digits` minor digits (at least its own).
    public func scaled(to digits: Int) -> Amount {
        var units = minorUnits
        for _ in minorDigits..<max(digits, minorDigits) { units *= 10 }
        return Amount(minorUnits: units, minorDigits: max(digits, minorDigits))
    }

    /// The minor units of `lhs` and `rhs` in their common digits. (All amounts of a store have its
    /// currency's digits; ``zero`` has none.)
    private static func aligned(_ lhs: Amount, _ rhs: Amount) -> (Int64, Int64, Int) {
        let digits = max(lhs.minorDigits, rhs.minorDigits)
        return (lhs.scaled(to: digits).minorUnits, rhs.scaled(to: digits).minorUnits, digits)
    }

    public static func + (lhs: Amount, rhs: Amount) -> Amount {
        let (a, b, digits) = aligned(lhs, rhs)
        return Amount(minorUnits: a + b, minorDigits: digits)
    }
    public static func - (lhs: Amount, rhs: Amount) -> Amount { lhs + -rhs }
    public static prefix func - (amount: Amount) -> Amount { Amount(minorUnits: -amount.minorUnits, minorDigits: amount.minorDigits) }
    public static func += (lhs: inout Amount, rhs: Amount) { lhs = lhs + rhs }
    public static func == (lhs: Amount, rhs: Amount) -> Bool {
        let (a, b, _) = aligned(lhs, rhs)
        return a == b
    }
    public func hash(into hasher: inout Hasher) { hasher.combine(minorUnits == 0 ? 0 : scaled(to: 4).minorUnits) }
    public static func < (lhs: Amount, rhs: Amount) -> Bool {
        let (a, b, _) = aligned(lhs, rhs)
        return a < b
    }
    public var isZero: Bool { minorUnits == 0 }

    /// The amount divided by `divisor` (more than zero), rounded half up to the minor unit (half away from
    /// zero for a negative amount); nil for a divisor of zero.
    public func divided(by divisor: Int) -> Amount? {
        guard divisor > 0 else { return nil }
        let d = Int64(divisor), m = minorUnits.magnitude
        let q = (m / UInt64(d)) + ((m % UInt64(d)) * 2 >= UInt64(d) ? 1 : 0)
        return Amount(minorUnits: minorUnits < 0 ? -Int64(q) : Int64(q), minorDigits: minorDigits)
    }
}

extension Amount: FieldValue {
    /// As the log writes it: the minor digits the text was written with (the currency's, which cannot
    /// change once an amount is recorded).
    var logged: String { description }

    init?(plainASCII bytes: UnsafeBufferPointer<UInt8>) {
        let array = Array(bytes)
        guard let parsed = Self.parse(array, minorDigits: Self.minorDigitsWritten(array), exact: true) else { return nil }
        self = parsed
    }
}
