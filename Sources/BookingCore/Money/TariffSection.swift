/// The tariff's section of the snapshot: the money's settings and rates, kept whole (they are few), as the
/// events that make them, so that their meaning stays ``DomainEvent/apply(to:)-(Tariff)``'s alone, and the
/// last invoice number of each year.
///
/// ```
/// 0  flags u64 (bit 0: an amount has been recorded)    8  length u64 (L)    16 years u64 (n)
/// 24 n x (year u64, last number u64), by year
/// 24 + 16n: L bytes: one JSON object per line, {"type":...,"data":{...}}, folded in order into an empty tariff
/// ```
enum TariffSection {
    static let name: StaticString = "tariff"
    static let version: UInt32 = 2

    static func write(_ tariff: Tariff, to out: inout SnapshotFileWriter) throws(EventStoreError) {
        var bytes: [UInt8] = []
        for event in tariff.events {
            let stored = event.storeEvent
            JSONWriter.write(.object(["type": .string(stored.type), "data": .object(stored.data)]), to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        try out.beginSection(name, version: version)
        let years = tariff.lastInvoiceNumbers.sorted { $0.key < $1.key }
        try out.write(integers: [UInt64(tariff.hasAmounts ? 1 : 0), UInt64(bytes.count), UInt64(years.count)])
        try out.write(integers: years.flatMap { [UInt64($0.key), UInt64($0.value)] })
        try out.write(bytes)
        out.endSection()
    }

    /// The tariff `snapshot` keeps (an empty one for no snapshot); nil if it has no sound section of this
    /// version, so that the snapshot is rebuilt, never misread.
    static func read(_ snapshot: MappedSnapshot?) -> Tariff? {
        guard let snapshot else { return Tariff() }
        guard let section = snapshot.section(name, version: version) else { return nil }
        let flags = section.u64(0), length = section.u64(8), years = section.u64(16)
        guard flags <= 1, years <= UInt64(max(0, section.length - 24) / 16), length <= UInt64(max(0, section.length - 24)) - 16 * years else { return nil }
        let start = 24 + 16 * Int(years)
        let bytes = Array(section.bytes(start, count: Int(length)))
        var tariff = Tariff()
        for k in 0..<Int(years) {
            let year = section.u64(24 + 16 * k), last = section.u64(32 + 16 * k)
            guard (1...9999).contains(year), (1...UInt64(InvoiceNumber.maximumSequence)).contains(last) else { return nil }
            tariff.noteInvoice(InvoiceNumber(prefix: "INV", year: Int(year), sequence: Int(last)))
        }
        guard !snapshot.isDamaged else { return nil }
        var failed = false
        bytes.withUnsafeBufferPointer { buffer in
            LogScanner.forEachLine(in: buffer, upTo: buffer.count) { line, _, _ in
                guard !failed else { return }
                guard let object = try? JSONParser.parse(line).objectValue, let type = object["type"]?.stringValue,
                      let data = object["data"]?.objectValue,
                      let event = try? DomainEvent(SequencedEvent(position: Position(1), event: Event(type: type, tags: [], data: data), recordedAt: ""))
                else { return failed = true }
                event.apply(to: &tariff)
            }
        }
        if flags == 1 { tariff.noteAmount() }
        return failed ? nil : tariff
    }
}
