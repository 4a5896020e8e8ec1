#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BookingCore

/// What a command runs against: the store, the front desk over it, and the text to print on stdout.
final class Context {
    /// The store: a JSON-lines file or a PostgreSQL database.
    let store: any HotelStore
    /// The front desk at the store's head.
    let frontDesk: FrontDesk
    /// With `--as-of`, the desk that answers as of that point, made at the first query.
    private var pastDesk: FrontDesk?
    /// The `--as-of` point the queries answer at, if given.
    private let asOf: HistoryPoint?
    /// Where `--as-of` fell in the log, once ``requireStore()`` has found it.
    private(set) var past: PastPoint?
    /// What commands run on: the front desk, or a batch's desk.
    let commands: any CommandRunner
    /// stdout not yet written: all of it for a batch line (whose output is captured), else at most 64 KiB,
    /// the rest having been written as it came.
    private(set) var output = ""
    /// Whether output goes to stdout as it grows (false for a batch line's, which is captured).
    private let streams: Bool
    /// Lines for stderr (warnings, notes), written before any error line.
    private(set) var warnings = ""
    /// The exit status of a command that succeeded but has something to report (`hotel audit` listing
    /// what is left to settle exits 1, with nothing on stderr).
    var exitStatus = ExitStatus.success
    /// Whether stdout is a terminal, where a person reads it (listings print tables): false for a batch line's
    /// output, which is captured.
    let stdoutIsTerminal: Bool
    /// Whether stderr is a terminal (notes for a person, such as the room a command chose, go there).
    let stderrIsTerminal: Bool

    /// The process environment (for the terminal: COLUMNS, TERM, NO_COLOR).
    let environment: Environment

    /// Where the progress of long work is shown (stderr, when it is a terminal), if anywhere.
    let progress: (any ProgressDisplay)?

    init(store: any HotelStore, clock: WallClock, asOf: HistoryPoint? = nil, environment: Environment = Environment([:]), progress: (any ProgressDisplay)? = nil) {
        self.asOf = asOf
        self.environment = environment
        self.progress = progress
        self.store = store
        self.frontDesk = FrontDesk(store: store, clock: clock)
        self.commands = frontDesk
        self.streams = true
        self.stdoutIsTerminal = isatty(STDOUT_FILENO) == 1
        self.stderrIsTerminal = isatty(STDERR_FILENO) == 1
    }

    /// A context for one line of a batch: the same store, commands run on `desk`, its own output.
    init(batchLineOf parent: Context, desk: any CommandRunner) {
        store = parent.store
        frontDesk = parent.frontDesk
        asOf = nil
        environment = parent.environment
        progress = nil
        commands = desk
        streams = false
        stdoutIsTerminal = false
        stderrIsTerminal = false
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

    /// Adds a line to stderr as it is (a problem listed before the error line).
    func warning(raw text: String) { warnings += text + "\n" }

    /// Adds a `hotel: ...` line to stderr for a person, only when stderr is a terminal: scripts and pipes
    /// never see it.
    func note(_ text: String) {
        if stderrIsTerminal { warnings += "hotel: \(text)\n" }
    }

    /// Prints `rows` as a listing: under `columns` as an aligned table when stdout is a terminal and `tsv` is
    /// false, else as tab-separated lines (see ``Table``). The one call a listing makes.
    func table(_ columns: [Table.Column], tsv: Bool, rows: some Sequence<[String]>) {
        var printer = tablePrinter(columns, tsv: tsv)
        for row in rows { printer.add(row) }
        printer.finish()
    }

    /// A printer for a listing whose rows come one at a time, as ``table(_:tsv:rows:)`` prints them: tab-separated
    /// lines are never held, and a table holds only the rows it measures (``Table/measuredRows``). Call
    /// ``Table/Printer/finish()`` after the last row.
    func tablePrinter(_ columns: [Table.Column], tsv: Bool) -> Table.Printer {
        Table.Printer(columns: columns, aligned: stdoutIsTerminal && !tsv) { [unowned self] line in append(line) }
    }

    /// Adds a JSON document to stdout, on one line.
    func json(_ value: JSONValue) { line(JSONWriter.string(value)) }

    /// Fails with exit 66 unless the store exists: queries never create one. With `--as-of`, finds the point
    /// in the log (exit 1 if it is not there), which queries then answer as of.
    func requireStore() throws(CommandLineError) {
        // In a batch, the store exists once an earlier line of the batch recorded something.
        if !streams, let state = try? commands.state(query: .all), state.head > .origin { return }
        do throws(EventStoreError) { try store.requireStore() } catch { throw CommandLineError(.store(error)) }
        guard let asOf, past == nil else { return }
        do { past = try frontDesk.locate(asOf) } catch { throw CommandLineError(error) }
    }

    /// The clock's reading (with `--as-of`, the point's time, once ``requireStore()`` has found it).
    var now: Instant { past?.now ?? frontDesk.now }

    /// The desk's day: the wall clock's local date (with `--as-of`, the point's).
    var today: Day { past?.now.localDay ?? frontDesk.today }

    /// Prints a booking or a block as its id, or with `--json` as an object.
    func print(_ record: some Printed, json: Bool) {
        if json { self.json(record.json(at: now)) } else { line(record.id.rawValue) }
    }

    /// Runs a command, turning its error into the command line's.
    func run<T>(_ body: (any CommandRunner) throws(HotelError) -> T) throws(CommandLineError) -> T {
        do {
            // On the front desk, a command overtaken by a later event is decided again (FrontDesk.command).
            if commands is FrontDesk { return try frontDesk.command(body) }
            return try body(commands)
        } catch { throw CommandLineError(error) }
    }

    /// Runs a query on the ``FrontDesk``, turning its error into the command line's.
    func query<T>(_ body: (FrontDesk) throws(HotelError) -> T) throws(CommandLineError) -> T {
        do {
            guard let past else { return try body(frontDesk) }
            if pastDesk == nil { pastDesk = try frontDesk.asOf(past) }
            return try body(pastDesk!)
        } catch {
            throw CommandLineError(error)
        }
    }
}
