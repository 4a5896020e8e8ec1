/// An invoice of a stay was issued (`hotel invoice`), or a credit note cancelling its open invoice (`hotel
/// invoice --credit`). Tags: `booking:<id>`, `invoices:<year>` (the year's numbers are one boundary: they are
/// gap-free), `amounts`.
///
/// An invoice records what it says, so that it reads the same for ever: the client, room and stay, the
/// hotel's name and address, the VAT rates and the price of each night charged as they were when issued,
/// how many of the folio's postings (extras, fees, payments, refunds, in the order recorded) it covers, and
/// its total. Data: `{"bookingId":"bk7q2mxa3d","number":"INV-2026-000001","date":"2026-12-03","client":"42",
/// "room":"Blue","arrival":"2026-12-01","departure":"2026-12-04","prices":"120.00 120.00 150.00",
/// "postings":"2","total":"408.50"}`, with `"hotel"`, `"address"`, `"vatRooms"` and `"vatExtras"` when set.
/// A credit note (type `CreditNoteIssued`): `{"bookingId":…,"number":…,"date":…,"credits":"INV-2026-000001",
/// "total":"408.50"}`, the total of the invoice it cancels.
public struct InvoiceIssued: Sendable, Equatable {
    /// The event types in the log: an invoice, a credit note.
    public static let type = "InvoiceIssued"
    public static let creditType = "CreditNoteIssued"

    public var booking: BookingID
    public var number: InvoiceNumber
    public var date: Day
    /// For a credit note, the invoice it cancels; nil for an invoice.
    public var credits: InvoiceNumber?
    /// The invoice's total (a credit note's: the one it cancels).
    public var total: Amount
    /// What an invoice says; nil for a credit note.
    public var content: Content?

    /// What an invoice records besides its number, date and total.
    public struct Content: Sendable, Equatable {
        public var client: ClientID?
        public var room: RoomName
        public var stay: Stay
        public var hotelName: String?
        public var hotelAddress: String?
        public var vatRooms: Percentage?
        public var vatExtras: Percentage?
        /// The price of each night charged, in night order.
        public var nightPrices: [Amount]
        /// How many of the folio's postings, from the first, it covers.
        public var postings: Int

        public init(client: ClientID?, room: RoomName, stay: Stay, hotelName: String?, hotelAddress: String?, vatRooms: Percentage?, vatExtras: Percentage?, nightPrices: [Amount], postings: Int) {
            self.client = client
            self.room = room
            self.stay = stay
            self.hotelName = hotelName
            self.hotelAddress = hotelAddress
            self.vatRooms = vatRooms
            self.vatExtras = vatExtras
            self.nightPrices = nightPrices
            self.postings = postings
        }
    }

    public init(booking: BookingID, number: InvoiceNumber, date: Day, total: Amount, content: Content) {
        self.booking = booking
        self.number = number
        self.date = date
        self.total = total
        self.content = content
    }

    public init(booking: BookingID, number: InvoiceNumber, date: Day, crediting credited: InvoiceNumber, total: Amount) {
        self.booking = booking
        self.number = number
        self.date = date
        self.credits = credited
        self.total = total
    }

    public var isCredit: Bool { credits != nil }

    var tags: [Tag] { [.booking(booking), .invoices(year: number.year), .amounts] }
    var data: JSONObject {
        var data: JSONObject = ["bookingId": .string(booking.rawValue), "number": .string(number.description), "date": .string(date.description)]
        if let credits { data["credits"] = .string(credits.description) }
        if let content {
            if let client = content.client { data["client"] = .string(client.rawValue) }
            data["room"] = .string(content.room.rawValue)
            data.add(content.stay)
            if let name = content.hotelName { data["hotel"] = .string(name) }
            if let address = content.hotelAddress { data["address"] = .string(address) }
            if let vat = content.vatRooms { data["vatRooms"] = .string(vat.text) }
            if let vat = content.vatExtras { data["vatExtras"] = .string(vat.text) }
            data["prices"] = .string(content.nightPrices.map(\.logged).joined(separator: " "))
            data["postings"] = .string(String(content.postings))
        }
        data["total"] = .string(total.logged)
        return data
    }

    init(_ fields: some EventFields, isCredit: Bool) throws(EventDataError) {
        booking = try fields.value("bookingId", BookingID.init(_:))
        number = try fields.value("number", InvoiceNumber.init(logged:))
        date = try fields.value("date", Day.init(_:))
        total = try fields.value("total", Amount.init(logged:))
        guard !isCredit else {
            credits = try fields.value("credits", InvoiceNumber.init(logged:))
            return
        }
        func percentage(_ key: StaticString) throws(EventDataError) -> Percentage? {
            guard let text = try fields.optionalString(key) else { return nil }
            do { return try Percentage(text) } catch { throw fields.failure("\"\(key)\": \(error)") }
        }
        var prices: [Amount] = []
        if let text = try fields.optionalString("prices"), !text.isEmpty {
            for part in text.split(separator: " ", omittingEmptySubsequences: false) {
                do { prices.append(try Amount(logged: String(part))) } catch { throw fields.failure("\"prices\": \(error)") }
            }
        }
        guard let postingsText = try fields.optionalString("postings"), let postings = Int(postingsText), postings >= 0 else {
            throw fields.failure("\"postings\" must be a count")
        }
        content = Content(
            client: try fields.optionalValue("client", ClientID.init(_:)), room: try fields.value("room", RoomName.init(_:)), stay: try fields.stay(),
            hotelName: try fields.optionalString("hotel"), hotelAddress: try fields.optionalString("address"),
            vatRooms: try percentage("vatRooms"), vatExtras: try percentage("vatExtras"), nightPrices: prices, postings: postings)
    }
}
