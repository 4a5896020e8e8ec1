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
    /// - An invoice closes the folio (``Folio/openInvoice``); its credit note opens it again.
    func apply(to folios: inout some FolioEditing) {
        switch self {
        case .roomBooked(let e):
            open(e.booking, e.price, from: e.stay.arrival, in: &folios)
        case .roomHeld(let e):
            open(e.booking, e.price, from: e.stay.arrival, deposit: e.deposit, in: &folios)
        case .bookingChanged(let e):
            folios.editFolio(e.booking) { folio in
                guard e.price != nil || folio != nil else { return }
                folio = Folio(price: e.price, firstNight: e.stay.arrival, postings: folio?.postings ?? [], deposit: folio?.deposit, openInvoice: folio?.openInvoice)
            }
        case .stayMilestone(let e):
            // A guest who stayed on: the nights past the booked departure were priced at the check-out.
            guard let price = e.price else { return }
            folios.editFolio(e.booking) { $0?.price = price }
        case .bookingCorrected(let e) where e.undid == .cancellation || e.undid == .noShow:
            // Undone, the cancellation or no-show takes its fee with it (a stay has at most one such fee: fees
            // are posted only with them).
            folios.editFolio(e.booking) { folio in
                if let last = folio?.postings.lastIndex(where: { $0.kind == .fee }) { folio?.postings.remove(at: last) }
            }
        case .chargePosted(let e):
            post(e.posting, to: e.booking, in: &folios)
        case .paymentRecorded(let e):
            post(e.posting, to: e.booking, in: &folios)
        case .invoiceIssued(let e):
            // An invoice closes the folio; its credit note opens it again.
            folios.editFolio(e.booking) { folio in
                guard let content = e.content else { folio?.openInvoice = nil; return }
                var closed = folio ?? Folio(price: nil, firstNight: content.stay.arrival)
                closed.openInvoice = e
                folio = closed
            }
        default:
            break
        }
    }

    /// A stay booked or held with a price, or held with a deposit, opens its folio (keeping anything posted
    /// to the id before).
    private func open(_ id: BookingID, _ price: StayPrice?, from arrival: Day, deposit: Amount? = nil, in folios: inout some FolioEditing) {
        guard price != nil || deposit != nil else { return }
        folios.editFolio(id) { $0 = Folio(price: price, firstNight: arrival, postings: $0?.postings ?? [], deposit: deposit, openInvoice: $0?.openInvoice) }
    }

    /// A line posted to a folio (opening one for a stay that had none).
    private func post(_ posting: Posting, to id: BookingID, in folios: inout some FolioEditing) {
        folios.editFolio(id) { folio in
            var opened = folio ?? Folio(price: nil, firstNight: posting.day)
            opened.postings.append(posting)
            folio = opened
        }
    }
}
