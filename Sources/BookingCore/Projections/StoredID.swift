/// Which booking or block an id typed by a person names: the rule every command, batch line and `history`
/// takes ids by, and the id a typo was likely meant to be.
extension HotelReadModel {
    /// The id of the booking, hold or block `typed` names: `typed` itself if one has that id, else its
    /// ``BookingID/canonical`` form (`BKPEKH1OMN` for `bkpekh10mn`) if one has that; nil if neither does.
    ///
    /// An id is found by its own spelling first, so an id written by another tool in another form (`BK12345678`
    /// beside `hotel`'s `bk12345678`) is never taken for another: only an id in the form `hotel` writes is
    /// found by other spellings.
    public func storedID(for typed: BookingID) -> BookingID? {
        if entry(typed) != nil { return typed }
        guard let canonical = typed.canonical, canonical != typed, entry(canonical) != nil else { return nil }
        return canonical
    }

    /// For an id that names nothing (``storedID(for:)``), the id of a booking, hold or block one edit from it
    /// (one character deleted, inserted or replaced, or two neighbours swapped; case and Crockford's
    /// look-alikes aside), the first in byte order if several are; nil if none is, or `typed` names one.
    ///
    /// - Complexity: about 70 times the id's length lookups of an id: milliseconds on a million bookings.
    public func nearestID(to typed: BookingID) -> BookingID? {
        guard storedID(for: typed) == nil else { return nil }
        return Set(typed.oneEditAway.compactMap(storedID(for:))).min()
    }
}
