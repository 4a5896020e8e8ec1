import BookingCore
import Testing

/// `String(validUTF8:)`: the text of valid UTF-8, nil for anything else (as `String(validating:as:)`).
struct ValidUTF8Tests {
    static let valid: [[UInt8]] = [
        [], Array("Blue".utf8), Array("Zoë 🛏".utf8), [0xF4, 0x8F, 0xBF, 0xBF], [0xEF, 0xBF, 0xBD], [0x00],
    ]
    static let invalid: [[UInt8]] = [
        [0x80], [0xC3], [0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFF], Array("ok".utf8) + [0xE2, 0x82], [0xEF, 0xBF, 0xBD, 0xC3],
    ]

    @Test(arguments: valid)
    func validBytesAreTheirText(_ bytes: [UInt8]) {
        let text = bytes.withUnsafeBufferPointer { String(validUTF8: $0) }
        #expect(text.map { Array($0.utf8) } == bytes)
    }

    @Test(arguments: invalid)
    func invalidBytesAreRefused(_ bytes: [UInt8]) {
        #expect(bytes.withUnsafeBufferPointer { String(validUTF8: $0) } == nil)
    }

    /// Every one- and two-byte sequence agrees with the standard library's validating initialiser.
    @Test func agreesWithTheStandardLibrary() {
        for a in 0...255 {
            for b in [-1] + Array(0...255) {
                let bytes = b < 0 ? [UInt8(a)] : [UInt8(a), UInt8(b)]
                let ours = bytes.withUnsafeBufferPointer { String(validUTF8: $0) }
                #expect(ours == String(validating: bytes, as: UTF8.self), "\(bytes)")
            }
        }
    }
}
