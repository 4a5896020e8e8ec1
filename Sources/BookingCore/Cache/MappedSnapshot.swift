#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CSystem

/// A snapshot file, memory-mapped (see ``SnapshotFormat``): only the pages a command touches are read
/// from the disk, and each is checked against its checksum when first read.
///
/// Mapping checks the header region, so a damaged header, a truncated file or one of
/// another layout is refused (and rebuilt). A data page that fails its check reads as zeros from then on
/// and sets ``isDamaged``: whoever answered from the snapshot must then answer again without it (see
/// ``FrontDesk``). Readers touch it from one thread at a time.
final class MappedSnapshot: @unchecked Sendable {
    private let base: UnsafeRawPointer
    let size: Int
    /// The last position the snapshot covers, and the byte offset just after its line.
    let coveredPosition: Position
    let coveredOffset: Int
    /// The log's chain value after ``coveredPosition``.
    let chainValue: HashChain.Value
    private let dataPages: Int
    private let tableOffset: Int
    /// One bit per page: checked and found sound.
    private let checked: UnsafeMutablePointer<UInt64>
    private let checkedWords: Int
    private var damagedPage = false
    /// The guard's slot for this mapping (0: unguarded): a read past the file's end, if it is truncated while
    /// mapped, reads zeros and is counted there (see `hotel_guard_mapping`).
    private let guarded: Int32

    /// Whether a page failed its check, or the file was cut short under a read: what was read since cannot be
    /// trusted.
    var isDamaged: Bool { damagedPage || hotel_guard_faults(guarded) > 0 }
    private let directory: [(name: UInt64, version: UInt32, offset: Int, length: Int)]

    /// Maps and checks the snapshot at `path`; nil if it is missing, unreadable, of another layout or damaged.
    init?(path: String) {
        // Never waits on a FIFO, and maps only a regular file: anything else is no snapshot.
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size >= SnapshotFormat.headerRegion else { return nil }
        let size = Int(info.st_size)
        guard let mapped = mmap(nil, size, PROT_READ, MAP_SHARED, fd, 0), mapped != MAP_FAILED else { return nil }
        let base = UnsafeRawPointer(mapped)
        // The file may be truncated under us: past its end reads zeros (and fails its checks), not SIGBUS.
        let guarded = hotel_guard_mapping(base, size)
        func u32(_ at: Int) -> Int { Int(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt32.self))) }
        func u64(_ at: Int) -> UInt64 { UInt64(littleEndian: base.loadUnaligned(fromByteOffset: at, as: UInt64.self)) }
        let pages = u32(76), table = Int(truncatingIfNeeded: u64(80)), count = u32(72)
        let page = PageChecksum.pageSize
        guard (0..<8).allSatisfy({ base.load(fromByteOffset: $0, as: UInt8.self) == SnapshotFormat.magic[$0] }),
              u32(8) == Int(SnapshotFormat.version), u32(12) == page, u64(16) == UInt64(size),
              table == SnapshotFormat.headerRegion + pages * page, size == table + pages * 8, count <= SnapshotFormat.maximumSections,
              Self.headerChecksum(base) == u64(SnapshotFormat.checksumField)
        else {
            hotel_unguard_mapping(guarded)
            munmap(mapped, size)
            return nil
        }
        var directory: [(UInt64, UInt32, Int, Int)] = []
        for k in 0..<count {
            let at = SnapshotFormat.headerSize + k * SnapshotFormat.directoryEntrySize
            let offset = Int(truncatingIfNeeded: u64(at + 16)), length = Int(truncatingIfNeeded: u64(at + 24))
            guard offset >= SnapshotFormat.headerRegion, length >= 0, offset <= table, length <= table - offset else {
                hotel_unguard_mapping(guarded)
                munmap(mapped, size)
                return nil
            }
            directory.append((u64(at), UInt32(u32(at + 8)), offset, length))
        }
        self.base = base
        self.size = size
        self.guarded = guarded
        self.dataPages = pages
        self.tableOffset = table
        self.directory = directory
        coveredPosition = Position(Int(truncatingIfNeeded: u64(24) & 0x7FFF_FFFF_FFFF_FFFF))
        coveredOffset = Int(truncatingIfNeeded: u64(32) & 0x7FFF_FFFF_FFFF_FFFF)
        chainValue = HashChain.Value(bytes: UnsafeRawBufferPointer(start: base + 40, count: 32)) ?? .zero
        checkedWords = (SnapshotFormat.firstDataPage + pages) / 64 + 1
        checked = .allocate(capacity: checkedWords)
        checked.initialize(repeating: 0, count: checkedWords)
    }

    deinit {
        hotel_unguard_mapping(guarded)
        munmap(UnsafeMutableRawPointer(mutating: base), size)
        checked.deallocate()
    }

    /// The header checksum: the header region with the checksum field as zero. (The table of page checksums needs none:
    /// a damaged entry fails its page's check, and the snapshot is rebuilt.)
    static func headerChecksum(_ base: UnsafeRawPointer) -> UInt64 {
        var page0 = [UInt8](UnsafeRawBufferPointer(start: base, count: SnapshotFormat.headerRegion))
        for i in 0..<8 { page0[SnapshotFormat.checksumField + i] = 0 }
        return page0.withUnsafeBytes { PageChecksum.of($0, seed: 0) }
    }

    /// The section of read model `name` written at `version`; nil if there is none, or of another version.
    func section(_ name: StaticString, version: UInt32) -> SnapshotSection? {
        let key = SnapshotFormat.nameBytes(name)
        guard let entry = directory.first(where: { $0.name == key }), entry.version == version else { return nil }
        return SnapshotSection(file: self, start: entry.offset, length: entry.length)
    }

    /// Lets the kernel drop the pages read so far from this process (they are read again, and stay checked,
    /// if touched), so that reading the whole snapshot does not hold it all in memory.
    func releasePages() {
        madvise(UnsafeMutableRawPointer(mutating: base), size, MADV_DONTNEED)
    }

    // MARK: Checked reads

    /// Whether every byte of `offset..<offset + count` lies on pages that pass their checks (checking
    /// those not checked yet).
    @inline(__always)
    func isSound(_ offset: Int, count: Int) -> Bool {
        let first = offset >> PageChecksum.pageShift, last = (offset + count - 1) >> PageChecksum.pageShift
        if first == last, checked[first >> 6] & (1 << UInt64(first & 63)) != 0 { return true }
        return check(pages: first...last)
    }

    private func check(pages: ClosedRange<Int>) -> Bool {
        for page in pages where checked[page >> 6] & (1 << UInt64(page & 63)) == 0 {
            guard page >= SnapshotFormat.firstDataPage, page < SnapshotFormat.firstDataPage + dataPages else {
                damagedPage = true
                return false
            }
            let bytes = UnsafeRawBufferPointer(start: base + page * PageChecksum.pageSize, count: PageChecksum.pageSize)
            let expected = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: tableOffset + (page - SnapshotFormat.firstDataPage) * 8, as: UInt64.self))
            guard PageChecksum.of(bytes, seed: UInt64(page)) == expected else {
                damagedPage = true
                return false
            }
            checked[page >> 6] |= 1 << UInt64(page & 63)
        }
        return true
    }

    /// Checks every data page now: for work that reads most of the snapshot anyway (a batch, a listing of
    /// everything), so that a damaged page is found before anything is answered. False if one fails.
    func checkAll() -> Bool {
        guard dataPages > 0 else { return !isDamaged }
        let sound = check(pages: SnapshotFormat.firstDataPage...(SnapshotFormat.firstDataPage + dataPages - 1))
        releasePages()
        return sound && !isDamaged
    }

    /// The integer at `offset`, or 0 if its page fails its check.
    @inline(__always)
    func load<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
        guard isSound(offset, count: MemoryLayout<T>.size) else { return 0 }
        return T(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: T.self))
    }

    /// The bytes at `offset..<offset + count`, or none if a page of theirs fails its check.
    func bytes(_ offset: Int, count: Int) -> UnsafeRawBufferPointer {
        guard count > 0, isSound(offset, count: count) else { return UnsafeRawBufferPointer(start: base, count: 0) }
        return UnsafeRawBufferPointer(start: base + offset, count: count)
    }
}

/// One read model's section of a ``MappedSnapshot``: reads by offset within the section, each checked
/// against the section's bounds (out of bounds reads as zero) and against its pages' checksums.
struct SnapshotSection {
    let file: MappedSnapshot
    let start: Int
    let length: Int

    @inline(__always) private func within(_ at: Int, _ count: Int) -> Bool { at >= 0 && count <= length && at <= length - count }

    @inline(__always) func u8(_ at: Int) -> UInt8 { within(at, 1) ? file.load(start + at, as: UInt8.self) : 0 }
    @inline(__always) func u16(_ at: Int) -> UInt16 { within(at, 2) ? file.load(start + at, as: UInt16.self) : 0 }
    @inline(__always) func u32(_ at: Int) -> UInt32 { within(at, 4) ? file.load(start + at, as: UInt32.self) : 0 }
    @inline(__always) func i32(_ at: Int) -> Int32 { within(at, 4) ? file.load(start + at, as: Int32.self) : 0 }
    @inline(__always) func u64(_ at: Int) -> UInt64 { within(at, 8) ? file.load(start + at, as: UInt64.self) : 0 }

    /// The bytes at `at..<at + count`; none if they are out of bounds or on a damaged page.
    func bytes(_ at: Int, count: Int) -> UnsafeRawBufferPointer {
        within(at, count) ? file.bytes(start + at, count: count) : file.bytes(0, count: 0)
    }

    /// The snapshot this section is in.
    var snapshot: MappedSnapshot { file }
}
