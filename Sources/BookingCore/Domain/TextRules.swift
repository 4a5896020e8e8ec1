/// The rules shared by names and ids typed by people.
enum TextRules {
    /// What is wrong with `text` as a name, or `nil` if nothing is.
    static func problem(with text: String, maximumLength: Int) -> String? {
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
        if text.first!.isWhitespace || text.last!.isWhitespace { return "it starts or ends with white space" }
        return nil
    }
}
