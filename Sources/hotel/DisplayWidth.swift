/// How many terminal columns text takes: East Asian wide and fullwidth characters 2, combining marks and
/// zero-width characters 0, others 1 (a compact table of the main wide ranges, not all of Unicode's
/// East_Asian_Width property).
enum DisplayWidth {
    /// The main wide and fullwidth ranges: Hangul Jamo, CJK (radicals to Yi), Hangul syllables, CJK
    /// compatibility ideographs, vertical and compatibility forms, fullwidth forms, emoji, CJK extensions.
    static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
        0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// The columns of one scalar.
    static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v >= 0x20 && v < 0x7F { return 1 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) { return 0 }  // Hangul medial vowels and final consonants join the syllable
        if v < 0x1100 { return 1 }
        return wide.contains { $0.contains(v) } ? 2 : 1
    }

    /// The columns of one character (a base and its marks): at most 2.
    static func of(_ character: Character) -> Int {
        min(2, character.unicodeScalars.reduce(0) { $0 + of($1) })
    }

    /// The columns of `text`.
    static func of(_ text: some StringProtocol) -> Int {
        text.reduce(0) { $0 + of($1) }
    }

    /// The longest prefix of `text`, in whole characters, that takes at most `columns` columns, and its width.
    static func prefix(_ text: some StringProtocol, columns: Int) -> (text: String, width: Int) {
        var out = "", width = 0
        for character in text {
            let w = of(character)
            if width + w > columns { break }
            out.append(character)
            width += w
        }
        return (out, width)
    }
}
