/// An invoice's or credit note's number: `PREFIX-YYYY-NNNNNN`, the prefix the setting `invoice-prefix` gave
/// it, the calendar year of its date and its place in that year's gap-free sequence (from 1). Invoices and
/// credit notes share the sequence.
public struct InvoiceNumber: Sendable, Hashable, CustomStringConvertible {
    /// The most numbers a year can have: six digits.
    public static let maximumSequence = 999_999

    public var prefix: String
    public var year: Int
    public var sequence: Int

    public init(prefix: String, year: Int, sequence: Int) {
        precondition((1...Self.maximumSequence).contains(sequence) && (1...9999).contains(year))
        self.prefix = prefix
        self.year = year
        self.sequence = sequence
    }

    /// `INV-2026-000042`.
    public var description: String {
        let digits = String(sequence), yearText = String(year)
        return prefix + "-" + String(repeating: "0", count: 4 - yearText.count) + yearText + "-" + String(repeating: "0", count: 6 - digits.count) + digits
    }

    /// Reads a number as the log writes it.
    /// - Throws: ``InvalidValue/text(option:_:reason:)`` saying the form.
    public init(_ text: String) throws(InvalidValue) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...12).contains(parts[0].utf8.count), parts[0].utf8.allSatisfy({ $0 < 0x80 && (Character(Unicode.Scalar($0)).isLetter || Character(Unicode.Scalar($0)).isNumber) }),
              parts[1].utf8.count == 4, parts[2].utf8.count == 6,
              parts[1].utf8.allSatisfy({ (0x30...0x39).contains($0) }), parts[2].utf8.allSatisfy({ (0x30...0x39).contains($0) }),
              let year = Int(parts[1]), let sequence = Int(parts[2]), year >= 1, sequence >= 1
        else { throw .text(option: "invoice number", text, reason: "expected PREFIX-YYYY-NNNNNN, such as INV-2026-000001") }
        self.init(prefix: String(parts[0]), year: year, sequence: sequence)
    }
}

extension InvoiceNumber: FieldValue {
    init(logged text: String) throws(InvalidValue) { try self.init(text) }
    init?(plainASCII bytes: UnsafeBufferPointer<UInt8>) { try? self.init(String(decoding: bytes, as: UTF8.self)) }
}
