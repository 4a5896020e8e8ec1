/// The folios' section of the snapshot: each folio found by its booking's key in a sorted index, read
/// only when asked for, and the list of those ``Folio/mayBeOwed(_:)`` takes (what `hotel balances` reads).
///
/// ```
/// 0  count u64 (n)    8  blob length u64 (L)    16  count of those that may be owed u64 (m)
/// 24 n x (hash u64 (BookingKey.mixed), offset u64 into the blob), sorted by hash, then offset
/// 24 + 16n: m x offset u64 into the blob, ascending
/// 24 + 16n + 8m: the blob, one folio after another:
///    key low u64, high u32, count u8; minor digits u8; flags u8 (1: a price, 2: a negotiated price,
///    4: a deposit); 0 u8; first night i32; negotiated i64; nights u32; postings u32; deposit i64;
///    the open invoice's length u32 (0xFFFFFFFF: none); the nights' prices i64 x nights
///    each posting: kind u8, method u8 (0: none, else 1 + its index), 0 u16, day i32, amount i64,
///    what's length u32 (0xFFFFFFFF: none), reference's length u32 (likewise), then their bytes
///    the open invoice: its event's data, a JSON object (its meaning stays ``InvoiceIssued``'s alone)
/// ```
enum FolioSection {
    static let name: StaticString = "folios"
    static let version: UInt32 = 3
    private static let none = UInt32.max

    static func write(_ book: FolioBook, to out: inout SnapshotFileWriter, mayBeOwed: (BookingKey, Folio) -> Bool) throws(EventStoreError) {
        var index: [(UInt64, UInt64)] = []
        var owed: [UInt64] = []
        var blob: [UInt8] = []
        index.reserveCapacity(book.folios.count)
        func put<T: FixedWidthInteger>(_ value: T) { withUnsafeBytes(of: value.littleEndian) { blob.append(contentsOf: $0) } }
        func text(_ value: String?) {
            guard let value else { return put(none) }
            put(UInt32(value.utf8.count))
        }
        for (key, folio) in book.folios {
            index.append((key.mixed, UInt64(blob.count)))
            if mayBeOwed(key, folio) { owed.append(UInt64(blob.count)) }
            let amounts = (folio.price?.nightly ?? []) + [folio.price?.negotiated, folio.deposit].compactMap { $0 } + folio.postings.map(\.amount)
            let digits = amounts.map(\.minorDigits).max() ?? 0
            var invoice: [UInt8]?
            if let open = folio.openInvoice {
                var bytes: [UInt8] = []
                JSONWriter.write(.object(DomainEvent.invoiceIssued(open).storeEvent.data), to: &bytes)
                invoice = bytes
            }
            put(key.low); put(key.high); put(key.count); put(UInt8(digits))
            put(UInt8((folio.price != nil ? 1 : 0) | (folio.price?.negotiated != nil ? 2 : 0) | (folio.deposit != nil ? 4 : 0))); put(UInt8(0))
            put(Int32(truncatingIfNeeded: folio.firstNight.ordinal))
            put(folio.price?.negotiated?.scaled(to: digits).minorUnits ?? 0)
            put(UInt32(folio.price?.nightly.count ?? 0)); put(UInt32(folio.postings.count))
            put(folio.deposit?.scaled(to: digits).minorUnits ?? 0); put(invoice.map { UInt32($0.count) } ?? none)
            for price in folio.price?.nightly ?? [] { put(price.scaled(to: digits).minorUnits) }
            for posting in folio.postings {
                put(UInt8(Posting.Kind.allCases.firstIndex(of: posting.kind)!))
                put(UInt8(posting.method.map { PaymentMethod.allCases.firstIndex(of: $0)! + 1 } ?? 0)); put(UInt16(0))
                put(Int32(truncatingIfNeeded: posting.day.ordinal)); put(posting.amount.scaled(to: digits).minorUnits)
                text(posting.what); text(posting.reference)
                blob.append(contentsOf: Array((posting.what ?? "").utf8) + Array((posting.reference ?? "").utf8))
            }
            if let invoice { blob.append(contentsOf: invoice) }
        }
        index.sort { $0 < $1 }
        try out.beginSection(name, version: version)
        try out.write(integers: [UInt64(index.count), UInt64(blob.count), UInt64(owed.count)])
        try out.write(integers: index.flatMap { [$0.0, $0.1] })
        try out.write(integers: owed)
        try out.write(blob)
        out.endSection()
    }

    /// The section of a snapshot, read as asked.
    struct Reader {
        fileprivate let section: SnapshotSection
        fileprivate let count: Int
        fileprivate let blobLength: Int
        fileprivate let owedCount: Int

        private var blobStart: Int { 24 + 16 * count + 8 * owedCount }

        /// The folio of `id`; nil if it has none (or its bytes are not sound: the snapshot is then damaged).
        func folio(_ id: BookingID) -> Folio? {
            let key = BookingKey(id), hash = key.mixed
            var low = 0, high = count
            while low < high {
                let mid = (low + high) / 2
                if section.u64(24 + 16 * mid) < hash { low = mid + 1 } else { high = mid }
            }
            while low < count, section.u64(24 + 16 * low) == hash {
                if let (found, folio) = decode(at: Int(truncatingIfNeeded: section.u64(32 + 16 * low))), found == key { return folio }
                low += 1
            }
            return nil
        }

        /// Calls `body` with each folio (in no particular order).
        func forEach(_ body: (BookingKey, Folio) -> Void) {
            for k in 0..<count {
                guard let (key, folio) = decode(at: Int(truncatingIfNeeded: section.u64(32 + 16 * k))) else { return }
                body(key, folio)
            }
        }

        /// Calls `body` with each folio that may be owed (``Folio/mayBeOwed(_:)``), in no particular order.
        func forEachMayBeOwed(_ body: (BookingKey, Folio) -> Void) {
            let start = 24 + 16 * count
            for k in 0..<owedCount {
                guard let (key, folio) = decode(at: Int(truncatingIfNeeded: section.u64(start + 8 * k))) else { return }
                body(key, folio)
            }
        }

        private func decode(at offset: Int) -> (BookingKey, Folio)? {
            guard offset >= 0, offset < blobLength else { return nil }
            var at = blobStart + offset
            let end = blobStart + blobLength
            func take(_ n: Int) -> Int? {
                guard at + n <= end else { return nil }
                defer { at += n }
                return at
            }
            guard let head = take(48) else { return nil }
            let key = BookingKey(low: section.u64(head), high: section.u32(head + 8), count: section.u8(head + 12))
            let digits = Int(section.u8(head + 13)), flags = section.u8(head + 14)
            guard digits <= 4, flags <= 7 else { return nil }
            let firstNight = Day(ordinal: Int(section.i32(head + 16)))
            let negotiated = Int64(bitPattern: section.u64(head + 20))
            let nights = Int(section.u32(head + 28)), postings = Int(section.u32(head + 32))
            guard nights <= 4096, postings <= (end - at) / 24 else { return nil }
            var nightly: [Amount] = []
            nightly.reserveCapacity(nights)
            for _ in 0..<nights {
                guard let p = take(8) else { return nil }
                nightly.append(Amount(minorUnits: Int64(bitPattern: section.u64(p)), minorDigits: digits))
            }
            var folio = Folio(
                price: flags & 1 == 0 ? nil : StayPrice(nightly: nightly, negotiated: flags & 2 == 0 ? nil : Amount(minorUnits: negotiated, minorDigits: digits)),
                firstNight: firstNight,
                deposit: flags & 4 == 0 ? nil : Amount(minorUnits: Int64(bitPattern: section.u64(head + 36)), minorDigits: digits))
            let invoiceLength = section.u32(head + 44)
            for _ in 0..<postings {
                guard let p = take(24) else { return nil }
                let kind = Int(section.u8(p)), method = Int(section.u8(p + 1))
                guard kind < Posting.Kind.allCases.count, method <= PaymentMethod.allCases.count else { return nil }
                let lengths = [section.u32(p + 16), section.u32(p + 20)]
                var texts: [String?] = []
                for length in lengths {
                    if length == none { texts.append(nil); continue }
                    guard let start = take(Int(length)) else { return nil }
                    texts.append(String(decoding: section.bytes(start, count: Int(length)), as: UTF8.self))
                }
                folio.postings.append(Posting(
                    kind: Posting.Kind.allCases[kind], day: Day(ordinal: Int(section.i32(p + 4))),
                    amount: Amount(minorUnits: Int64(bitPattern: section.u64(p + 8)), minorDigits: digits), what: texts[0],
                    method: method == 0 ? nil : PaymentMethod.allCases[method - 1], reference: texts[1]))
            }
            if invoiceLength != none {
                guard let start = take(Int(invoiceLength)), let data = try? JSONParser.parse(Array(section.bytes(start, count: Int(invoiceLength)))).objectValue,
                      case .invoiceIssued(let open)? = try? DomainEvent(SequencedEvent(position: Position(1), event: Event(type: InvoiceIssued.type, tags: [], data: data), recordedAt: ""))
                else { return nil }
                folio.openInvoice = open
            }
            return (key, folio)
        }
    }

    /// The reader of `snapshot`'s section (nil for no snapshot: no folios); `.none` if the snapshot has no
    /// sound section of this version, so that it is rebuilt, never misread.
    static func reader(of snapshot: MappedSnapshot?) -> Reader?? {
        guard let snapshot else { return .some(nil) }
        guard let section = snapshot.section(name, version: version) else { return nil }
        let count = section.u64(0), blob = section.u64(8), owed = section.u64(16)
        let room = UInt64(max(0, section.length - 24))
        guard count <= room / 16, owed <= (room - 16 * count) / 8, blob <= room - 16 * count - 8 * owed, !snapshot.isDamaged else { return nil }
        return .some(Reader(section: section, count: Int(count), blobLength: Int(blob), owedCount: Int(owed)))
    }
}
