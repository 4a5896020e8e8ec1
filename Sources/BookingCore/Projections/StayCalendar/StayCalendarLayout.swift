/// The stay calendar's section of the snapshot (see ``SnapshotFormat`` for the container). All integers are
/// little-endian; offsets are from the section's start.
///
/// ```
/// header (136 bytes)
///   0  record size u32  4 rooms u32  8 clients u32  12 records u32  16 hash slots u32  20 0 u32
///   24 part offsets u64 x 10: strings, rooms, clients, records, hash, active, room lists, client lists,
///      extras, in-house
///   104 strings size u64  112 active entries u64  120 extras u64  128 in-house entries u64
/// strings    room and client names, room types and reasons, UTF-8, back to back
/// rooms      per room (sorted by name bytes): name offset, name length, active start, active count,
///            list start, list count, flags (bit 0: added, not only named by a booking), type offset,
///            type length, longest stay in nights of any of its records, in-house start, in-house count
///            (u32 x 12)
/// clients    per client (sorted by name bytes): name offset, name length, list start, list count (u32 x 4)
/// records    per booking, hold or block, 32 bytes: id (12 bytes, zero-padded), id length u8, status u8
///            (SnapshotRecord.Status), flags u8 (bit 0: a block, bit 1: began as a hold, bit 2: has extras,
///            bit 3: checked out on the day it came to its room, bit 4: cancelled while a hold), earlier rooms u8 (a part of a stay spent
///            in an earlier room has its number in the id length's high four bits),
///            room u32, client u32 (0xFFFFFFFF: none), arrival i32, departure i32 (days since 1970-01-01)
/// hash       open addressing over the ids, linear probing from the id's hash (BookingKey.mixed): u32 slots
///            holding record index + 1 (0 = empty), then a u16 tag per slot (0 = empty, else the top 16
///            bits of the id's hash with bit 0 set), so that looking up a new id reads only tags
///            and no records
/// active     per room, its calendar (the records holding nights) sorted by arrival: arrival i32 (the
///            first night in the room), departure i32, record u32
/// room lists per room, its record indexes sorted by arrival, then id (u32)
/// client lists per client, its record indexes by arrival, then room, then id (u32)
/// extras     for the few records with a hold expiry, a reason, an idempotency key, a move while checked in
///            or a moved departure, by record index: record u32, reason offset u32, reason length u32
///            (0xFFFFFFFF: none), key offset u32, key length u32 (0xFFFFFFFF: none), first night in the
///            room i32 (Int32.min: none), expiry i64 seconds since 1970 (Int64.min: none), booked
///            departure i32 (Int32.min: none), 4 pad
/// in-house   per room, its checked-in records by departure, then id (they hold the room past their
///            departure until checked out): departure i32, record u32
/// ```
enum StayCalendarLayout {
    /// The section's name in the snapshot's directory.
    static let name: StaticString = "stays"
    /// 8: guests moved while checked in (earlier rooms, the first night in the room) and booked departures;
    /// 7: the in-house part, and a record flag for a guest who left on the arrival day (6: a section of the
    /// snapshot container; the layout of version 5 stood alone in its file).
    static let version: UInt32 = 8
    static let headerSize = 136
    static let roomEntrySize = 48
    static let clientEntrySize = 16
    static let activeEntrySize = 12
    static let extrasEntrySize = 40
    static let inHouseEntrySize = 8

    /// The hash part's tag for an id whose hash is `hash`: never 0, which marks an empty slot.
    static func tag(ofHash hash: UInt64) -> UInt16 { UInt16(truncatingIfNeeded: hash >> 48) | 1 }

    enum Part: Int, CaseIterable {
        case strings, rooms, clients, records, hash, active, roomLists, clientLists, extras, inHouse
    }
}
