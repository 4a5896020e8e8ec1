import Foundation
import HotelTestSupport
import Testing

/// The README's subscriber recipe (`scripts/arrivals-per-day`), run as a user would: it follows the log while
/// bookings stream in, is killed and started again, and its CSV must then match `hotel arrivals` on every day.
struct SubscriberRecipeTests {
    let sandbox = Sandbox()

    static let root = Repository.root
    static let script = root.appendingPathComponent("scripts/arrivals-per-day")

    var hotel: HotelProcess {
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-04-20T09:00:00Z"
        hotel.environment["TZ"] = "UTC"
        return hotel
    }

    /// Starts the subscriber (in its own process group, as Foundation starts a child: killing the group kills it
    /// and its `hotel log`).
    func startSubscriber() throws -> HotelProcess.Running {
        var subscriber = hotel
        subscriber.environment["HOTEL"] = HotelProcess.binary.path
        subscriber.environment["HOTEL_STORE"] = hotel.storePath
        return try subscriber.start(shell: "exec python3 '\(Self.script.path)' '\(sandbox.path)/recipe'")
    }

    func checkpoint() -> Int {
        Int((try? String(contentsOfFile: sandbox.path + "/recipe/checkpoint", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "") ?? 0
    }

    @Test func theReadmeShowsTheScriptAsItIs() throws {
        let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
        let script = try String(contentsOf: Self.script, encoding: .utf8)
        #expect(readme.contains("```python\n" + script + "```\n"))
    }

    @Test func theRecipeKeepsArrivalsPerDayAcrossKillsWithoutLossOrDuplicates() throws {
        try FileManager.default.createDirectory(atPath: sandbox.path + "/recipe", withIntermediateDirectories: false)
        let rooms = (1...6).map { "R\($0)" }
        #expect(try hotel.run(["rooms", "add"] + rooms).status == 0)
        var random = SplitMix(seed: 10)
        func pick<T>(_ list: [T]) -> T { list[Int(random.next() % UInt64(list.count))] }
        let days = (1...12).map { String(format: "2024-05-%02d", $0) }
        var ids: [String] = []
        var holds: [String] = []
        /// One command of the stream: bookings most of all, and every event the recipe reads.
        func command() throws {
            let first = Int(random.next() % 9), nights = 1 + Int(random.next() % 3)
            let stay = ["--from", days[first], "--to", days[first + nights]]
            switch random.next() % 10 {
            case 0, 1, 2, 3:
                let result = try hotel.run(["book", "--client", "\(random.next() % 20)", "--room", pick(rooms)] + stay)
                if result.status == 0 { ids.append(result.stdout.trimmingCharacters(in: .newlines)) }
            case 4:
                let result = try hotel.run(["hold", "--room", pick(rooms)] + stay)
                if result.status == 0 { holds.append(result.stdout.trimmingCharacters(in: .newlines)) }
            case 5:
                if let hold = holds.popLast() {
                    let verb = random.next() % 3 == 0 ? "release" : "confirm"
                    if try hotel.run(verb == "confirm" ? [verb, hold, "--client", "7"] : [verb, hold]).status == 0, verb == "confirm" { ids.append(hold) }
                }
            case 6:
                if !ids.isEmpty { try hotel.run(["cancel", pick(ids)]) }
            case 7:
                if !ids.isEmpty { try hotel.run(["change", pick(ids)] + (random.next() % 2 == 0 ? stay : ["--room", pick(rooms)])) }
            case 8:
                if !ids.isEmpty {
                    var late = hotel
                    late.environment["HOTEL_NOW"] = "2024-05-13T09:00:00Z"
                    try late.run(["noshow", pick(ids)])
                }
            default:
                if !ids.isEmpty { try hotel.run(["checkin", pick(ids)]) }
            }
        }

        var subscriber = try startSubscriber()
        var kills = 0
        for n in 1...150 {
            try command()
            // Killed three times in the middle of the stream, each time started again at once or a little later.
            if n % 40 == 0 {
                kill(-subscriber.process.processIdentifier, SIGKILL)
                _ = subscriber.wait()
                kills += 1
                if n == 80 { try command() }
                subscriber = try startSubscriber()
            }
        }
        #expect(kills == 3)
        let head = try hotel.run(["log"]).lines.count
        let deadline = Date().addingTimeInterval(20)
        while checkpoint() < head, Date() < deadline { usleep(50_000) }
        kill(-subscriber.process.processIdentifier, SIGKILL)
        let last = subscriber.wait()
        #expect(checkpoint() == head, "\(last)")

        // The CSV against hotel arrivals, for every day: its lines that are not holds.
        let csv = try String(contentsOfFile: sandbox.path + "/recipe/arrivals.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(csv.first == "day,arrivals")
        var counted: [String: Int] = [:]
        for row in csv.dropFirst() {
            let fields = row.split(separator: ",")
            counted[String(fields[0])] = Int(fields[1])!
        }
        var total = 0
        for day in days {
            let listed = try hotel.run(["arrivals", "--on", day]).lines.filter { !$0.hasSuffix("\theld") }.count
            #expect(counted[day, default: 0] == listed, "\(day)")
            total += listed
        }
        #expect(Set(counted.keys).isSubset(of: days))
        #expect(total > 10)
    }
}
