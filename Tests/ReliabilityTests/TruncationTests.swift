import Foundation
import Testing
@testable import BookingCore

extension Reliability {
    /// 3. A log cut at every byte offset, as a crash or a full disk might leave it.
    struct Truncation {
        @Test func aLogCutAtEveryByteReadsItsCompleteLinesAndTheNextWriteRepairsIt() throws {
            let directory = NSTemporaryDirectory() + "hotel-truncation-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let original = JSONLinesEventStore(path: directory + "/original.jsonl")
            let desk = FrontDesk(store: original, newBookingID: .incrementing())
            try desk.addRooms([try RoomName("Blue"), try RoomName("Grün")])
            let id = try desk.book(client: try ClientID("42"), room: try RoomName("Grün"), stay: try Stay(arrival: try Day("2024-05-01"), departure: try Day("2024-05-03")))
            _ = try desk.cancel(id)
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: original.path)))
            let lineEnds = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }

            var tornCuts = 0
            for cut in 0...bytes.count {
                let path = directory + "/cut.jsonl"
                for suffix in ["", ".torn", ".lock"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                try Data(bytes[..<cut]).write(to: URL(fileURLWithPath: path))
                let store = JSONLinesEventStore(path: path)
                let complete = lineEnds.filter { $0 < cut }.count
                let read = try store.read(.all)
                #expect(read.events.count == complete, "cut at \(cut)")
                #expect(read.head == Position(complete))
                let report = StoreVerifier.verify(Array(bytes[..<cut]))
                #expect(report.isSound, "cut at \(cut): \(report.problems)")
                #expect(report.warnings.count == (lineEnds.contains(cut - 1) || cut == 0 ? 0 : 1))

                try store.append([DomainEvent.roomAdded(RoomAdded(room: try RoomName("Extra"))).storeEvent], condition: nil)
                let repaired = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
                let after = StoreVerifier.verify(repaired)
                #expect(after.isSound && after.warnings.isEmpty, "cut at \(cut): \(after.problems) \(after.warnings)")
                #expect(after.events == complete + 1)
                let completeLength = complete == 0 ? 0 : lineEnds[complete - 1] + 1
                #expect(Array(repaired.prefix(completeLength)) == Array(bytes.prefix(completeLength)))
                if completeLength < cut {
                    tornCuts += 1
                    let side = [UInt8](try Data(contentsOf: URL(fileURLWithPath: store.tornPath)))
                    #expect(side == Array(bytes[completeLength..<cut]) + [UInt8(ascii: "\n")])
                }
            }
            Reliability.figures("truncation", "\(bytes.count + 1) cuts of a \(lineEnds.count)-event log; \(tornCuts) left a partial line, each kept in .torn and repaired by the next write")
        }
    }
}
