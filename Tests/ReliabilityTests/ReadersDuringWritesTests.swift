import Foundation
import HotelTestSupport
import Testing

extension Reliability {
    /// 5. Queries in a loop while writers append.
    struct ReadersDuringWrites {
        @Test func readersNeverFailAndNeverSeeAPartialEvent() throws {
            let sandbox = Sandbox()
            let writers = 3
            let rooms = (1...writers).map { "W\($0)" }
            try #require(sandbox.hotel.run(["rooms", "add"] + rooms).status == 0)
            let perWriter = Scale.current.writesPerWriter
            let binary = HotelProcess.binary.path
            let loops = try rooms.map { room in
                try sandbox.hotel.start(shell: """
                    for i in $(seq 0 \(perWriter - 1)); do
                      d=$(date -u -d "2024-01-01 + $i days" +%F); e=$(date -u -d "2024-01-01 + $((i + 1)) days" +%F)
                      '\(binary)' book --client "$i" --room \(room) --from "$d" --to "$e" >/dev/null || exit 1
                    done
                    """)
            }
            var reads = 0, lastCount = 0, failures: [HotelProcess.Result] = []
            while loops.contains(where: { $0.process.isRunning }) || reads == 0 {
                let result = try sandbox.hotel.run(["bookings", "--json"])
                reads += 1
                guard result.status == 0,
                      let object = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
                      let bookings = object["bookings"] as? [[String: String]]
                else { failures.append(result); continue }
                #expect(bookings.allSatisfy { $0.count == 6 && $0["status"] == "active" })
                #expect(bookings.count >= lastCount, "a reader saw fewer bookings than before")
                lastCount = bookings.count
            }
            #expect(loops.map { $0.wait().status } == Array(repeating: 0, count: writers))
            #expect(failures.isEmpty, "\(failures.prefix(3))")
            #expect(try Reliability.bookedIDs(in: sandbox).count == writers * perWriter)
            try Reliability.expectVerifies(sandbox)
            Reliability.figures("readers during writes", "\(reads) reads, 0 failures, while \(writers) writers appended \(writers * perWriter) bookings")
        }
    }
}
