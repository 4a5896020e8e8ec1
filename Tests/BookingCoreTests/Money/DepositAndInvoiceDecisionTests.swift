import Testing
@testable import BookingCore

/// Given past events, when a deposit is paid toward a hold, a hold with money is released, or a stay is
/// invoiced and credited, then the events, or the rule that refuses it.
struct DepositDecisionTests {
    let euro: [DomainEvent] = [added("Blue", type: "double"), .settingChanged(SettingChanged(key: .currency, value: "EUR"))]
    func hold(deposit: String?, client clientID: String? = "42") -> DomainEvent {
        .roomHeld(RoomHeld(booking: bookingID("bkH"), client: clientID.map(client), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"),
            expiresAt: instant("2024-04-20T10:00:00Z"), deposit: deposit.map { try! Amount(logged: $0) }))
    }
    func pay(_ amount: String, at now: Instant = t0, client clientID: String? = nil, confirming: Bool = true) -> PostToFolio {
        PostToFolio(booking: bookingID("bkH"), kind: .payment, amount: amount, day: day("2024-04-20"), method: .card, now: now,
            confirming: confirming ? ConfirmHold(booking: bookingID("bkH"), room: room("Blue"), client: clientID.map(client), now: now) : nil, client: clientID.map(client))
    }
    func paid(_ amount: String) -> DomainEvent {
        .paymentRecorded(PaymentRecorded(booking: bookingID("bkH"), day: day("2024-04-20"), amount: try! Amount(logged: amount), method: .card))
    }

    @Test func aHoldAsksItsDepositInTheCurrency() {
        let reserve = ReserveStay(booking: bookingID("bkH"), client: client("42"), target: .room(room("Blue")), stay: stay("2024-05-01", "2024-05-03"),
            holdUntil: instant("2024-04-20T10:00:00Z"), now: t0, deposit: "50")
        #expect(given(euro, when: reserve) == .success([hold(deposit: "50.00")]))
        #expect(given([added("Blue", type: "double")], when: reserve) == .failure(.noCurrency))
        #expect(hold(deposit: "50.00").tags.contains(.amounts))
    }

    @Test func aPaymentReachingTheDepositConfirmsTheHoldInTheSameAppend() {
        #expect(given(euro + [hold(deposit: "50.00")], when: pay("50")) == .success([paid("50.00"), confirmed("bkH", "Blue")]))
        #expect(given(euro + [hold(deposit: "50.00"), paid("20.00")], when: pay("30")) == .success([paid("30.00"), confirmed("bkH", "Blue")]))
        #expect(given(euro + [hold(deposit: "50.00")], when: pay("80")) == .success([paid("80.00"), confirmed("bkH", "Blue")]))
    }

    @Test func aSmallerPaymentIsRecordedAndTheHoldStaysHeld() {
        #expect(given(euro + [hold(deposit: "50.00")], when: pay("49.99")) == .success([paid("49.99")]))
        #expect(given(euro + [hold(deposit: nil)], when: pay("500")) == .success([paid("500.00")]))
    }

    @Test func aHoldWithoutAClientIsConfirmedForTheClientThePaymentNames() {
        #expect(given(euro + [hold(deposit: "50.00", client: nil)], when: pay("50")) == .failure(.clientRequired(bookingID("bkH"))))
        #expect(given(euro + [hold(deposit: "50.00", client: nil)], when: pay("50", client: "7")) == .success([paid("50.00"), confirmed("bkH", "Blue", client: "7")]))
    }

    @Test func aPaymentOnAnExpiredOrReleasedHoldIsRefused() {
        let late = instant("2024-04-20T10:00:00Z")
        #expect(given(euro + [hold(deposit: "50.00")], when: pay("50", at: late)) == .failure(.holdExpired(bookingID("bkH"), at: late)))
        let released = euro + [hold(deposit: "50.00"), .holdReleased(HoldReleased(booking: bookingID("bkH"), client: client("42"), room: room("Blue")))]
        #expect(given(released, when: pay("50")) == .failure(.wrongStatus(bookingID("bkH"), status: .released, transition: .pay)))
    }

    @Test func aSecondPaymentAfterTheConfirmationIsAPaymentOnly() {
        #expect(given(euro + [hold(deposit: "50.00"), paid("50.00"), confirmed("bkH", "Blue")], when: pay("50")) == .success([paid("50.00")]))
    }

    @Test func aPaymentDecidedWithoutTheConfirmationsBoundaryDrawsItAgain() {
        #expect(given(euro + [hold(deposit: "50.00")], when: pay("50", confirming: false)) == .failure(.depositReachedSinceRead(bookingID("bkH"))))
    }

    @Test func aHoldWithMoneyPaidIsNotReleasedUntilItIsRefunded() {
        let release = ReleaseHold(booking: bookingID("bkH"), now: t0)
        #expect(given(euro + [hold(deposit: "50.00"), paid("20.00")], when: release) == .failure(.paidHold(bookingID("bkH"), paid: try! Amount(logged: "20.00"))))
        let refunded = PaymentRecorded(booking: bookingID("bkH"), isRefund: true, day: day("2024-04-20"), amount: try! Amount(logged: "20.00"), method: .card)
        #expect(given(euro + [hold(deposit: "50.00"), paid("20.00"), .paymentRecorded(refunded)], when: release)
            == .success([.holdReleased(HoldReleased(booking: bookingID("bkH"), client: client("42"), room: room("Blue")))]))
    }

    @Test func aRepeatOfAHoldWithAnotherDepositOrPriceIsNotTheSameRequest() {
        let key = try! IdempotencyKey("k1")
        func reserve(deposit: String?, price: String? = nil) -> ReserveStay {
            ReserveStay(booking: bookingID("bkH"), client: client("42"), target: .room(room("Blue")), stay: stay("2024-05-01", "2024-05-03"),
                holdUntil: instant("2024-04-20T10:00:00Z"), idempotencyKey: key, now: t0, negotiatedPrice: price, deposit: deposit)
        }
        let first = RoomHeld(booking: bookingID("bkH"), client: client("42"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"),
            expiresAt: instant("2024-04-20T10:00:00Z"), idempotencyKey: key, deposit: try! Amount(logged: "50.00"))
        #expect(given(euro + [.roomHeld(first)], when: reserve(deposit: "50")) == .success([]))
        #expect(given(euro + [.roomHeld(first)], when: reserve(deposit: "60")) == .failure(.idempotencyKeyReused(key, existing: bookingID("bkH"))))
        #expect(given(euro + [.roomHeld(first)], when: reserve(deposit: "50", price: "90")) == .failure(.idempotencyKeyReused(key, existing: bookingID("bkH"))))
    }
}

struct InvoiceDecisionTests {
    let setUp: [DomainEvent] = [
        added("Blue", type: "double"), .settingChanged(SettingChanged(key: .currency, value: "EUR")),
        .settingChanged(SettingChanged(key: .vatRooms, value: "10")), .settingChanged(SettingChanged(key: .name, value: "Bellevue")),
        .rateSet(RateSet(RateRule(type: try! RoomType("double"), price: try! Amount(logged: "100.00")))),
    ]
    var booked: DomainEvent {
        .roomBooked(RoomBooked(booking: bookingID("bkA"), client: client("42"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"),
            price: StayPrice(nightly: [try! Amount(logged: "100.00"), try! Amount(logged: "120.00")])))
    }
    let today = day("2024-05-03")
    func number(_ sequence: Int, year: Int = 2024, prefix: String = "INV") -> InvoiceNumber { InvoiceNumber(prefix: prefix, year: year, sequence: sequence) }
    func invoiced(_ sequence: Int, total: String = "220.00", postings: Int = 0, prices: [String] = ["100.00", "120.00"]) -> DomainEvent {
        .invoiceIssued(InvoiceIssued(booking: bookingID("bkA"), number: number(sequence), date: today, total: try! Amount(logged: total),
            content: .init(client: client("42"), room: room("Blue"), stay: stay("2024-05-01", "2024-05-03"), hotelName: "Bellevue", hotelAddress: nil,
                vatRooms: try! Percentage("10"), vatExtras: nil, nightPrices: prices.map { try! Amount(logged: $0) }, postings: postings)))
    }
    func credited(_ sequence: Int, _ credited: Int, total: String = "220.00") -> DomainEvent {
        .invoiceIssued(InvoiceIssued(booking: bookingID("bkA"), number: number(sequence), date: today, crediting: number(credited), total: try! Amount(logged: total)))
    }
    func issue(credit: Bool = false, on day: Day? = nil) -> IssueInvoice { IssueInvoice(booking: bookingID("bkA"), credit: credit, today: day ?? today, now: t0) }

    @Test func theFirstInvoiceOfTheYearIsNumberOne() {
        #expect(given(setUp + [booked], when: issue()) == .success([invoiced(1)]))
    }

    @Test func askedAgainWhileOpenItRecordsNothing() {
        #expect(given(setUp + [booked, invoiced(1)], when: issue()) == .success([]))
    }

    @Test func aCreditNoteTakesTheNextNumberAndAnInvoiceAfterItTheOneAfter() {
        #expect(given(setUp + [booked, invoiced(1)], when: issue(credit: true)) == .success([credited(2, 1)]))
        #expect(given(setUp + [booked, invoiced(1), credited(2, 1)], when: issue()) == .success([invoiced(3)]))
        #expect(given(setUp + [booked], when: issue(credit: true)) == .failure(.noOpenInvoice(bookingID("bkA"))))
    }

    @Test func eachYearHasItsOwnSequenceAndThePrefixSet() {
        let prefixed = setUp + [.settingChanged(SettingChanged(key: .invoicePrefix, value: "BV")), booked, invoiced(1)]
        guard case .success(let events) = given(prefixed + [credited(2, 1)], when: issue(on: day("2025-01-02"))), case .invoiceIssued(let e)? = events.first else {
            Issue.record("not invoiced")
            return
        }
        #expect(e.number.description == "BV-2025-000001")
        #expect(e.tags.contains(.invoices(year: 2025)))
    }

    @Test func theInvoiceCoversTheFoliosPostingsAndTotalsNightsExtrasAndFees() {
        let extra = DomainEvent.chargePosted(ChargePosted(booking: bookingID("bkA"), kind: .extra, day: day("2024-05-01"), amount: try! Amount(logged: "18.50"), what: FolioText(unchecked: "breakfast")))
        let payment = DomainEvent.paymentRecorded(PaymentRecorded(booking: bookingID("bkA"), day: day("2024-05-01"), amount: try! Amount(logged: "100.00"), method: .card))
        #expect(given(setUp + [booked, extra, payment], when: issue()) == .success([invoiced(1, total: "238.50", postings: 2)]))
    }

    @Test func aHoldIsNotInvoiced() {
        let hold = held("bkA", "Blue", "2024-05-01", "2024-05-03", until: "2024-04-20T10:00:00Z", client: "42")
        #expect(given(setUp + [hold], when: issue()) == .failure(.wrongStatus(bookingID("bkA"), status: .held, transition: .invoice)))
    }

    @Test func anOpenInvoiceClosesTheFolioToChargesPaymentsRefundsChangesAndFees() {
        let history = setUp + [booked, invoiced(1)]
        let closed = { (t: Transition) in BookingError.folioClosed(bookingID("bkA"), invoice: self.number(1), transition: t) }
        for (kind, transition) in [(Posting.Kind.extra, Transition.charge), (.payment, .pay), (.refund, .refund)] {
            let post = PostToFolio(booking: bookingID("bkA"), kind: kind, amount: "5", day: day("2024-05-01"), what: FolioText(unchecked: "x"), now: t0)
            #expect(given(history, when: post) == .failure(closed(transition)))
        }
        let change = ChangeBooking(booking: bookingID("bkA"), currentRoom: room("Blue"), room: nil, arrival: nil, departure: day("2024-05-04"), now: t0, today: day("2024-04-20"))
        #expect(given(history, when: change) == .failure(closed(.change)))
        // A fee is a charge, refused as the command that posts it.
        #expect(given(history, when: CancelBooking(booking: bookingID("bkA"), now: t0, fee: "10", today: day("2024-04-20"))) == .failure(closed(.cancel)))
        // Without a fee, a cancellation does not touch the folio: the invoice stands until credited.
        guard case .success = given(history, when: CancelBooking(booking: bookingID("bkA"), now: t0, today: day("2024-04-20"))) else { Issue.record("refused"); return }
        // Credited, the folio is open again.
        guard case .success = given(history + [credited(2, 1)], when: change) else { Issue.record("still closed: \(given(history + [credited(2, 1)], when: change))"); return }
    }

    @Test func theVATIncludedIsComputedOnEachRatesTotalRoundedHalfUp() {
        #expect(Invoice.vatIncluded(in: try! Amount(logged: "110.00"), at: try! Percentage("10")) == (try! Amount(logged: "10.00")))
        // 100 x 7.7 / 107.7 = 7.1495...: 7.15.
        #expect(Invoice.vatIncluded(in: try! Amount(logged: "100.00"), at: try! Percentage("7.7")) == (try! Amount(logged: "7.15")))
        // 0.21 x 19 / 119 = 0.0335...: 0.03; 0.35 x 19 / 119 = 0.0558...: 0.06.
        #expect(Invoice.vatIncluded(in: try! Amount(logged: "0.21"), at: try! Percentage("19")) == (try! Amount(logged: "0.03")))
        #expect(Invoice.vatIncluded(in: try! Amount(logged: "0.35"), at: try! Percentage("19")) == (try! Amount(logged: "0.06")))
        // In a currency without minor digits: 31 x 5 / 105 = 1.476...: 1; 55 x 10 / 110 = 5 exactly.
        #expect(Invoice.vatIncluded(in: Amount(minorUnits: 31, minorDigits: 0), at: try! Percentage("5")) == Amount(minorUnits: 1, minorDigits: 0))
        #expect(Invoice.vatIncluded(in: Amount(minorUnits: 55, minorDigits: 0), at: try! Percentage("10")) == Amount(minorUnits: 5, minorDigits: 0))
        // Exactly half a unit rounds up, and half away from zero below it: 11 x 100 / 200 = 5.5: 6, and -6.
        #expect(Invoice.vatIncluded(in: Amount(minorUnits: 11, minorDigits: 0), at: try! Percentage("100")) == Amount(minorUnits: 6, minorDigits: 0))
        #expect(Invoice.vatIncluded(in: Amount(minorUnits: -11, minorDigits: 0), at: try! Percentage("100")) == Amount(minorUnits: -6, minorDigits: 0))
    }

    @Test func theDocumentGroupsNightsByPriceAndSumsVATPerRate() {
        var rates = invoiced(1, total: "338.50", postings: 3, prices: ["100.00", "100.00", "120.00"])
        if case .invoiceIssued(var e) = rates { e.content?.vatExtras = try! Percentage("20"); rates = .invoiceIssued(e) }
        guard case .invoiceIssued(let issued) = rates else { return }
        let postings = [
            Posting(kind: .extra, day: day("2024-05-01"), amount: try! Amount(logged: "12.00"), what: "minibar"),
            Posting(kind: .fee, day: day("2024-05-02"), amount: try! Amount(logged: "6.50"), what: "late"),
            Posting(kind: .payment, day: day("2024-05-01"), amount: try! Amount(logged: "300.00"), method: .cash),
        ]
        let invoice = Invoice(issued: issued, postings: postings)
        #expect(invoice.nightGroups.map(\.nights) == [2, 1])
        #expect(invoice.nightGroups.map(\.total) == [try! Amount(logged: "200.00"), try! Amount(logged: "120.00")])
        #expect(invoice.total == (try! Amount(logged: "338.50")))
        // Rooms and fees 326.50 at 10%: 29.68; extras 12.00 at 20%: 2.00.
        #expect(invoice.vat.map(\.amount) == [try! Amount(logged: "29.68"), try! Amount(logged: "2.00")])
        #expect(invoice.balance == (try! Amount(logged: "38.50")))
        let credit = invoice.credited(by: InvoiceIssued(booking: bookingID("bkA"), number: number(2), date: today, crediting: number(1), total: invoice.total))
        #expect(credit.total == -(try! Amount(logged: "338.50")))
        #expect(credit.vat.map(\.amount) == [-(try! Amount(logged: "29.68")), -(try! Amount(logged: "2.00"))])
        #expect(credit.payments.isEmpty && credit.balance == credit.total)
    }
}
