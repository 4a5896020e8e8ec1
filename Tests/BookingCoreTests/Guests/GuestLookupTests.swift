import Glibc
import HotelTestSupport
import Testing
@testable import BookingCore

/// The side file's fast reads give what reading it whole gives: a lookup of a few clients parses only their
/// lines, and `find` parses only the lines its cheap test lets through, which never turns away a match.
struct GuestLookupTests {
    static let names = ["Ana Müller", "MULLER \"the elder\"", "Élodie Fournier", "中村 花子", "Νίκος Παπαδόπουλος", "Zoë O'Brien", "back\\slash", "Aiko Nakamura", "José Ibáñez"]
    static let emails = ["ana@example.com", "NIKOS@EXAMPLE.GR", "zoe@muller.de", nil]
    static let phones = ["+41 22 123 45 67", "+81 3-1234-5678", "(022) 555", nil]
    static let queries = ["muller", "MÜLLER", "naka", "νικος", "中村", "example.com", "123 45", "3-1234", "555", "\"the", "o'b", "slash", "ibanez", "zzz", "41", "e"]

    func records(_ random: inout SplitMix, count: Int) throws -> [GuestRecord] {
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        return try (0..<count).map { n in
            var profile = GuestProfile([.name: pick(Self.names)])
            profile[.email] = pick(Self.emails)
            profile[.phone] = pick(Self.phones)
            let client = try ClientID(pick(["\(n)", "c\"\(n)", "k\\\(n)", "ü\(n)"]))
            return GuestRecord(client: client, revision: try GuestRevision(String(format: "%016llx", random.next())), profile: profile)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aLookupAndAFindGiveWhatReadingEveryRecordGives(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        let vault = GuestVaultFile(logPath: directory.file("events.jsonl"))
        var random = SplitMix(seed: seed)
        let all = try records(&random, count: 300)
        try vault.replace(with: all)
        #expect(try vault.records() == all)
        // Given some clients, a lookup finds exactly their records.
        for _ in 0..<20 {
            let wanted = Set((0..<3).map { _ in all[Int(random.next() % UInt64(all.count))].client } + [try ClientID("nobody")])
            #expect(try vault.records(of: wanted) == all.filter { wanted.contains($0.client) })
        }
        // A find's test never turns away a profile it matches.
        for query in Self.queries {
            let search = GuestSearch(query)
            let kept = try vault.records(prefilteredBy: search.mayMatch)
            let matching = all.filter { search.matches($0.profile) }
            #expect(matching.allSatisfy(kept.contains), "\(query)")
            #expect(matching.count > 0 || ["zzz"].contains(query), "\(query) finds nothing: the test means little")
        }
        // It turns away every line that does not match, but those with an escape (a quote or a backslash).
        let escaped = all.filter { record in ([record.client.rawValue] + record.profile.values.values).contains { $0.contains("\"") || $0.contains("\\") } }
        #expect(try vault.records(prefilteredBy: GuestSearch("zzz").mayMatch) == escaped)
        #expect(escaped.count < all.count)
    }

    @Test func aDamagedLineIsAnErrorWhenALookupReadsIt() throws {
        let directory = TemporaryDirectory()
        let vault = GuestVaultFile(logPath: directory.file("events.jsonl"))
        try vault.replace(with: [GuestRecord(client: try ClientID("42"), revision: try GuestRevision("0123456789abcdef"), profile: GuestProfile([.name: "Ana"]))])
        var bytes = try #require(try? POSIXFile.open(vault.path, O_RDONLY)?.readToEnd())
        bytes[20] = UInt8(ascii: "{")
        try GuestVaultFile.writeDurably(bytes, to: vault.path)
        #expect(throws: EventStoreError.self) { try vault.records(of: [try ClientID("42")]) }
        #expect(throws: EventStoreError.self) { try vault.records() }
    }
}
