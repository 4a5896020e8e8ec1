/// What can hold folios, as the folios' meaning edits them (``DomainEvent/apply(to:)-(FolioEditing)``): the
/// in-memory ``FolioBook``, and the cached model (its snapshot section plus the tail).
protocol FolioEditing {
    /// Changes the folio of booking `id` (nil if it has none yet) to what `change` leaves.
    mutating func editFolio(_ id: BookingID, _ change: (inout Folio?) -> Void)
}

/// Every booking's folio, folded in memory: bookings with a price or anything posted to them have one.
struct FolioBook: FolioEditing, Sendable {
    private(set) var folios: [BookingKey: Folio] = [:]

    var isEmpty: Bool { folios.isEmpty }

    func folio(_ id: BookingID) -> Folio? { folios.isEmpty ? nil : folios[BookingKey(id)] }

    mutating func editFolio(_ id: BookingID, _ change: (inout Folio?) -> Void) {
        change(&folios[BookingKey(id)])
    }

    mutating func put(_ key: BookingKey, _ folio: Folio) { folios[key] = folio }
}

extension DomainEvent {
    /// What the event does to the folios: the one place the money of a stay is given its meaning.
    ///
    /// - Booking or holding a stay with a price opens its folio with that price; a change gives it the
    ///   price of the stay as changed (nights kept keep their price: the decision carried them over).
    /// - A charge, payment or refund adds its line.
    func apply(to folios: inout some FolioEditing) {
        switch self {
        case .roomBooked(let e):
            guard let price = e.price else { return }
            folios.editFolio(e.booking) { $0 = Folio(price: price, firstNight: e.stay.arrival, postings: $0?.postings ?? []) }
        case .roomHeld(let e):
            guard let price = e.price else { return }
            folios.editFolio(e.booking) { $0 = Folio(price: price, firstNight: e.stay.arrival, postings: $0?.postings ?? []) }
        case .bookingChanged(let e):
            folios.editFolio(e.booking) { folio in
                guard e.price != nil || folio != nil else { return }
                folio = Folio(price: e.price, firstNight: e.stay.arrival, postings: folio?.postings ?? [])
            }
        case .chargePosted(let e):
            folios.editFolio(e.booking) { folio in
                var opened = folio ?? Folio(price: nil, firstNight: e.day)
                opened.postings.append(e.posting)
                folio = opened
            }
        case .paymentRecorded(let e):
            folios.editFolio(e.booking) { folio in
                var opened = folio ?? Folio(price: nil, firstNight: e.day)
                opened.postings.append(e.posting)
                folio = opened
            }
        default:
            break
        }
    }
}
