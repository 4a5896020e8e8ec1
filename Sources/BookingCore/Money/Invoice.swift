/// An invoice or a credit note as `hotel invoice` prints it: what its event recorded, with the folio's
/// postings it covers. Everything it shows is computed here, once: the nights grouped by price, the charges,
/// the total, the VAT included at each rate and the balance due.
public struct Invoice: Sendable, Equatable {
    /// The invoice's event (for a credit note, the invoice it cancels: see ``creditNote``).
    public var issued: InvoiceIssued
    /// The folio's postings it covers, in the order recorded.
    public var postings: [Posting]
    /// For a credit note: its number and date (the amounts are the cancelled invoice's, negated).
    public var creditNote: (number: InvoiceNumber, date: Day)?

    public init(issued: InvoiceIssued, postings: [Posting]) {
        precondition(!issued.isCredit && issued.content != nil)
        self.issued = issued
        self.postings = postings
    }

    /// The credit note `note` (a ``InvoiceIssued`` with `credits`) cancelling this invoice.
    public func credited(by note: InvoiceIssued) -> Invoice {
        var credit = self
        credit.creditNote = (note.number, note.date)
        return credit
    }

    public static func == (lhs: Invoice, rhs: Invoice) -> Bool {
        lhs.issued == rhs.issued && lhs.postings == rhs.postings && lhs.creditNote?.number == rhs.creditNote?.number && lhs.creditNote?.date == rhs.creditNote?.date
    }

    public var content: InvoiceIssued.Content { issued.content! }
    public var number: InvoiceNumber { creditNote?.number ?? issued.number }
    public var date: Day { creditNote?.date ?? issued.date }
    /// 1 for an invoice, -1 for a credit note: every amount it prints is multiplied by it.
    private var sign: Int64 { creditNote == nil ? 1 : -1 }
    /// An amount as printed: negated on a credit note, with the currency's minor digits (the recorded
    /// total's: a sum of nothing has none of its own).
    private func signed(_ amount: Amount) -> Amount { (sign == 1 ? amount : -amount).scaled(to: issued.total.minorDigits) }

    /// The nights charged, grouped by price in the order their prices first come: `3 nights x 120.00`.
    public var nightGroups: [(nights: Int, price: Amount, total: Amount)] {
        var groups: [(nights: Int, price: Amount)] = []
        for price in content.nightPrices {
            if let index = groups.firstIndex(where: { $0.price == price }) { groups[index].nights += 1 } else { groups.append((1, price)) }
        }
        return groups.map { ($0.nights, signed($0.price), signed(Amount(minorUnits: $0.price.minorUnits * Int64($0.nights), minorDigits: $0.price.minorDigits))) }
    }

    /// The extras and fees, in the order recorded.
    public var charges: [Posting] { postings.filter { $0.kind == .extra || $0.kind == .fee }.map { var p = $0; p.amount = signed(p.amount); return p } }

    /// The payments and refunds, in the order recorded (amounts as entered); none on a credit note.
    public var payments: [Posting] {
        creditNote == nil ? postings.filter { $0.kind == .payment || $0.kind == .refund }.map { var p = $0; p.amount = signed(p.amount); return p } : []
    }

    /// The nights and charges.
    public var total: Amount { signed(Self.total(nightPrices: content.nightPrices, postings: postings)) }

    /// What an invoice of these nights and postings totals: the one rule of it.
    static func total(nightPrices: [Amount], postings: [Posting]) -> Amount {
        nightPrices.reduce(.zero, +) + postings.filter { $0.kind == .extra || $0.kind == .fee }.reduce(.zero) { $0 + $1.amount }
    }

    /// The VAT included at each rate set, on that rate's total (room nights and fees at `vat-rooms`, extras
    /// at `vat-extras`; one line for both when the rates are the same), rounded half up; by rate.
    public var vat: [(rate: Percentage, amount: Amount)] {
        let nights = content.nightPrices.reduce(Amount.zero, +)
        let fees = postings.filter { $0.kind == .fee }.reduce(Amount.zero) { $0 + $1.amount }
        let extras = postings.filter { $0.kind == .extra }.reduce(Amount.zero) { $0 + $1.amount }
        var byRate: [(rate: Percentage, base: Amount)] = []
        func add(_ rate: Percentage?, _ base: Amount) {
            guard let rate else { return }
            if let index = byRate.firstIndex(where: { $0.rate == rate }) { byRate[index].base += base } else { byRate.append((rate, base)) }
        }
        add(content.vatRooms, nights + fees)
        add(content.vatExtras, extras)
        return byRate.sorted { $0.rate.hundredths < $1.rate.hundredths }.map { ($0.rate, signed(Self.vatIncluded(in: $0.base, at: $0.rate))) }
    }

    /// The VAT included in `gross` at `rate`: gross x rate / (100 + rate), rounded half up to the minor unit.
    static func vatIncluded(in gross: Amount, at rate: Percentage) -> Amount {
        let h = Int128(rate.hundredths), g = Int128(gross.minorUnits)
        let numerator = g * h, denominator = 10_000 + h
        let magnitude = (numerator.magnitude * 2 + denominator.magnitude) / (denominator.magnitude * 2)
        return Amount(minorUnits: Int64(numerator < 0 ? -Int128(magnitude) : Int128(magnitude)), minorDigits: gross.minorDigits)
    }

    /// The total less what was paid and not refunded (a credit note's: its total).
    public var balance: Amount {
        (total - payments.reduce(Amount.zero) { $0 + ($1.kind == .payment ? $1.amount : -$1.amount) }).scaled(to: issued.total.minorDigits)
    }
}
