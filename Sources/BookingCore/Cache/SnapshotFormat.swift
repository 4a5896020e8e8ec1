/// The snapshot file: a container of sections, one per read model, bound to the log prefix it covers.
/// All integers are little-endian; data pages are ``PageChecksum/pageSize`` (256) bytes.
///
/// ```
/// 0..<4096   the header region: the header (128 bytes), then the section directory, zero-padded
///   0  magic "HOTELSNP"        8  format version u32    12 page size u32
///   16 file size u64           24 covered position u64  32 covered offset u64 (the end of its line)
///   40 the log's chain value after the covered position (32 bytes, see HashChain)
///   72 section count u32       76 data pages u32 (P)    80 checksum table offset u64
///   88 reserved (zero)         120 header checksum u64: PageChecksum of the header region (with these
///                                  8 bytes zero)
/// directory  per section, 32 bytes: name (8 bytes, ASCII, zero-padded), version u32, 0 u32,
///            offset u64 (from the file's start, 8-aligned), length u64
/// pages      P data pages holding the sections, back to back, each 8-aligned, the last page zero-padded:
///            page k spans bytes k * 256 ..< (k + 1) * 256 (k from 16)
/// table      P u64: the PageChecksum of each data page, seeded with its number k
/// ```
///
/// A reader checks the header region when it maps the file, and each data page (against its entry in the
/// table) when it first reads from it; a page that fails reads as zeros and marks the snapshot damaged, so
/// the command's answer is thrown away and found again from the log. Pages are small because a command's
/// binary searches touch a few bytes of many pages. The snapshot is used only if the chain value matches
/// the log's at the covered position: it is of this log's content, not of another built alike. Each read
/// model's section has its own layout and version: a section of another version is never read.
enum SnapshotFormat {
    static let magic: [UInt8] = Array("HOTELSNP".utf8)
    /// The container's version (each section has its own).
    static let version: UInt32 = 1
    static let headerSize = 128
    static let directoryEntrySize = 32
    static let checksumField = 120
    /// The bytes before the first data page: the header and the directory.
    static let headerRegion = 4096
    /// The number of the first data page.
    static let firstDataPage = headerRegion / PageChecksum.pageSize
    /// How many sections fit in the header region beside the header.
    static let maximumSections = (headerRegion - headerSize) / directoryEntrySize

    /// A section's name as its 8 directory bytes.
    static func nameBytes(_ name: StaticString) -> UInt64 {
        precondition(name.utf8CodeUnitCount <= 8, "a section's name has at most 8 bytes")
        var value: UInt64 = 0
        for i in 0..<name.utf8CodeUnitCount { value |= UInt64(name.utf8Start[i]) << (8 * UInt64(i)) }
        return value
    }
}
