import Foundation
@testable import BookingCore

/// A snapshot file's bytes, for tests that change them: where a section starts, and the file sealed again
/// (its page checksums and header checksum made to fit), so that a change reaches the reader's logic
/// rather than being refused as damage.
struct SnapshotBytes {
    var data: Data

    init(path: String) throws { data = try Data(contentsOf: URL(fileURLWithPath: path)) }

    func u32(_ at: Int) -> Int { Int(data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt32.self) }) }
    func u64(_ at: Int) -> Int { Int(data.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: at, as: UInt64.self) }) }

    /// Where section `name` starts in the file.
    func sectionStart(_ name: String) -> Int {
        for k in 0..<u32(72) {
            let at = SnapshotFormat.headerSize + k * SnapshotFormat.directoryEntrySize
            let bytes = data[at..<(at + 8)].prefix { $0 != 0 }
            if String(decoding: bytes, as: UTF8.self) == name { return u64(at + 16) }
        }
        fatalError("no section \(name)")
    }

    /// Where part `part` of the stay calendar's section starts in the file.
    func stayPart(_ part: StayCalendarLayout.Part) -> Int {
        let section = sectionStart("stays")
        return section + u64(section + 24 + 8 * part.rawValue)
    }

    /// The stay calendar's number of id slots.
    var hashSlots: Int { u32(sectionStart("stays") + 16) }

    /// Recomputes every page checksum and the header checksum.
    mutating func seal() {
        let pages = u32(76), table = u64(80)
        data.withUnsafeMutableBytes { bytes in
            let first = SnapshotFormat.firstDataPage, size = PageChecksum.pageSize
            for page in first..<(first + pages) {
                let checksum = PageChecksum.of(UnsafeRawBufferPointer(rebasing: bytes[(page * size)..<((page + 1) * size)]), seed: UInt64(page))
                bytes.storeBytes(of: checksum.littleEndian, toByteOffset: table + (page - first) * 8, as: UInt64.self)
            }
            bytes.storeBytes(of: MappedSnapshot.headerChecksum(bytes.baseAddress!).littleEndian,
                             toByteOffset: SnapshotFormat.checksumField, as: UInt64.self)
        }
    }

    /// Seals the bytes and writes them to `path`.
    mutating func write(sealedTo path: String) throws {
        seal()
        try data.write(to: URL(fileURLWithPath: path))
    }
}
