/// The checksum of a snapshot page (and of the snapshot's header page): 64 bits over 8-byte words, in four
/// lanes (word k goes to lane k mod 4), each step `h = (h ^ word) * prime; h ^= h >> 29`, the lanes then
/// folded one into the next by the same step.
///
/// It guards against damage, not against an adversary (the log's hash chain does that). Every step is a
/// bijection of a lane's state for a fixed word, and injective in the word for a fixed state, and so is each
/// fold, so a page whose bytes differ from the written ones in any one word always fails its check; more
/// scattered damage passes with a chance of about 2^-64. The seed is the page's number, so a page moved within
/// the file fails too. Four lanes let the processor run four multiplications at once.
enum PageChecksum {
    /// Bytes per page: what a command reads is checked a page at a time, when first read.
    static let pageSize = 256
    /// log2 of ``pageSize``.
    static let pageShift = 8

    @inline(__always)
    private static func step(_ hash: inout UInt64, _ word: UInt64) {
        hash ^= word
        hash = hash &* 0x0000_0100_0000_01B3
        hash ^= hash >> 29
    }

    /// The checksum of `bytes`, starting from `seed`.
    static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        let start = 0xCBF2_9CE4_8422_2325 ^ seed &* 0x9E37_79B9_7F4A_7C15
        var lanes = (start, start ^ 1, start ^ 2, start ^ 3)
        let words = bytes.count / 8, blocks = words / 4
        func word(_ w: Int) -> UInt64 { UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self)) }
        for b in 0..<blocks {
            step(&lanes.0, word(4 * b))
            step(&lanes.1, word(4 * b + 1))
            step(&lanes.2, word(4 * b + 2))
            step(&lanes.3, word(4 * b + 3))
        }
        var hash = lanes.0
        step(&hash, lanes.1)
        step(&hash, lanes.2)
        step(&hash, lanes.3)
        for w in (blocks * 4)..<words { step(&hash, word(w)) }
        for i in (words * 8)..<bytes.count { step(&hash, UInt64(bytes[i])) }
        step(&hash, UInt64(bytes.count))
        return hash
    }
}
