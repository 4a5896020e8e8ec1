/// A field of a guest's profile: personal data, kept beside the log (``GuestVault``), never in it.
public enum GuestField: String, Sendable, CaseIterable, Comparable {
    case name, email, phone, note

    public static func < (lhs: GuestField, rhs: GuestField) -> Bool { allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)! }

    /// The longest value, in characters.
    var maximumLength: Int {
        switch self {
        case .name: 200
        case .email: 254
        case .phone: 40
        case .note: 500
        }
    }

    /// `text` as this field's value: NFC, one line, within its length, and of its form (an e-mail address
    /// with one `@` and no white space; a phone number of digits, spaces and `+-()`, with a digit).
    ///
    /// - Throws: ``InvalidValue/text(option:_:reason:)`` saying the rule (a usage error).
    public func validated(_ text: String) throws(InvalidValue) -> String {
        let value: String
        switch TextRules.input(text, maximumLength: maximumLength) {
        case .success(let normalized): value = normalized
        case .failure(let problem): throw .text(option: "--" + rawValue, text, reason: problem.reason)
        }
        switch self {
        case .email:
            let ats = value.unicodeScalars.filter { $0 == "@" }.count
            guard ats == 1, !value.unicodeScalars.contains(where: { $0.properties.isWhitespace }), value.first != "@", value.last != "@" else {
                throw .text(option: "--email", text, reason: "expected an address with one '@' and no white space, such as ana@example.com")
            }
        case .phone:
            guard value.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) || " +-()".unicodeScalars.contains($0) }), value.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else {
                throw .text(option: "--phone", text, reason: "expected digits, spaces and + - ( ), such as +41 22 123 45 67")
            }
        case .name, .note:
            break
        }
        return value
    }
}

/// The personal data of one guest, as the side file keeps it: each field's value, or none.
public struct GuestProfile: Sendable, Equatable {
    public var values: [GuestField: String]

    public init(_ values: [GuestField: String] = [:]) { self.values = values }

    public subscript(field: GuestField) -> String? {
        get { values[field] }
        set { values[field] = newValue }
    }

    public var name: String? { values[.name] }
}
