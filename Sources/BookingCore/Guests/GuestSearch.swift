/// What `hotel guests find TEXT` looks for: TEXT folded (``TextFolding``) in a name or an e-mail address, or
/// its digits in a phone number (when TEXT is a phone number: digits, spaces and `+-()`).
struct GuestSearch {
    let folded: String
    /// The digits to find in a phone, if TEXT is a phone number.
    let digits: [UInt8]?
    private let foldedBytes: [UInt8]

    init(_ text: String) {
        folded = TextFolding.folded(text)
        foldedBytes = Array(folded.utf8)
        let digits = Array(TextFolding.digits(text).utf8)
        let isPhone = !digits.isEmpty && digits.count == text.unicodeScalars.filter { !" +-()".unicodeScalars.contains($0) }.count
        self.digits = isPhone ? digits : nil
    }

    /// Whether `profile` is found.
    func matches(_ profile: GuestProfile) -> Bool {
        if [profile[.name], profile[.email]].contains(where: { $0.map { TextFolding.folded($0).contains(folded) } ?? false }) { return true }
        guard let digits, let phone = profile[.phone] else { return false }
        return Array(TextFolding.digits(phone).utf8).firstRange(of: digits) != nil
    }

    /// A cheap test of a side file's line (its JSON, as kept) that never rejects a profile that ``matches(_:)``:
    /// the line, folded scalar by scalar as ``TextFolding`` folds (each distinct scalar folded once), must
    /// hold the folded text, or the digits somewhere among its digits. A line with an escape is let through.
    func mayMatch(_ line: ArraySlice<UInt8>) -> Bool {
        if line.contains(UInt8(ascii: "\\")) { return true }
        if let digits, line.filter({ (0x30...0x39).contains($0) }).firstRange(of: digits) != nil { return true }
        return folder.foldedContains(line, foldedBytes)
    }

    private let folder = LineFolder()
}

/// Folds the bytes of a line as ``TextFolding`` folds text, scalar by scalar, reusing one buffer and the
/// folding of each scalar met before: a hundred thousand lines in a few milliseconds.
private final class LineFolder {
    private var folded: [UInt32: [UInt8]] = [:]
    private var buffer: [UInt8] = []

    /// Whether `line`, folded, contains `needle`.
    func foldedContains(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        buffer.removeAll(keepingCapacity: true)
        var i = line.startIndex
        while i < line.endIndex {
            let byte = line[i]
            if byte < 0x80 {
                buffer.append((0x41...0x5A).contains(byte) ? byte + 32 : byte)
                i += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i + length <= line.endIndex else { return true }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(line[i + k] & 0x3F) }
            if let known = folded[value] {
                buffer += known
            } else {
                guard let scalar = Unicode.Scalar(value) else { return true }
                let bytes = Array(TextFolding.folded(String(Character(scalar))).utf8)
                folded[value] = bytes
                buffer += bytes
            }
            i += length
        }
        return needle.isEmpty || buffer.firstRange(of: needle) != nil
    }
}
