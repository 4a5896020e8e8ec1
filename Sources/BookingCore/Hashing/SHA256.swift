/// SHA-256 (FIPS 180-4, section 6.2), written by hand under the no-package rule: incremental, over unsafe
/// buffers, a 64-byte block at a time with `UInt32` wrapping arithmetic.
///
/// ```swift
/// var hash = SHA256()
/// hash.update(Array("abc".utf8))
/// hash.finalize().hex  // "ba7816bf..."
/// ```
public struct SHA256: Sendable {
    /// A SHA-256 digest: 32 bytes, kept as the eight big-endian words of the final state.
    public struct Digest: Sendable, Hashable, CustomStringConvertible {
        /// The eight words H0...H7; the digest's bytes are each word big-endian, in order.
        public var words: SIMD8<UInt32>

        public init(words: SIMD8<UInt32>) { self.words = words }

        /// 32 zero bytes.
        public static let zero = Digest(words: .zero)

        /// The digest from its 32 bytes; nil for any other count.
        public init?(bytes: some Collection<UInt8>) {
            guard bytes.count == 32 else { return nil }
            var words = SIMD8<UInt32>.zero
            for (i, byte) in bytes.enumerated() { words[i >> 2] |= UInt32(byte) << (24 - 8 * UInt32(i & 3)) }
            self.words = words
        }

        /// The digest from exactly 64 lower-case hex digits; nil for anything else.
        public init?(hex: some Collection<UInt8>) {
            guard hex.count == 64 else { return nil }
            var words = SIMD8<UInt32>.zero
            for (i, digit) in hex.enumerated() {
                let value: UInt8
                switch digit {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): value = digit &- UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): value = digit &- UInt8(ascii: "a") &+ 10
                default: return nil
                }
                words[i >> 3] |= UInt32(value) << (28 - 4 * UInt32(i & 7))
            }
            self.words = words
        }

        /// The 32 bytes.
        public var bytes: [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(32)
            for i in 0..<8 {
                let w = words[i]
                out.append(UInt8(truncatingIfNeeded: w >> 24))
                out.append(UInt8(truncatingIfNeeded: w >> 16))
                out.append(UInt8(truncatingIfNeeded: w >> 8))
                out.append(UInt8(truncatingIfNeeded: w))
            }
            return out
        }

        /// Calls `body` with the 32 bytes, without allocating.
        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            var bigEndian = SIMD8<UInt32>(
                words[0].bigEndian, words[1].bigEndian, words[2].bigEndian, words[3].bigEndian,
                words[4].bigEndian, words[5].bigEndian, words[6].bigEndian, words[7].bigEndian)
            return try Swift.withUnsafeBytes(of: &bigEndian) { try body(UnsafeRawBufferPointer(start: $0.baseAddress, count: 32)) }
        }

        /// Appends the 64 lower-case hex digits to `out`.
        public func writeHex(to out: inout [UInt8]) {
            let digits: StaticString = "0123456789abcdef"
            let table = digits.utf8Start
            for i in 0..<8 {
                let w = words[i]
                var shift: UInt32 = 28
                for _ in 0..<8 {
                    out.append(table[Int((w >> shift) & 0xF)])
                    shift &-= 4
                }
            }
        }

        /// The 64 lower-case hex digits.
        public var hex: String {
            var out: [UInt8] = []
            out.reserveCapacity(64)
            writeHex(to: &out)
            return String(decoding: out, as: UTF8.self)
        }

        public var description: String { hex }
    }

    /// The working state H0...H7.
    private var state: SIMD8<UInt32> = SHA256.initialState
    /// The bytes of a block not yet complete (the first `buffered` of them).
    private var buffer: SIMD64<UInt8> = .zero
    private var buffered = 0
    /// Bytes hashed so far.
    private var length: UInt64 = 0

    /// FIPS 180-4, 5.3.3.
    private static let initialState = SIMD8<UInt32>(
        0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19)

    public init() {}

    /// The digest of `bytes`, in one call.
    public static func hash(_ bytes: some Collection<UInt8>) -> Digest {
        var hash = SHA256()
        hash.update(bytes)
        return hash.finalize()
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: some Collection<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ update(UnsafeRawBufferPointer($0)) }) != nil { return }
        update(Array(bytes))
    }

    /// Adds `bytes` to the message.
    public mutating func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Adds `bytes` to the message: whole blocks straight from `bytes`, only a partial one through the buffer.
    public mutating func update(_ bytes: UnsafeRawBufferPointer) {
        guard var input = bytes.baseAddress, bytes.count > 0 else { return }
        var count = bytes.count
        length &+= UInt64(count)
        if buffered > 0 {
            let take = min(64 - buffered, count)
            withUnsafeMutableBytes(of: &buffer) { ($0.baseAddress! + buffered).copyMemory(from: input, byteCount: take) }
            buffered += take
            input += take
            count -= take
            guard buffered == 64 else { return }
            withUnsafeBytes(of: buffer) { Self.compress(&state, $0.baseAddress!, blocks: 1) }
            buffered = 0
        }
        let blocks = count >> 6
        if blocks > 0 {
            Self.compress(&state, input, blocks: blocks)
            input += blocks << 6
            count &= 63
        }
        if count > 0 {
            withUnsafeMutableBytes(of: &buffer) { $0.baseAddress!.copyMemory(from: input, byteCount: count) }
            buffered = count
        }
    }

    /// The digest of the message so far (FIPS 180-4, 5.1.1: a 1 bit, zeros, and the length in bits).
    public func finalize() -> Digest {
        var state = state
        var block = buffer
        let bits = length &* 8
        withUnsafeMutableBytes(of: &block) { raw in
            var n = buffered
            raw[n] = 0x80
            n += 1
            if n > 56 {
                for i in n..<64 { raw[i] = 0 }
                Self.compress(&state, UnsafeRawPointer(raw.baseAddress!), blocks: 1)
                n = 0
            }
            for i in n..<56 { raw[i] = 0 }
            raw.storeBytes(of: bits.bigEndian, toByteOffset: 56, as: UInt64.self)
            Self.compress(&state, UnsafeRawPointer(raw.baseAddress!), blocks: 1)
        }
        return Digest(words: state)
    }

    /// FIPS 180-4, 4.2.2.
    private static let k: [UInt32] = [
        0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
        0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
        0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
        0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
        0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
        0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
        0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
        0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
    ]

    /// Runs the compression function (FIPS 180-4, 6.2.2) over `blocks` 64-byte blocks at `data`.
    ///
    /// The eight working variables stay in locals; each round is written once (``round``) and called eight
    /// times a pass with the variables' roles rotated, instead of moving every variable each round.
    private static func compress(_ state: inout SIMD8<UInt32>, _ data: UnsafeRawPointer, blocks: Int) {
        k.withUnsafeBufferPointer { kp in
            let k = kp.baseAddress!
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 64) { schedule in
                let w = schedule.baseAddress!
                var h0 = state[0], h1 = state[1], h2 = state[2], h3 = state[3]
                var h4 = state[4], h5 = state[5], h6 = state[6], h7 = state[7]
                var block = data
                for _ in 0..<blocks {
                    for t in 0..<16 { w[t] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: t &<< 2, as: UInt32.self)) }
                    for t in 16..<64 {
                        let x = w[t &- 15], y = w[t &- 2]
                        let s0 = x.rotatedRight(7) ^ x.rotatedRight(18) ^ (x &>> 3)
                        let s1 = y.rotatedRight(17) ^ y.rotatedRight(19) ^ (y &>> 10)
                        w[t] = w[t &- 16] &+ s0 &+ w[t &- 7] &+ s1
                    }
                    var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
                    var t = 0
                    while t < 64 {
                        round(a, b, c, &d, e, f, g, &h, k[t] &+ w[t])
                        round(h, a, b, &c, d, e, f, &g, k[t &+ 1] &+ w[t &+ 1])
                        round(g, h, a, &b, c, d, e, &f, k[t &+ 2] &+ w[t &+ 2])
                        round(f, g, h, &a, b, c, d, &e, k[t &+ 3] &+ w[t &+ 3])
                        round(e, f, g, &h, a, b, c, &d, k[t &+ 4] &+ w[t &+ 4])
                        round(d, e, f, &g, h, a, b, &c, k[t &+ 5] &+ w[t &+ 5])
                        round(c, d, e, &f, g, h, a, &b, k[t &+ 6] &+ w[t &+ 6])
                        round(b, c, d, &e, f, g, h, &a, k[t &+ 7] &+ w[t &+ 7])
                        t &+= 8
                    }
                    h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d
                    h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
                    block += 64
                }
                state = SIMD8(h0, h1, h2, h3, h4, h5, h6, h7)
            }
        }
    }

    /// One round, with `kw` = K(t) + W(t): `h` becomes the new `a` and `d` the new `e`; the caller rotates
    /// the names for the next round.
    @inline(__always)
    private static func round(
        _ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32, _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32
    ) {
        let s1 = e.rotatedRight(6) ^ e.rotatedRight(11) ^ e.rotatedRight(25)
        let ch = (e & f) ^ (~e & g)
        let t1 = h &+ s1 &+ ch &+ kw
        let s0 = a.rotatedRight(2) ^ a.rotatedRight(13) ^ a.rotatedRight(22)
        let maj = (a & b) ^ (a & c) ^ (b & c)
        d &+= t1
        h = t1 &+ s0 &+ maj
    }
}

extension UInt32 {
    /// The bits rotated right by `n` (0 < n < 32): ROTR in FIPS 180-4.
    @inline(__always)
    fileprivate func rotatedRight(_ n: UInt32) -> UInt32 { self &>> n | self &<< (32 &- n) }
}
