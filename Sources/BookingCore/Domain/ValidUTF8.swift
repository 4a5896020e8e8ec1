extension String {
    /// The text of `bytes` if they are valid UTF-8, else nil.
    ///
    /// Decoding repairs each invalid sequence with U+FFFD, so the decoded text's bytes equal `bytes` exactly
    /// when `bytes` were valid. This is the standard library's specialised decoder, where
    /// `String(validating:as:)` runs generic code (and instantiates its metadata) on every process's first use.
    public init?(validUTF8 bytes: UnsafeBufferPointer<UInt8>) {
        let text = String(decoding: bytes, as: UTF8.self)
        guard text.utf8.count == bytes.count, text.utf8.elementsEqual(bytes) else { return nil }
        self = text
    }
}
