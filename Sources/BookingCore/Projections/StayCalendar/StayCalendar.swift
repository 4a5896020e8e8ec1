/// The stay calendar as a plug-in of the snapshot: rooms, and every booking, hold and block with the
/// nights it holds; and, in a section of its own (``TariffSection``), the money's settings and rates, which
/// the decisions read with the stays. Its builder is ``HotelProjection``, its section ``StayCalendarLayout``, its view
/// ``CachedHotelModel``.
enum StayCalendar: SnapshotReadModel {
    static func builder(expectedBytes: Int) -> HotelProjection { HotelProjection(expectedBytes: expectedBytes) }

    static func builder(continuing snapshot: MappedSnapshot, tailBytes: Int) -> HotelProjection? {
        guard let section = Snapshot(snapshot), let tariff = TariffSection.read(snapshot), let folios = FolioSection.reader(of: snapshot),
              let guests = GuestSection.reader(of: snapshot), let register = guests == nil ? GuestRegister() : guests!.register(),
              let housekeeping = HousekeepingSection.read(snapshot)
        else { return nil }
        var builder = HotelProjection(section, tailBytes: tailBytes)
        builder.seed(tariff: tariff, folios: folios, guests: register, housekeeping: housekeeping)
        return snapshot.isDamaged ? nil : builder
    }

    static func write(_ builder: inout HotelProjection, to out: inout SnapshotFileWriter) throws(EventStoreError) {
        try SnapshotWriter.write(builder, to: &out)
        try TariffSection.write(builder.tariff, to: &out)
        let stays = builder
        try FolioSection.write(builder.folios, to: &out) { key, folio in stays.booking(key.id).map(folio.mayBeOwed) ?? false }
        try GuestSection.write(builder.guests, to: &out)
        try HousekeepingSection.write(builder.housekeeping, to: &out)
    }

    static func view(of snapshot: MappedSnapshot?) -> CachedHotelModel? {
        guard let snapshot else { return CachedHotelModel(snapshot: nil) }
        guard let section = Snapshot(snapshot), let tariff = TariffSection.read(snapshot), let folios = FolioSection.reader(of: snapshot),
              let guests = GuestSection.reader(of: snapshot), let housekeeping = HousekeepingSection.read(snapshot)
        else { return nil }
        return CachedHotelModel(snapshot: section, tariff: tariff, folios: folios, guests: guests, housekeeping: housekeeping)
    }

    static func view(folded builder: HotelProjection) -> CachedHotelModel { CachedHotelModel(folded: builder) }
}

extension HotelProjection: EventFolding {
    mutating func fold(_ event: DomainEvent, at position: Position, line: Range<Int>) {
        apply(event, position: position, offset: line.upperBound)
    }
}

extension CachedHotelModel: EventFolding {
    mutating func fold(_ event: DomainEvent, at position: Position, line: Range<Int>) {
        apply(event, at: position)
    }
}
