extension DomainEvent {
    /// What happened, in words, for `hotel history`: "booked Blue 2024-05-01..2024-05-03 for client 42",
    /// "moved to Green 2024-05-01..2024-05-04", "checked in on 2024-05-01", ...
    public var summary: String {
        func reason(_ reason: Reason?) -> String { reason.map { ": \($0)" } ?? "" }
        func client(_ client: ClientID?) -> String { client.map { " for client \($0)" } ?? "" }
        switch self {
        case .roomAdded(let e):
            return "room \(e.room) added, type \(e.roomType)"
        case .roomBooked(let e):
            return "booked \(e.room) \(e.stay)\(client(e.client))"
        case .roomHeld(let e):
            return "held \(e.room) \(e.stay)\(client(e.client)) until \(e.expiresAt)" + (e.deposit.map { ", deposit \($0)" } ?? "")
        case .holdConfirmed(let e):
            return "confirmed\(client(e.client))"
        case .holdReleased:
            return "released"
        case .bookingCancelled(let e):
            return "cancelled\(reason(e.reason))"
        case .bookingChanged(let e):
            if let movedOn = e.movedOn { return "moved to \(e.room) from \(movedOn), staying \(e.stay)" }
            return e.room == e.previousRoom ? "changed to \(e.stay)" : "moved to \(e.room) \(e.stay)"
        case .stayMilestone(let e):
            switch e.kind {
            case .checkedIn: return "checked in on \(e.day)" + (e.roomWasDirty ? ", the room dirty" : "")
            case .checkedOut: return "checked out on \(e.day)"
            case .noShow: return "no-show recorded on \(e.day)"
            }
        case .roomBlocked(let e):
            return "blocked \(e.room) \(e.stay)\(reason(e.reason))"
        case .roomUnblocked:
            return "unblocked"
        case .bookingCorrected(let e):
            let undone: String
            switch e.undid {
            case .checkIn: undone = "check-in"
            case .checkOut: undone = "check-out"
            case .noShow: undone = "no-show"
            case .cancellation: undone = "cancellation"
            }
            return "undid the \(undone)\(reason(e.reason)), back to \(e.status.rawValue) \(e.stay)"
        case .settingChanged(let e):
            return "setting \(e.key.rawValue) set to \(e.value)"
        case .rateSet(let e):
            return "rate of \(e.rule.type) set to \(e.rule.price)\(e.rule.scope)"
        case .chargePosted(let e):
            return "\(e.kind == .fee ? "fee" : "extra") of \(e.amount) charged for \(e.day)\(e.what.map { ": \($0)" } ?? "")"
        case .paymentRecorded(let e):
            return "\(e.isRefund ? "refunded" : "paid") \(e.amount) by \(e.method.rawValue) on \(e.day)\(e.reference.map { ", reference \($0)" } ?? "")"
        case .invoiceIssued(let e):
            if let credited = e.credits { return "credit note \(e.number) issued on \(e.date), cancelling invoice \(credited)" }
            return "invoice \(e.number) issued on \(e.date) for \(e.total)"
        case .guestProfileSet(let e):
            return "profile of client \(e.client) set: \(e.fields.map(\.rawValue).joined(separator: ", "))"
        case .guestForgotten(let e):
            return "profile of client \(e.client) forgotten\(reason(e.reason))"
        case .roomStatusSet(let e):
            return "room \(e.room) set \(e.status.rawValue)\(reason(e.reason))"
        }
    }
}
