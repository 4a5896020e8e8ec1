/// The checksum of a snapshot page (and of the snapshot's header with its table of page checksums): 64 bits
/// over 8-byte words, each step `h = (h ^ word) * prime; h ^= h >> 29`.
///
/// It guards against damage, not against an adversary (the log's hash chain does that). Every step is a
/// bijection of the state for a fixed word, and injective in the word for a fixed state, so a page whose
/// bytes differ from the written ones in any one word always fails its check; more scattered damage
/// passes with a chance of about 2^-64. The seed is the page's number, so a page moved within the file
/// fails too.
enum PageChecksum {
    /// Bytes per page: what a command reads is checked a page at a time, when first read.
    static let pageSize = 4096
    /// log2 of ``pageSize``.
    static let pageShift = 12

    /// The checksum of `bytes` (a multiple of 8 bytes long), starting from `seed`.
    static func of(_ bytes: UnsafeRawBufferPointer, seed: UInt64) -> UInt64 {
        var hash = 0xCBF2_9CE4_8422_2325 ^ seed &* 0x9E37_79B9_7F4A_7C15
        let words = bytes.count / 8
        for w in 0..<words {
            hash ^= UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self))
            hash = hash &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
        }
        for i in (words * 8)..<bytes.count {
            hash ^= UInt64(bytes[i])
            hash = hash &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
        }
        return hash
    }
}
