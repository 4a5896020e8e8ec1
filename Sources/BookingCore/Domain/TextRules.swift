/// The rules shared by names and ids typed by people.
///
/// A value made from a person's input (a command-line argument, a batch line) is first normalized to NFC,
/// so that equal-looking input (`e` + U+0301 and U+00E9) is one value, and may not hold a bidirectional
/// override or isolate (U+202A–U+202E, U+2066–U+2069), which would make it look like another in a
/// terminal, nor more than 30 combining marks in a row (see ``maximumNonStarters``). A value read from the log keeps its bytes as written and is checked by the rules it was
/// written under (``problem(with:maximumLength:)`` without `fromInput`): history is never rewritten.
enum TextRules {
    /// `text` in Unicode Normalization Form C (ASCII, the common case, as it is).
    static func normalized(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return String(decoding: text._nfcCodeUnits, as: UTF8.self)
    }

    /// Whether a scalar is a bidirectional embedding, override or isolate control: U+202A–U+202E, U+2066–U+2069.
    static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// What is wrong with `text` as a name, or `nil` if nothing is; `fromInput` adds the rules of input
    /// (no bidirectional controls).
    static func problem(with text: String, maximumLength: Int, fromInput: Bool = false) -> String? {
        if text.isEmpty { return "it is empty" }
        // Printable ASCII (the common case, and every name on the log's fast path): bytes are characters.
        let utf8 = text.utf8
        if utf8.count <= maximumLength, utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            return utf8.first == 0x20 || utf8.last == 0x20 ? "it starts or ends with white space" : nil
        }
        if text.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "it contains a control character"
        }
        if fromInput, let bidi = text.unicodeScalars.first(where: isBidirectionalControl) {
            return "it contains a bidirectional control character (U+\(String(bidi.value, radix: 16, uppercase: true)))"
        }
        if fromInput, let separator = text.unicodeScalars.first(where: { [0x2028, 0x2029, 0xFEFF].contains($0.value) }) {
            return "it contains a \(separator.value == 0xFEFF ? "byte order mark" : "line or paragraph separator") (U+\(String(separator.value, radix: 16, uppercase: true)))"
        }
        if fromInput, longestRunOfNonStarters(text) > maximumNonStarters {
            return "it has more than \(maximumNonStarters) combining marks in a row"
        }
        if text.first!.isWhitespace || text.last!.isWhitespace { return "it starts or ends with white space" }
        return nil
    }

    /// The most combining marks input may hold in a row: the bound of Unicode's Stream-Safe Text Format
    /// (UAX #15), which no real text reaches, and which keeps a "character" of a length limit from being
    /// hundreds of bytes. A mark is a scalar of a canonical combining class other than 0, or of the
    /// general categories Mn, Mc and Me (enclosing marks, variation selectors, the grapheme joiner, and the
    /// vowel signs of Thai or Devanagari have class 0).
    static let maximumNonStarters = 30

    /// Whether `scalar` is a mark in the sense of ``maximumNonStarters``.
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return properties.canonicalCombiningClass.rawValue != 0
        }
    }

    /// The length of the longest run of marks in `text`.
    static func longestRunOfNonStarters(_ text: String) -> Int {
        var longest = 0, run = 0
        for scalar in text.unicodeScalars {
            run = isMark(scalar) ? run + 1 : 0
            longest = max(longest, run)
        }
        return longest
    }

    /// `text` normalized as input, or what is wrong with it (see ``problem(with:maximumLength:fromInput:)``).
    static func input(_ text: String, maximumLength: Int) -> Result<String, Problem> {
        let normalized = normalized(text)
        if let problem = problem(with: normalized, maximumLength: maximumLength, fromInput: true) { return .failure(Problem(reason: problem)) }
        return .success(normalized)
    }

    struct Problem: Error {
        var reason: String
    }
}
