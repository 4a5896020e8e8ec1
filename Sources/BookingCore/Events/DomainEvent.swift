/// The facts `hotel` records, in the past tense. Never edited, never deleted; old types keep their meaning.
///
/// Each type is one file in this folder (its tags, data and decoding); what each fact does to the hotel
/// is written once, in ``apply(to:)`` (EventMeaning.swift).
public enum DomainEvent: Sendable, Equatable {
    case roomAdded(RoomAdded)
    case roomBooked(RoomBooked)
    case bookingCancelled(BookingCancelled)
    case roomHeld(RoomHeld)
    case holdConfirmed(HoldConfirmed)
    case holdReleased(HoldReleased)
    case bookingChanged(BookingChanged)
    case stayMilestone(StayMilestone)
    case roomBlocked(RoomBlocked)
    case roomUnblocked(RoomUnblocked)
    case bookingCorrected(BookingCorrected)
    case settingChanged(SettingChanged)
    case rateSet(RateSet)
    case chargePosted(ChargePosted)
    case paymentRecorded(PaymentRecorded)
    /// Out of line: an invoice is large, and every event of a log is as large as the largest case.
    indirect case invoiceIssued(InvoiceIssued)
    case guestProfileSet(GuestProfileSet)
    case guestForgotten(GuestForgotten)
    case roomStatusSet(RoomStatusSet)

    /// Every event type this version knows, in the order of the README's store-format table: what `hotel log
    /// --type` takes. (Each is its struct's `type`; a test checks the decoder reads each.)
    public static let types: [String] =
        [RoomAdded.type, RoomBooked.type, RoomHeld.type, HoldConfirmed.type, HoldReleased.type, BookingCancelled.type, BookingChanged.type]
        + StayMilestone.Kind.allCases.map(\.rawValue) + [RoomBlocked.type, RoomUnblocked.type, BookingCorrected.type]
        + [SettingChanged.type, RateSet.type, ChargePosted.type, PaymentRecorded.type, PaymentRecorded.refundType, InvoiceIssued.type, InvoiceIssued.creditType]
        + [GuestProfileSet.type, GuestForgotten.type, RoomStatusSet.type]

    /// The tags `hotel` writes for the event: what queries and append conditions select it by.
    public var tags: [Tag] {
        switch self {
        case .roomAdded(let e): return e.tags
        case .roomBooked(let e): return e.tags
        case .bookingCancelled(let e): return e.tags
        case .roomHeld(let e): return e.tags
        case .holdConfirmed(let e): return e.tags
        case .holdReleased(let e): return e.tags
        case .bookingChanged(let e): return e.tags
        case .stayMilestone(let e): return e.tags
        case .roomBlocked(let e): return e.tags
        case .roomUnblocked(let e): return e.tags
        case .bookingCorrected(let e): return e.tags
        case .settingChanged(let e): return e.tags
        case .rateSet(let e): return e.tags
        case .chargePosted(let e): return e.tags
        case .paymentRecorded(let e): return e.tags
        case .invoiceIssued(let e): return e.tags
        case .guestProfileSet(let e): return e.tags
        case .guestForgotten(let e): return e.tags
        case .roomStatusSet(let e): return e.tags
        }
    }

    /// The booking, hold or block the event is about; nil for a room's registration.
    public var subject: BookingID? {
        switch self {
        case .roomAdded, .settingChanged, .rateSet, .guestProfileSet, .guestForgotten, .roomStatusSet: return nil
        case .roomBooked(let e): return e.booking
        case .bookingCancelled(let e): return e.booking
        case .roomHeld(let e): return e.booking
        case .holdConfirmed(let e): return e.booking
        case .holdReleased(let e): return e.booking
        case .bookingChanged(let e): return e.booking
        case .stayMilestone(let e): return e.booking
        case .roomBlocked(let e): return e.block
        case .roomUnblocked(let e): return e.block
        case .bookingCorrected(let e): return e.booking
        case .chargePosted(let e): return e.booking
        case .paymentRecorded(let e): return e.booking
        case .invoiceIssued(let e): return e.booking
        }
    }

    /// The store's view: type, tags and data.
    public var storeEvent: Event {
        switch self {
        case .roomAdded(let e): return Event(type: RoomAdded.type, tags: e.tags, data: e.data)
        case .roomBooked(let e): return Event(type: RoomBooked.type, tags: e.tags, data: e.data)
        case .bookingCancelled(let e): return Event(type: BookingCancelled.type, tags: e.tags, data: e.data)
        case .roomHeld(let e): return Event(type: RoomHeld.type, tags: e.tags, data: e.data)
        case .holdConfirmed(let e): return Event(type: HoldConfirmed.type, tags: e.tags, data: e.data)
        case .holdReleased(let e): return Event(type: HoldReleased.type, tags: e.tags, data: e.data)
        case .bookingChanged(let e): return Event(type: BookingChanged.type, tags: e.tags, data: e.data)
        case .stayMilestone(let e): return Event(type: e.kind.rawValue, tags: e.tags, data: e.data)
        case .roomBlocked(let e): return Event(type: RoomBlocked.type, tags: e.tags, data: e.data)
        case .roomUnblocked(let e): return Event(type: RoomUnblocked.type, tags: e.tags, data: e.data)
        case .bookingCorrected(let e): return Event(type: BookingCorrected.type, tags: e.tags, data: e.data)
        case .settingChanged(let e): return Event(type: SettingChanged.type, tags: e.tags, data: e.data)
        case .rateSet(let e): return Event(type: RateSet.type, tags: e.tags, data: e.data)
        case .chargePosted(let e): return Event(type: ChargePosted.type, tags: e.tags, data: e.data)
        case .paymentRecorded(let e): return Event(type: e.isRefund ? PaymentRecorded.refundType : PaymentRecorded.type, tags: e.tags, data: e.data)
        case .invoiceIssued(let e): return Event(type: e.isCredit ? InvoiceIssued.creditType : InvoiceIssued.type, tags: e.tags, data: e.data)
        case .guestProfileSet(let e): return Event(type: GuestProfileSet.type, tags: e.tags, data: e.data)
        case .guestForgotten(let e): return Event(type: GuestForgotten.type, tags: e.tags, data: e.data)
        case .roomStatusSet(let e): return Event(type: RoomStatusSet.type, tags: e.tags, data: e.data)
        }
    }

    /// Decodes a recorded event.
    ///
    /// - Throws: ``EventDataError`` if the type is unknown or a field is missing or invalid.
    public init(_ recorded: SequencedEvent) throws(EventDataError) {
        try self.init(JSONEventFields(recorded))
    }

    /// Decodes an event from its fields, by its type: every type this version knows, most frequent first.
    /// (Each name here is its struct's `type`; a test checks they agree.)
    init(_ f: some EventFields) throws(EventDataError) {
        if f.isType("RoomBooked") { self = .roomBooked(try RoomBooked(f)) }
        else if f.isType("BookingCancelled") { self = .bookingCancelled(try BookingCancelled(f)) }
        else if f.isType("RoomAdded") { self = .roomAdded(try RoomAdded(f)) }
        else if f.isType("RoomHeld") { self = .roomHeld(try RoomHeld(f)) }
        else if f.isType("HoldConfirmed") { self = .holdConfirmed(try HoldConfirmed(f)) }
        else if f.isType("HoldReleased") { self = .holdReleased(try HoldReleased(f)) }
        else if f.isType("BookingChanged") { self = .bookingChanged(try BookingChanged(f)) }
        else if f.isType("GuestCheckedIn") { self = .stayMilestone(try StayMilestone(.checkedIn, f)) }
        else if f.isType("GuestCheckedOut") { self = .stayMilestone(try StayMilestone(.checkedOut, f)) }
        else if f.isType("NoShowRecorded") { self = .stayMilestone(try StayMilestone(.noShow, f)) }
        else if f.isType("RoomBlocked") { self = .roomBlocked(try RoomBlocked(f)) }
        else if f.isType("RoomUnblocked") { self = .roomUnblocked(try RoomUnblocked(f)) }
        else if f.isType("BookingCorrected") { self = .bookingCorrected(try BookingCorrected(f)) }
        else if f.isType("SettingChanged") { self = .settingChanged(try SettingChanged(f)) }
        else if f.isType("RateSet") { self = .rateSet(try RateSet(f)) }
        else if f.isType("ChargePosted") { self = .chargePosted(try ChargePosted(f)) }
        else if f.isType("PaymentRecorded") { self = .paymentRecorded(try PaymentRecorded(f, isRefund: false)) }
        else if f.isType("PaymentRefunded") { self = .paymentRecorded(try PaymentRecorded(f, isRefund: true)) }
        else if f.isType("InvoiceIssued") { self = .invoiceIssued(try InvoiceIssued(f, isCredit: false)) }
        else if f.isType("CreditNoteIssued") { self = .invoiceIssued(try InvoiceIssued(f, isCredit: true)) }
        else if f.isType("GuestProfileSet") { self = .guestProfileSet(try GuestProfileSet(f)) }
        else if f.isType("GuestForgotten") { self = .guestForgotten(try GuestForgotten(f)) }
        else if f.isType("RoomStatusSet") { self = .roomStatusSet(try RoomStatusSet(f)) }
        else { throw f.failure("unknown event type; this store may have been written by a newer version of hotel") }
    }
}

/// A recorded event whose type or data this version cannot understand.
public struct EventDataError: Error, Sendable, Equatable, CustomStringConvertible {
    public var position: Position
    public var type: String
    public var reason: String

    public var description: String { "the \(type) event at position \(position) is invalid: \(reason)" }
}
