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
        return Bytes.contains(Array(TextFolding.digits(phone).utf8)[...], digits)
    }

    /// A cheap test of a side file's line (its JSON, as kept) that never rejects a profile that ``matches(_:)``:
    /// the line, folded scalar by scalar as ``TextFolding`` folds (each distinct scalar folded once), must
    /// hold the folded text, or the digits somewhere among its digits. A line with an escape is let through.
    func mayMatch(_ line: ArraySlice<UInt8>) -> Bool {
        if line.contains(UInt8(ascii: "\\")) { return true }
        if let digits, folder.digitsContain(line, digits) { return true }
        return folder.foldedContains(line, foldedBytes)
    }

    private let folder = LineFolder()
}

/// Folds the bytes of a line as ``TextFolding`` folds text, scalar by scalar, reusing one buffer and the
/// folding of each scalar met before: a hundred thousand lines in a few milliseconds.
private final class LineFolder {
    private var folded: [UInt32: [UInt8]] = [:]
    private var buffer: [UInt8] = []

    /// Whether `line`, folded, contains `needle`. (The buffer and the table are taken out of the object for
    /// the loop: a class's stored property is checked for exclusive access at each use.)
    func foldedContains(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        var out: [UInt8] = [], table: [UInt32: [UInt8]] = [:]
        swap(&out, &buffer)
        swap(&table, &folded)
        defer {
            swap(&out, &buffer)
            swap(&table, &folded)
        }
        out.removeAll(keepingCapacity: true)
        var i = line.startIndex
        while i < line.endIndex {
            let byte = line[i]
            if byte < 0x80 {
                out.append((0x41...0x5A).contains(byte) ? byte + 32 : byte)
                i += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i + length <= line.endIndex else { return true }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(line[i + k] & 0x3F) }
            if let known = table[value] {
                out += known
            } else {
                guard let scalar = Unicode.Scalar(value) else { return true }
                let bytes = Array(TextFolding.folded(String(Character(scalar))).utf8)
                table[value] = bytes
                out += bytes
            }
            i += length
        }
        return Bytes.contains(out[...], needle)
    }

    /// Whether the digits of `line`, one after another, contain `needle`.
    func digitsContain(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        var out: [UInt8] = []
        swap(&out, &buffer)
        defer { swap(&out, &buffer) }
        out.removeAll(keepingCapacity: true)
        for byte in line where (0x30...0x39).contains(byte) { out.append(byte) }
        return Bytes.contains(out[...], needle)
    }
}

/// A search of bytes.
enum Bytes {
    /// Whether `haystack` contains `needle` (the empty needle is everywhere).
    static func contains(_ haystack: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        return haystack.withUnsafeBufferPointer { h in
            needle.withUnsafeBufferPointer { n in
                var i = 0
                let last = h.count - n.count
                while i <= last {
                    if h[i] == first {
                        var j = 1
                        while j < n.count, h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }
}
