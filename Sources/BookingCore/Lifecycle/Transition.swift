/// A step of the stay's lifecycle that a command records on an existing booking, hold or block.
public enum Transition: Sendable, Equatable, CaseIterable {
    /// A hold becomes a booking.
    case confirm
    /// A hold ends at once.
    case release
    /// A hold or a booking is called off.
    case cancel
    /// A stay moves to another room and/or other dates.
    case change
    /// The guest arrives.
    case checkIn
    /// The guest leaves.
    case checkOut
    /// The guest did not come.
    case noShow
    /// A block ends: the room is back in service.
    case unblock
    /// A correction: the last check-in, check-out, no-show or cancellation is undone.
    case undo
    /// An extra is charged to the stay's folio.
    case charge
    /// A payment toward the stay is recorded.
    case pay
    /// Money paid is given back.
    case refund
    /// The stay's invoice is issued, closing its folio.
    case invoice
    /// A credit note cancels the stay's open invoice, opening its folio again.
    case credit

    /// The transition that records `kind`.
    public init(_ kind: StayMilestone.Kind) {
        switch kind {
        case .checkedIn: self = .checkIn
        case .checkedOut: self = .checkOut
        case .noShow: self = .noShow
        }
    }
}
