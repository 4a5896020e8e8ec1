/// One line of a folio other than a night's price: an extra or a fee charged, a payment or a refund.
public struct Posting: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case extra, fee, payment, refund
    }

    public var kind: Kind
    /// For an extra, the day given (`--on`); else the day it was recorded.
    public var day: Day
    /// As entered: positive for every kind (the folio counts payments against the balance).
    public var amount: Amount
    /// What was charged (`--what`), or a fee's reason.
    public var what: String?
    public var method: PaymentMethod?
    public var reference: String?

    public init(kind: Kind, day: Day, amount: Amount, what: String? = nil, method: PaymentMethod? = nil, reference: String? = nil) {
        self.kind = kind
        self.day = day
        self.amount = amount
        self.what = what
        self.method = method
        self.reference = reference
    }

    /// What it adds to the balance: charges and refunds add, payments take away.
    public var signed: Amount { kind == .payment ? -amount : amount }
}

/// How a payment was made or a refund given.
public enum PaymentMethod: String, Sendable, CaseIterable {
    case cash, card, transfer, other

    /// The method named `text`, as `--method` takes it.
    /// - Throws: ``InvalidValue/text(option:_:reason:)`` naming the methods.
    public init(_ text: String) throws(InvalidValue) {
        guard let method = PaymentMethod(rawValue: text) else {
            throw .text(option: "--method", text, reason: "expected one of " + Self.allCases.map(\.rawValue).joined(separator: ", "))
        }
        self = method
    }
}

/// A description on a folio (`--what`) or a payment's reference (`--reference`): one line of at most 200
/// characters.
public struct FolioText: TextValue {
    public static let maximumLength = 200
    public let rawValue: String

    public init(_ rawValue: String) throws(InvalidValue) { self.rawValue = try Self.input(rawValue) }
    init(logged rawValue: String) throws(InvalidValue) { self.rawValue = try Self.logged(rawValue) }
    init(unchecked rawValue: String) { self.rawValue = rawValue }

    public static func invalid(_ rawValue: String, reason: String) -> InvalidValue { .text(option: "text", rawValue, reason: reason) }
}

extension FolioText: PlainNameValue {}
