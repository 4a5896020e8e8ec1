/// The tariff's section of the snapshot: the money's settings and rates, kept whole (they are few), as the
/// events that make them, so that their meaning stays ``DomainEvent/apply(to:)-(Tariff)``'s alone.
///
/// ```
/// 0  flags u64 (bit 0: an amount has been recorded)    8  length u64 (L)
/// 16 L bytes: one JSON object per line, {"type":...,"data":{...}}, folded in order into an empty tariff
/// ```
enum TariffSection {
    static let name: StaticString = "tariff"
    static let version: UInt32 = 1

    static func write(_ tariff: Tariff, to out: inout SnapshotFileWriter) throws(EventStoreError) {
        var bytes: [UInt8] = []
        for event in tariff.events {
            let stored = event.storeEvent
            JSONWriter.write(.object(["type": .string(stored.type), "data": .object(stored.data)]), to: &bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        try out.beginSection(name, version: version)
        try out.write(integers: [UInt64(tariff.hasAmounts ? 1 : 0), UInt64(bytes.count)])
        try out.write(bytes)
        out.endSection()
    }

    /// The tariff `snapshot` keeps (an empty one for no snapshot); nil if it has no sound section of this
    /// version, so that the snapshot is rebuilt, never misread.
    static func read(_ snapshot: MappedSnapshot?) -> Tariff? {
        guard let snapshot else { return Tariff() }
        guard let section = snapshot.section(name, version: version) else { return nil }
        let flags = section.u64(0), length = section.u64(8)
        guard flags <= 1, length <= UInt64(max(0, section.length - 16)) else { return nil }
        let bytes = Array(section.bytes(16, count: Int(length)))
        guard !snapshot.isDamaged else { return nil }
        var tariff = Tariff()
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
