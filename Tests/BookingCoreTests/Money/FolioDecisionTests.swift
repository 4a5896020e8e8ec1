import Testing
@testable import BookingCore

/// Given past events, when a stay is booked, changed, charged, paid, refunded, cancelled with a fee or
/// checked out, then the events with their amounts, or the rule that refuses it.
struct FolioDecisionTests {
    let euro: [DomainEvent] = [
        added("Blue", type: "double"), added("S1", type: "suite"), .settingChanged(SettingChanged(key: .currency, value: "EUR")),
        .rateSet(RateSet(RateRule(type: try! RoomType("double"), price: try! Amount(logged: "100.00")))),
    ]
    func amounts(_ texts: String...) -> [Amount] { texts.map { try! Amount(logged: $0) } }
    func price(_ texts: String..., negotiated: String? = nil) -> StayPrice {
        StayPrice(nightly: texts.map { try! Amount(logged: $0) }, negotiated: negotiated.map { try! Amount(logged: $0) })
    }
    func booking(_ id: String = "bkA", price: StayPrice?, room: String = "Blue", from: String = "2024-05-01", to: String = "2024-05-03") -> DomainEvent {
        .roomBooked(RoomBooked(booking: bookingID(id), client: client("42"), room: try! RoomName(room), stay: stay(from, to), price: price))
    }
    func reserve(room: String = "Blue", negotiated: String? = nil) -> ReserveStay {
        ReserveStay(booking: bookingID("bkA"), client: client("42"), target: .room(try! RoomName(room)), stay: stay("2024-05-01", "2024-05-03"), now: t0, negotiatedPrice: negotiated)
    }

    @Test func aBookingIsPricedAtTheRatesOrTheNegotiatedPriceOrNotAtAll() {
        #expect(given(euro, when: reserve()) == .success([booking(price: price("100.00", "100.00"))]))
        #expect(given(euro, when: reserve(negotiated: "80")) == .success([booking(price: price("80.00", "80.00", negotiated: "80.00"))]))
        #expect(given(euro, when: reserve(room: "S1")) == .success([booking(price: nil, room: "S1")]))
        #expect(given(Array(euro.prefix(2)), when: reserve(negotiated: "80")) == .failure(.noCurrency))
    }

    @Test func aPricedBookingCarriesTheAmountsTag() {
        #expect(booking(price: price("1.00", "1.00")).tags.contains(.amounts))
        #expect(!booking(price: nil).tags.contains(.amounts))
    }

    @Test func aChangeKeepsKeptNightsAndPricesTheRest() {
        let history = euro + [booking(price: price("90.00", "90.00"))]
        let longer = ChangeBooking(booking: bookingID("bkA"), currentRoom: room("Blue"), room: nil, arrival: nil, departure: day("2024-05-04"), now: t0, today: day("2024-04-20"))
        guard case .success(let events) = given(history, when: longer), case .bookingChanged(let changed)? = events.first else {
            Issue.record("the change was refused")
            return
        }
        #expect(changed.price == price("90.00", "90.00", "100.00"))
        let negotiated = euro + [booking(price: price("80.00", "80.00", negotiated: "80.00"))]
        guard case .success(let again) = given(negotiated, when: longer), case .bookingChanged(let kept)? = again.first else { return }
        #expect(kept.price == price("80.00", "80.00", "80.00", negotiated: "80.00"))
    }

    func post(_ kind: Posting.Kind, _ amount: String, to id: String = "bkA") -> PostToFolio {
        PostToFolio(booking: bookingID(id), kind: kind, amount: amount, day: day("2024-05-01"), method: .card, now: t0)
    }
    func paid(_ amount: String, refund: Bool = false) -> DomainEvent {
        .paymentRecorded(PaymentRecorded(booking: bookingID("bkA"), isRefund: refund, day: day("2024-05-01"), amount: try! Amount(logged: amount), method: .card))
    }

    @Test func paymentsAndRefunds() {
        let history = euro + [booking(price: price("100.00", "100.00"))]
        #expect(given(history, when: post(.payment, "50")) == .success([paid("50.00")]))
        #expect(given(history, when: post(.refund, "10")) == .failure(.refundTooLarge(bookingID("bkA"), paid: .zero)))
        #expect(given(history + [paid("50.00"), paid("20.00", refund: true)], when: post(.refund, "30")) == .success([paid("30.00", refund: true)]))
        #expect(given(history + [paid("50.00"), paid("20.00", refund: true)], when: post(.refund, "30.01")) == .failure(.refundTooLarge(bookingID("bkA"), paid: try! Amount(logged: "30.00"))))
        #expect(given(history, when: post(.payment, "0")) == .failure(.invalidAmount(.text(option: "--amount", "0", reason: "must be more than zero"))))
        guard case .failure(.unknownBooking) = given(history, when: post(.payment, "5", to: "bkB")) else { Issue.record("paid an unknown booking"); return }
    }

    @Test func anExtraNeedsAStayThatCanBeCharged() {
        let cancelled = euro + [booking(price: nil), .bookingCancelled(BookingCancelled(booking: bookingID("bkA"), client: client("42"), room: room("Blue")))]
        #expect(given(cancelled, when: post(.extra, "5")) == .failure(.alreadyCancelled(bookingID("bkA"))))
        #expect(given(cancelled, when: post(.payment, "5")) == .success([paid("5.00")]))
    }

    @Test func aCancellationFeeIsPostedInTheSameAppend() {
        let history = euro + [booking(price: nil)]
        let cancel = CancelBooking(booking: bookingID("bkA"), now: t0, fee: "25", today: day("2024-04-20"))
        #expect(given(history, when: cancel) == .success([
            .bookingCancelled(BookingCancelled(booking: bookingID("bkA"), client: client("42"), room: room("Blue"))),
            .chargePosted(ChargePosted(booking: bookingID("bkA"), kind: .fee, day: day("2024-04-20"), amount: try! Amount(logged: "25.00"), what: FolioText(unchecked: "cancellation"))),
        ]))
    }

    @Test func aCheckOutIsRefusedWhileTheNightsStayedAreNotPaid() {
        let checkedIn = euro + [booking(price: price("100.00", "100.00")), milestone(.checkedIn, "bkA", "Blue", on: "2024-05-01")]
        let early = RecordMilestone(.checkedOut, booking: bookingID("bkA"), today: day("2024-05-02"), now: t0)
        #expect(given(checkedIn, when: early) == .failure(.balanceDue(bookingID("bkA"), try! Amount(logged: "100.00"), invoiced: nil)))
        guard case .success = given(checkedIn + [paid("100.00")], when: early) else { Issue.record("a paid check-out was refused"); return }
        var allowed = early
        allowed.allowsBalance = true
        guard case .success = given(checkedIn, when: allowed) else { Issue.record("--allow-balance was refused"); return }
    }
}
