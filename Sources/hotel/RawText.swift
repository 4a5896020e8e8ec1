#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BookingCore

/// Text that comes in as bytes (the arguments, a batch's lines): valid UTF-8 or refused, never repaired
/// with replacement characters (which would make `Suite\xff` and `Suite\xfe` one name).
enum RawText {
    /// The command-line arguments after the program's name, or the usage error naming the first that is
    /// not valid UTF-8.
    static func arguments(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Result<[String], CommandLineError> {
        var words: [String] = []
        for i in 1..<max(1, Int(argc)) {
            guard let pointer = argv[i] else { break }
            let bytes = UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)).bindMemory(to: UInt8.self)
            guard let word = String(validUTF8: bytes) else {
                return .failure(.usage("argument \(i) is not valid UTF-8: '\(shown(bytes))'"))
            }
            words.append(word)
        }
        return .success(words)
    }

    /// The bytes as text for a message: valid UTF-8 as it is (control characters made visible, cut as
    /// ``InvalidValue/shown(_:)`` cuts), each byte of an invalid sequence as `\xHH`.
    static func shown(_ bytes: some Collection<UInt8>) -> String {
        var out = ""
        var pending: [UInt8] = []
        func flush() {
            out += InvalidValue.shown(String(decoding: pending, as: UTF8.self))
            pending.removeAll()
        }
        var i = bytes.startIndex
        while i != bytes.endIndex {
            // The longest valid sequence starting here, if any (1 to 4 bytes).
            var length = 0
            var j = i
            for n in 1...4 {
                guard j != bytes.endIndex else { break }
                j = bytes.index(after: j)
                if String(validating: bytes[i..<j], as: UTF8.self) != nil { length = n; break }
            }
            if length > 0 {
                pending.append(contentsOf: bytes[i..<j])
                i = j
            } else {
                flush()
                out += "\\x" + (bytes[i] < 16 ? "0" : "") + String(bytes[i], radix: 16)
                i = bytes.index(after: i)
            }
        }
        flush()
        return out
    }
}
