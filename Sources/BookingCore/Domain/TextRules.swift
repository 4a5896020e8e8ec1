/// The rules shared by names and ids typed by people.
enum TextRules {
    /// What is wrong with `text` as a name, or `nil` if nothing is.
    static func problem(with text: String, maximumLength: Int) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.count > maximumLength { return "it is longer than \(maximumLength) characters" }
        if text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return "it contains a control character"
        }
        if text.first!.isWhitespace || text.last!.isWhitespace { return "it starts or ends with white space" }
        return nil
    }
}
