/// What a snapshot records of the log prefix it covers, to recognise that prefix later: the file's device
/// and inode, and a fingerprint of sampled blocks of the prefix (its first and last 4 KiB and 14 blocks
/// evenly spaced between). Appending to the log keeps the identity; replacing or rewriting the covered
/// part (almost always) changes it.
struct LogIdentity: Equatable {
    var fingerprint: UInt64
    var device: UInt64
    var inode: UInt64

    static let blockSize = 4096
    static let samples = 16

    /// The identity of the first `length` bytes of the open log.
    init(of file: borrowing POSIXFile, length: Int) throws(EventStoreError) {
        let status = try file.status()
        device = status.device
        inode = status.inode
        // FNV-1a over 8-byte words (then the leftover bytes): fast, and any changed byte changes it.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325 ^ UInt64(length)
        func mix(_ word: UInt64) {
            hash ^= word
            hash = hash &* 0x0000_0100_0000_01B3
            hash ^= hash >> 29
        }
        if length > 0 {
            let span = max(0, length - Self.blockSize)
            for k in 0..<Self.samples {
                let start = span * k / (Self.samples - 1)
                let block = try file.read(count: min(Self.blockSize, length - start), at: start)
                block.withUnsafeBytes { bytes in
                    let words = bytes.count / 8
                    for w in 0..<words { mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: w * 8, as: UInt64.self))) }
                    for i in (words * 8)..<bytes.count { mix(UInt64(bytes[i])) }
                }
            }
        }
        fingerprint = hash
    }

    init(fingerprint: UInt64, device: UInt64, inode: UInt64) {
        self.fingerprint = fingerprint
        self.device = device
        self.inode = inode
    }
}
