import Testing
@testable import BookingCore

/// The list of event types `hotel log --type` takes is the decoder's: each name is read as its own type.
struct EventTypesTests {
    @Test(arguments: DomainEvent.types)
    func eachListedTypeIsOneTheDecoderReads(_ type: String) {
        let recorded = SequencedEvent(position: Position(1), event: Event(type: type, tags: [], data: [:]), recordedAt: "2024-05-01T00:00:00Z")
        // Its data is missing, so it is refused, but for that and not as a type this version does not know.
        #expect(throws: EventDataError.self) { try DomainEvent(recorded) }
        do { _ = try DomainEvent(recorded) } catch { #expect(!error.reason.hasPrefix("unknown event type"), "\(error)") }
    }

    @Test func everyEventTypeIsListedOnce() {
        let written = [
            added("Blue"), booked("bkA", "Blue", "2024-05-01", "2024-05-02"), held("bkH", "Blue", "2024-05-03", "2024-05-04", until: "2024-05-01T00:15:00Z"),
            confirmed("bkH", "Blue"), released("bkH", "Blue"), cancelled("bkA", "Blue"),
            changed("bkA", from: ("Blue", "2024-05-01", "2024-05-02"), to: ("Blue", "2024-05-01", "2024-05-03")),
            milestone(.checkedIn, "bkA", "Blue", on: "2024-05-01"), milestone(.checkedOut, "bkA", "Blue", on: "2024-05-02"),
            milestone(.noShow, "bkA", "Blue", on: "2024-05-01"), blocked("blB", "Blue", "2024-05-05", "2024-05-06"), unblocked("blB", "Blue"),
            .bookingCorrected(BookingCorrected(booking: bookingID("bkA"), client: client("42"), room: room("Blue"), undid: .checkIn, status: .active, stay: stay("2024-05-01", "2024-05-02"))),
            .settingChanged(SettingChanged(key: .currency, value: "EUR")),
            .rateSet(RateSet(RateRule(type: try! RoomType("double"), price: try! Amount(logged: "120.00")))),
            .chargePosted(ChargePosted(booking: bookingID("bkA"), kind: .extra, day: day("2024-05-01"), amount: try! Amount(logged: "5.00"))),
            .paymentRecorded(PaymentRecorded(booking: bookingID("bkA"), day: day("2024-05-01"), amount: try! Amount(logged: "5.00"), method: .cash)),
            .paymentRecorded(PaymentRecorded(booking: bookingID("bkA"), isRefund: true, day: day("2024-05-01"), amount: try! Amount(logged: "5.00"), method: .cash)),
            .invoiceIssued(InvoiceIssued(booking: bookingID("bkA"), number: InvoiceNumber(prefix: "INV", year: 2024, sequence: 1), date: day("2024-05-02"), total: try! Amount(logged: "5.00"),
                content: .init(client: client("42"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-02"), hotelName: nil, hotelAddress: nil, vatRooms: nil, vatExtras: nil, nightPrices: [], postings: 1))),
            .invoiceIssued(InvoiceIssued(booking: bookingID("bkA"), number: InvoiceNumber(prefix: "INV", year: 2024, sequence: 2), date: day("2024-05-02"),
                crediting: InvoiceNumber(prefix: "INV", year: 2024, sequence: 1), total: try! Amount(logged: "5.00"))),
            .guestProfileSet(GuestProfileSet(client: client("42"), revision: GuestRevision(bits: 1), fields: [.name])),
            .guestForgotten(GuestForgotten(client: client("42"), at: instant("2024-05-03T00:00:00Z"))),
            .roomStatusSet(RoomStatusSet(room: room("Blue"), status: .dirty)),
        ].map(\.storeEvent.type)
        #expect(DomainEvent.types == written)
    }
}
