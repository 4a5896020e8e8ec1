import Foundation
import Testing
@testable import BookingCore

/// SHA-256 against FIPS 180-4's examples and NIST's CAVP vectors, split at every boundary, and against
/// `sha256sum` and Python's `hashlib` on random data.
struct SHA256Tests {
    static func hex(_ text: String) -> String { SHA256.hash(Array(text.utf8)).hex }

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        // 448 bits: the padding spills into a second block.
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        // 896 bits.
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func theFIPSExamples(message: String, digest: String) {
        // Given a message from FIPS 180-4's examples, when it is hashed, then the digest is NIST's.
        #expect(Self.hex(message) == digest)
    }

    @Test func oneMillionAs() {
        // Given one million 'a', fed in pieces of 1,000 bytes,
        var hash = SHA256()
        let piece = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000)
        for _ in 0..<1_000 { hash.update(piece) }
        // then the digest is NIST's.
        #expect(hash.finalize().hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: [
        // NIST CAVP SHA256ShortMsg.rsp (byte-oriented): a few of its messages, of 1 to 163 bytes.
        ("d3", "28969cdfa74a12c82f3bad960b0b000aca2ac329deea5c2328ebc6f2ba9802c1"),
        ("11af", "5ca7133fa735326081558ac312c620eeca9970d1e70a4b95533d956f072d1f98"),
        ("74ba2521", "b16aa56be3880d18cd41e68384cf1ec8c17680c45a02b1575dc1518923ae8b0e"),
        ("5738c929c4f4ccb6", "963bb88f27f512777aab6c8b1a02c70ec0ad651d428f870036e1917120fb48bf"),
        ("0a27847cdc98bd6f62220b046edd762b", "80c25ec1600587e7f28b18b1b18e3cdc89928e39cab3bc25e4d4a4c139bcedc4"),
        ("09fc1accc230a205e4a208e64a8f204291f581a12756392da4b8c0cf5ef02b95", "4f44c1c7fbebb6f9601829f3897bfd650c56fa07844be76489076356ac1886a4"),
        ("451101250ec6f26652249d59dc974b7361d571a8101cdfd36aba3b5854d3ae086b5fdd4597721b66e3c0dc5d8c606d9657d0e323283a5217d1f53f2f284f57b85c8a61ac8924711f895c5ed90ef17745ed2d728abd22a5f7a13479a462d71b56c19a74a40b655c58edfe0a188ad2cf46cbf30524f65d423c837dd1ff2bf462ac4198007345bb44dbb7b1c861298cdf61982a833afc728fae1eda2f87aa2c9480858bec", "3c593aa539fdcdae516cdf2f15000f6634185c88f505b39775fb9ab137a10aa2"),
    ])
    func theCAVPMessages(message: String, digest: String) {
        // Given a CAVP message in hex, when it is hashed, then the digest is the vector's.
        #expect(SHA256.hash(Self.bytes(hex: message)).hex == digest)
    }

    @Test func updatesSplitAtEveryBoundaryGiveTheSameDigest() {
        // Given a message of a little over two blocks,
        let message = (0..<150).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let whole = SHA256.hash(message)
        // when it is fed in two pieces split at every byte, or in three,
        for i in 0...message.count {
            var two = SHA256()
            two.update(message[..<i])
            two.update(message[i...])
            #expect(two.finalize() == whole, "split at \(i)")
            for j in stride(from: i, through: message.count, by: 7) {
                var three = SHA256()
                message[..<i].withUnsafeBytes { three.update($0) }
                three.update(Array(message[i..<j]))
                three.update(message[j...])
                #expect(three.finalize() == whole, "split at \(i) and \(j)")
            }
        }
        // or byte by byte, then the digest is the same.
        var single = SHA256()
        for byte in message { single.update(CollectionOfOne(byte)) }
        #expect(single.finalize() == whole)
    }

    @Test func finalizeDoesNotEndTheMessage() {
        // Given a hash of "ab", when its digest is taken and "c" is added, then the digest is that of "abc".
        var hash = SHA256()
        hash.update(Array("ab".utf8))
        #expect(hash.finalize().hex == Self.hex("ab"))
        hash.update(Array("c".utf8))
        #expect(hash.finalize().hex == Self.hex("abc"))
    }

    @Test func digestsConvertToAndFromHexAndBytes() throws {
        let digest = SHA256.hash(Array("abc".utf8))
        #expect(SHA256.Digest(hex: Array(digest.hex.utf8)) == digest)
        #expect(SHA256.Digest(bytes: digest.bytes) == digest)
        #expect(digest.withUnsafeBytes { Array($0) } == digest.bytes)
        #expect(digest.bytes.prefix(4) == [0xba, 0x78, 0x16, 0xbf])
        #expect(SHA256.Digest.zero.hex == String(repeating: "0", count: 64))
        // Upper-case, short, long or non-hex text is no digest.
        #expect(SHA256.Digest(hex: Array(digest.hex.uppercased().utf8)) == nil)
        #expect(SHA256.Digest(hex: Array(digest.hex.dropLast().utf8)) == nil)
        #expect(SHA256.Digest(hex: Array((digest.hex + "0").utf8)) == nil)
        #expect(SHA256.Digest(hex: Array(("g" + digest.hex.dropFirst()).utf8)) == nil)
    }

    @Test(arguments: [0, 1, 55, 56, 63, 64, 65, 1_000, 100_003, 1 << 20])
    func agreesWithSha256sumAndHashlib(count: Int) throws {
        // Given random data of this length in a file,
        var random = SystemRandomNumberGenerator()
        let data = (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
        let directory = TemporaryDirectory()
        let path = directory.file("data")
        try Data(data).write(to: URL(fileURLWithPath: path))
        // when sha256sum and Python's hashlib hash it, then they print our digest.
        let expected = SHA256.hash(data).hex
        #expect(try Self.run(["sha256sum", path]).hasPrefix(expected + "  "))
        #expect(try Self.run(["python3", "-c", "import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], 'rb').read()).hexdigest())", path]) == expected + "\n")
    }

    /// Runs a program found on the PATH and returns what it printed.
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(arguments[0]) failed")
        return String(decoding: output, as: UTF8.self)
    }

    static func bytes(hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }
}
