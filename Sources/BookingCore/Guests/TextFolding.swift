/// Text as `hotel guests find` compares it: in lower case and without accents, so that `muller` finds
/// `Müller` and `NAKA` finds `Nakamura`. Accents are taken off the Latin letters of Latin-1 and Latin
/// Extended-A and the Greek vowels with tonos or dialytika (a table: the toolchain has no Unicode
/// decomposition), and combining marks are dropped; other scripts (Japanese, say) compare as written.
public enum TextFolding {
    /// Whether `text` folds to nothing (a combining mark alone, say): a search for it would find everyone.
    public static func foldsToNothing(_ text: String) -> Bool { folded(text).isEmpty }

    /// `text` folded.
    static func folded(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if lower.properties.generalCategory == .nonspacingMark { continue }
                if let base = table[lower.value] { out.append(contentsOf: base.unicodeScalars) } else { out.append(lower) }
            }
        }
        return String(out)
    }

    /// The digits of `text`: a phone number as `find` matches it.
    static func digits(_ text: String) -> String { String(text.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init)) }

    /// Lower-case accented letters and their bases.
    private static let table: [UInt32: String] = {
        var table: [UInt32: String] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("æ", "ae"), ("çćĉċč", "c"), ("ðďđ", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĳ", "ij"), ("ĵ", "j"), ("ķĸ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉŋ", "n"), ("òóôõöøōŏő", "o"),
            ("œ", "oe"), ("ŕŗř", "r"), ("śŝşšſ", "s"), ("ß", "ss"), ("ţťŧ", "t"), ("þ", "th"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"),
            ("ýÿŷ", "y"), ("źżž", "z"),
            ("ά", "α"), ("έ", "ε"), ("ή", "η"), ("ίϊΐ", "ι"), ("ό", "ο"), ("ύϋΰ", "υ"), ("ώ", "ω"), ("ς", "σ"),
        ]
        for (letters, base) in groups { for scalar in letters.unicodeScalars { table[scalar.value] = base } }
        return table
    }()
}
