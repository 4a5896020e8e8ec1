/// Issues the invoice of a stay that is not a hold (`hotel invoice`), or the credit note cancelling its open
/// invoice (`hotel invoice --credit`), numbered next in the sequence of the year of `today`.
///
/// An invoice records the nights charged with their prices and the postings so far (``InvoiceIssued``), and
/// closes the folio (``Lifecycle/closedByInvoice(_:)``). Asked again while it is open, it records nothing:
/// the command prints the same invoice. A credit note cancels it and opens the folio again; an invoice after
/// that is a new one, with the next number.
///
/// Its boundary is the stay's events, the settings an invoice prints, and the year's numbers (the tag
/// `invoices:<year>`): two invoices racing for one number cannot both be recorded, so the sequence has no gap
/// and no repeat.
public struct IssueInvoice: Decision {
    public var booking: BookingID
    /// A credit note instead of an invoice.
    public var credit: Bool
    /// The desk's day: the document's date, whose year numbers it.
    public var today: Day
    public var now: Instant
    public var decidedAt: Instant? { now }

    public init(booking: BookingID, credit: Bool = false, today: Day, now: Instant) {
        self.booking = booking
        self.credit = credit
        self.today = today
        self.now = now
    }

    /// The settings an invoice reads.
    static let settings: [SettingKey] = [.name, .address, .currency, .vatRooms, .vatExtras, .invoicePrefix]

    public var query: Query {
        Query(QueryItem.events(of: booking) + Self.settings.map { QueryItem(types: [], tags: [.setting($0)]) }
            + [QueryItem(types: [], tags: [.invoices(year: today.components.year)])])
    }

    public func decide(on state: some HotelReadModel) throws(BookingError) -> [DomainEvent] {
        let booked = try state.existingBooking(booking)
        let folio = state.folio(booking), tariff = state.tariff
        let year = today.components.year
        if credit {
            try booked.require(.credit, at: now)
            guard let open = folio?.openInvoice else { throw .noOpenInvoice(booking) }
            guard let number = tariff.nextInvoiceNumber(year: year) else { throw .invoiceNumbersUsedUp(year: year) }
            return [.invoiceIssued(InvoiceIssued(booking: booking, number: number, date: today, crediting: open.number, total: open.total))]
        }
        if folio?.openInvoice != nil { return [] }
        try booked.require(.invoice, at: now)
        guard let currency = tariff.currency else { throw .noCurrency }
        guard let number = tariff.nextInvoiceNumber(year: year) else { throw .invoiceNumbersUsedUp(year: year) }
        let nightPrices = Folio.chargedNights(of: booked, at: now).compactMap { folio?.price(of: $0) }
        let postings = folio?.postings ?? []
        func percentage(_ key: SettingKey) -> Percentage? { tariff.settings[key].flatMap { try? Percentage($0) } }
        let content = InvoiceIssued.Content(
            client: booked.client, room: booked.room, stay: booked.stay, hotelName: tariff.settings[.name], hotelAddress: tariff.settings[.address],
            vatRooms: percentage(.vatRooms), vatExtras: percentage(.vatExtras), nightPrices: nightPrices, postings: postings.count)
        let total = Invoice.total(nightPrices: nightPrices, postings: postings).scaled(to: currency.minorDigits)
        return [.invoiceIssued(InvoiceIssued(booking: booking, number: number, date: today, total: total, content: content))]
    }
}
