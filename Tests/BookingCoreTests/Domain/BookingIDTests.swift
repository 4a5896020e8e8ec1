import Testing
@testable import BookingCore

/// Booking and block ids as a person types them: Crockford's base 32 in any case, with its look-alikes (I and L
/// for 1, O for 0), found as the store holds them; and a typo one edit from a known id.
struct BookingIDTests {
    @Test(arguments: [
        ("BKPEKH10MN", "bkpekh10mn"), ("bkpekh10mn", "bkpekh10mn"), ("Bk0AvTz6G9", "bk0avtz6g9"), ("BL4M8Q2X7Z", "bl4m8q2x7z"),
        // Crockford's look-alikes after the prefix: I and L read as 1, O as 0, in either case.
        ("bkpekhiOmn", "bkpekh10mn"), ("BKPEKHL0MN", "bkpekh10mn"), ("bkoooooooo", "bk00000000"), ("blIlLiOo00", "bl11110000"),
        // Ids derived from an idempotency key: ten characters after bk.
        ("BK0123456789", "bk0123456789"),
    ])
    func theFormHotelWritesAnIDIn(_ typed: String, canonical: String) throws {
        #expect(try BookingID(typed).canonical == BookingID(canonical))
    }

    @Test(arguments: ["bkpekh1umn", "bk", "xk12345678", "B-1", "bk1234567_", "bl-1", "123456789012", "b"])
    func idsOfOtherFormsHaveNone(_ typed: String) throws {
        // U is not in Crockford's alphabet (nor read as anything), and ids that are not bk or bl and base 32 are
        // taken only as they are written.
        #expect(try BookingID(typed).canonical == nil)
    }

    /// A store written by hotel (lowercase ids) and by another tool (`BK12345678`, `bkA`, `ORDER-7`).
    static let hotel = HotelProjection([
        added("Blue"), added("Green"),
        booked("bkpekh10mn", "Blue", "2024-05-01", "2024-05-03"), booked("BK12345678", "Green", "2024-05-01", "2024-05-03"),
        booked("bk12345678", "Blue", "2024-05-03", "2024-05-05"), booked("bkA", "Green", "2024-05-03", "2024-05-05"),
        booked("ORDER-7", "Blue", "2024-05-05", "2024-05-06"), blocked("bl4m8q2x7z", "Green", "2024-05-06", "2024-05-07"),
    ])

    @Test(arguments: [
        // As typed first, so that every id the store holds is found by its own spelling ...
        ("bkpekh10mn", "bkpekh10mn"), ("BK12345678", "BK12345678"), ("bk12345678", "bk12345678"), ("bkA", "bkA"), ("ORDER-7", "ORDER-7"),
        // ... else in the form hotel writes, which no id another tool wrote in another form can take.
        ("BKPEKH10MN", "bkpekh10mn"), ("bKPekhIOmn", "bkpekh10mn"), ("Bk12345678", "bk12345678"), ("bKL2345678", "bk12345678"),
        ("BL4M8Q2X7Z", "bl4m8q2x7z"),
    ])
    func aTypedIDNamesTheStoredOne(_ typed: String, stored: String) {
        #expect(Self.hotel.storedID(for: bookingID(typed)) == bookingID(stored))
    }

    @Test(arguments: ["BKA", "bka", "order-7", "bkpekh10mm", "bk"])
    func anIDOfNoOneNamesNothing(_ typed: String) {
        // `bkA` is another tool's spelling: not the form hotel writes, so only `bkA` itself finds it.
        #expect(Self.hotel.storedID(for: bookingID(typed)) == nil)
    }

    @Test(arguments: [
        ("bkpekh10mm", "bkpekh10mn"), ("bkpekh1mn", "bkpekh10mn"), ("bkpekh100mn", "bkpekh10mn"), ("bkpekh01mn", "bkpekh10mn"),
        ("BKPEKH1OMM", "bkpekh10mn"), ("bl4m8q2x7y", "bl4m8q2x7z"), ("bk4m8q2x7z", "bl4m8q2x7z"), ("vkpekh10mn", "bkpekh10mn"),
    ])
    func aTypoOneEditFromAKnownIDSuggestsIt(_ typed: String, known: String) {
        #expect(Self.hotel.nearestID(to: bookingID(typed)) == bookingID(known))
    }

    @Test(arguments: ["bkpekh10", "bkzzzzzzzz", "bkpekh10mn"])
    func nothingIsSuggestedForAnIDTwoEditsAwayOrKnown(_ typed: String) {
        #expect(Self.hotel.nearestID(to: bookingID(typed)) == nil)
    }
}
