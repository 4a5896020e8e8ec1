/// Every read model the snapshot keeps, at one position of the log: the one list of plug-ins (see
/// ``SnapshotReadModel``). A new read model adds a property here and a line to each function, and
/// nothing to the cache machinery.
struct ReadModels: EventFolding {
    /// The stay calendar: rooms, bookings, holds and blocks (what decisions and most queries read).
    var stays: CachedHotelModel
    /// Where each booking's events stand in the log (for `hotel history`).
    var histories: BookingHistoryIndex.View

    /// The views of `snapshot`'s sections (of an empty log for nil); nil if a section is missing, of
    /// another version, or damaged.
    init?(snapshot: MappedSnapshot?) {
        guard let stays = StayCalendar.view(of: snapshot), let histories = BookingHistoryIndex.view(of: snapshot),
              !(snapshot?.isDamaged ?? false)
        else { return nil }
        self.stays = stays
        self.histories = histories
    }

    /// The read models of an empty log.
    static var empty: ReadModels { ReadModels(folded: ReadModelBuilders(expectedBytes: 0)) }

    /// The views of builders' contents.
    init(folded builders: ReadModelBuilders) {
        stays = StayCalendar.view(folded: builders.stays)
        histories = BookingHistoryIndex.view(folded: builders.histories)
    }

    mutating func fold(_ event: DomainEvent, at position: Position, line: Range<Int>) {
        stays.fold(event, at: position, line: line)
        histories.fold(event, at: position, line: line)
    }
}

/// Every read model the snapshot keeps, as builders: folded in memory and written as the snapshot's
/// sections.
struct ReadModelBuilders: EventFolding {
    var stays: HotelProjection
    var histories: BookingHistoryIndex.Builder

    init(expectedBytes: Int) {
        stays = StayCalendar.builder(expectedBytes: expectedBytes)
        histories = BookingHistoryIndex.builder(expectedBytes: expectedBytes)
    }

    /// Builders holding `snapshot`'s sections; nil if one is missing or damaged.
    init?(continuing snapshot: MappedSnapshot, tailBytes: Int) {
        guard let stays = StayCalendar.builder(continuing: snapshot, tailBytes: tailBytes),
              let histories = BookingHistoryIndex.builder(continuing: snapshot, tailBytes: tailBytes), !snapshot.isDamaged
        else { return nil }
        self.stays = stays
        self.histories = histories
    }

    mutating func fold(_ event: DomainEvent, at position: Position, line: Range<Int>) {
        stays.fold(event, at: position, line: line)
        histories.fold(event, at: position, line: line)
    }

    /// Writes every section.
    mutating func write(to out: inout SnapshotFileWriter) throws(EventStoreError) {
        try StayCalendar.write(&stays, to: &out)
        try BookingHistoryIndex.write(&histories, to: &out)
    }
}
