import Testing
@testable import BookingCore

/// Given past events, when a setting or a rate is recorded, then its event or the rule that refuses it;
/// and the price of a night is the last rate recorded that covers it.
struct TariffTests {
    func setting(_ key: SettingKey, _ value: String) -> DomainEvent { .settingChanged(SettingChanged(key: key, value: value)) }
    func rate(_ type: String, _ price: String, _ nights: Stay? = nil, days: [Weekday] = []) -> DomainEvent {
        .rateSet(RateSet(RateRule(type: try! RoomType(type), price: try! Amount(logged: price), nights: nights, days: days)))
    }
    let rooms: [DomainEvent] = [added("Blue", type: "double"), added("S1", type: "suite")]
    var euro: [DomainEvent] { rooms + [setting(.currency, "EUR")] }

    @Test func aSettingIsRecordedAndTheSameValueAgainRecordsNothing() {
        #expect(given([], when: ChangeSetting(key: .name, value: "Hotel Lago")) == .success([setting(.name, "Hotel Lago")]))
        #expect(given([setting(.name, "Hotel Lago")], when: ChangeSetting(key: .name, value: "Hotel Lago")) == .success([]))
    }

    @Test func theCurrencyChangesUntilAnAmountIsRecorded() {
        #expect(given(euro, when: ChangeSetting(key: .currency, value: "USD")) == .success([setting(.currency, "USD")]))
        let priced = euro + [rate("double", "120.00")]
        #expect(given(priced, when: ChangeSetting(key: .currency, value: "USD")) == .failure(.currencyFixed(current: "EUR")))
        #expect(given(priced, when: ChangeSetting(key: .currency, value: "EUR")) == .success([]))
    }

    @Test func theCurrencysBoundaryCoversEveryAmount() {
        let query = ChangeSetting(key: .currency, value: "USD").query
        #expect(query.matches(rate("double", "1.00").storeEvent))
        #expect(!ChangeSetting(key: .name, value: "x").query.matches(rate("double", "1.00").storeEvent))
    }

    @Test func aRateNeedsACurrencyAndAPriceInItsForm() {
        #expect(given(rooms, when: SetRate(type: try! RoomType("double"), price: "120")) == .failure(.noCurrency))
        #expect(given(euro, when: SetRate(type: try! RoomType("double"), price: "120")) == .success([rate("double", "120.00")]))
        #expect(given(euro, when: SetRate(type: try! RoomType("double"), price: "120.001"))
            == .failure(.invalidAmount(.amount("120.001", currency: try! Currency("EUR")))))
        #expect(given(rooms + [setting(.currency, "JPY")], when: SetRate(type: try! RoomType("double"), price: "15000")) == .success([rate("double", "15000")]))
    }

    @Test func aRateIsOfATypeTheHotelHas() {
        guard case .failure(.unknownRoomType) = given(euro, when: SetRate(type: try! RoomType("twin"), price: "90")) else {
            Issue.record("a rate of an unknown type was set")
            return
        }
    }

    @Test func theLastRateThatCoversANightWins() throws {
        let december = try Stay(arrival: Day("2024-12-24"), departure: Day("2024-12-27"))
        let hotel = HotelProjection(euro + [rate("double", "120.00"), rate("double", "150.00", days: [.fri, .sat]), rate("double", "200.00", december)])
        let stay = try Stay(arrival: Day("2024-12-20"), departure: Day("2024-12-28"))
        let prices = try hotel.tariff.prices(of: RoomType("double"), for: stay).map(\.price.description)
        #expect(prices == ["150.00", "150.00", "120.00", "120.00", "200.00", "200.00", "200.00", "150.00"])
        #expect(throws: BookingError.nightWithoutPrice(try RoomType("suite"), night: try Day("2024-12-20"))) {
            try hotel.tariff.prices(of: RoomType("suite"), for: stay)
        }
    }

    @Test func aTariffIsReadBackFromItsEvents() throws {
        let hotel = HotelProjection(euro + [setting(.address, "Via Roma 1, Como"), rate("double", "120.00"), rate("suite", "300.00", days: [.sun])])
        #expect(HotelProjection(hotel.tariff.events).tariff == hotel.tariff)
    }
}

/// A log holds a folio for every priced stay: what one keeps inline is what a million of them cost.
struct FolioSizeTests {
    @Test func aFolioKeepsItsInvoiceOutOfLine() {
        #expect(MemoryLayout<Folio>.size <= 96, "\(MemoryLayout<Folio>.size) bytes")
    }
}

/// Every event a replay decodes is as large as the largest case: large ones are kept out of line.
struct EventSizeTests {
    @Test func anEventIsNoLargerThanTheLargestStayEvent() {
        let stays = [MemoryLayout<RoomBooked>.size, MemoryLayout<RoomHeld>.size, MemoryLayout<BookingChanged>.size, MemoryLayout<StayMilestone>.size].max()!
        #expect(MemoryLayout<DomainEvent>.size <= stays + 8, "\(MemoryLayout<DomainEvent>.size) bytes, the largest stay event \(stays)")
    }
}
