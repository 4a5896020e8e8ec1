#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BookingCore

/// What a command runs against: the store, the front desk over it, and the text to print on stdout.
final class Context {
    let storePath: String
    let store: JSONLinesEventStore
    let frontDesk: FrontDesk
    /// What commands run on: the front desk, or a batch's desk.
    let commands: any CommandRunner
    /// stdout not yet written: all of it for a batch line (whose output is captured), else at most 64 KiB,
    /// the rest having been written as it came.
    private(set) var output = ""
    /// Whether output goes to stdout as it grows (false for a batch line's, which is captured).
    private let streams: Bool
    /// Warnings for stderr, written before any error line.
    private(set) var warnings = ""

    init(storePath: String, lockTimeout: Double, cacheThreshold: Int) {
        self.storePath = storePath
        self.store = JSONLinesEventStore(path: storePath, lockTimeout: lockTimeout, cacheThreshold: cacheThreshold)
        self.frontDesk = FrontDesk(store: store)
        self.commands = frontDesk
        self.streams = true
    }

    /// A context for one line of a batch: the same store, commands run on `desk`, its own output.
    init(batchLineOf parent: Context, desk: any CommandRunner) {
        storePath = parent.storePath
        store = parent.store
        frontDesk = parent.frontDesk
        commands = desk
        streams = false
    }

    /// Adds a line to stdout.
    func line(_ text: String) { append(text + "\n") }

    /// Adds text to stdout; a long output is written as it grows, so that it is never held whole.
    func append(_ text: String) {
        output += text
        if streams && output.utf8.count >= 1 << 16 {
            write(output, to: STDOUT_FILENO)
            output = ""
        }
    }

    /// Adds a `hotel: warning: ...` line to stderr.
    func warning(_ text: String) { warnings += "hotel: warning: \(text)\n" }

    /// Adds a JSON document to stdout, on one line.
    func json(_ value: JSONValue) { line(JSONWriter.string(value)) }

    /// Fails with exit 66 unless the store exists: queries never create one.
    func requireStore() throws(CommandLineError) {
        guard store.exists else { throw CommandLineError(.store(.notFound(path: storePath))) }
    }

    /// Runs a command, turning its error into the command line's.
    func run<T>(_ body: (any CommandRunner) throws(HotelError) -> T) throws(CommandLineError) -> T {
        do { return try body(commands) } catch { throw CommandLineError(error) }
    }

    /// Runs a query on the ``FrontDesk``, turning its error into the command line's.
    func query<T>(_ body: (FrontDesk) throws(HotelError) -> T) throws(CommandLineError) -> T {
        do { return try body(frontDesk) } catch { throw CommandLineError(error) }
    }
}

extension ParsedArguments {
    /// The value of an option the command requires.
    func required(_ name: String) throws(CommandLineError) -> String {
        guard let value = values[name] else {
            let option = spec.options.first { $0.name == name }!
            throw .usage("missing option '\(name) <\(option.valueName!)>'", help: spec.name)
        }
        return value
    }

    /// Parses a value with `make`, reporting an invalid one as a usage error of the command.
    func parse<T>(_ text: String, _ make: (String) throws(InvalidValue) -> T) throws(CommandLineError) -> T {
        do { return try make(text) } catch { throw .invalid(error, help: spec.name) }
    }

    /// The stay given by `--from` and `--to`, both required.
    func stay() throws(CommandLineError) -> Stay {
        let arrival = try parse(required("--from"), Day.init(_:))
        let departure = try parse(required("--to"), Day.init(_:))
        do { return try Stay(arrival: arrival, departure: departure) } catch { throw .invalid(error, help: spec.name) }
    }
}

extension Booking {
    /// The booking as a JSON object, with the field names of the log's events.
    var json: JSONValue {
        .object([
            "bookingId": .string(id.rawValue), "client": .string(client.rawValue), "room": .string(room.rawValue),
            "arrival": .string(stay.arrival.description), "departure": .string(stay.departure.description),
            "status": .string(status.rawValue),
        ])
    }

    /// The booking as one tab-separated line: id, client, room, arrival, departure, status.
    var line: String {
        [id.rawValue, client.rawValue, room.rawValue, stay.arrival.description, stay.departure.description, status.rawValue]
            .joined(separator: "\t")
    }
}
