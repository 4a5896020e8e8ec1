import Foundation
import HotelTestSupport
import Testing
@testable import BookingCore

/// `hotel log --type/--tag` and `hotel history` skip lines by searching each piece of the log for the query's
/// tags at once; the lines they pass must be exactly those a decode-everything-and-match reading picks.
struct LogReaderFilterTests {
    static let sample = Repository.sample.path

    @Test func filteredReadingPicksExactlyTheMatchingLines() throws {
        let all = try JSONLinesEventStore(path: Self.sample).read(.all).events
        let tags = Array(Set(all.flatMap(\.event.tags))).sorted { $0.rawValue < $1.rawValue }
        let types = Array(Set(all.map(\.event.type))).sorted()
        var random = SplitMix(seed: 3)
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        for _ in 0..<300 {
            // One or two items, each with up to two types and up to two tags (some of them absent from the log).
            let items = (0...(random.next() % 2)).map { _ in
                QueryItem(
                    types: (0..<(random.next() % 3)).map { _ in pick(types) },
                    tags: (0..<(random.next() % 3)).map { _ in random.next() % 10 == 0 ? Tag("room:Nowhere")! : pick(tags) })
            }
            let query = Query(items)
            var read: [Int] = []
            try LogReader(path: Self.sample).forEachLine(from: .start, matching: query) { _, after in
                read.append(after.position.rawValue)
                return true
            }
            #expect(read == all.filter { query.matches($0.event) }.map(\.position.rawValue), "\(query)")
        }
    }
}
