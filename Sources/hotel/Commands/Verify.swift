import BookingCore

extension Subcommand {
    /// `hotel verify`
    static let verify = Subcommand(
        spec: CommandSpec(
            name: "verify", abstract: "Check the whole store and report every problem, one a line.",
            discussion: "Checks each line (JSON, envelope, positions 1, 2, 3, ..., the hash chain: each line's previousHash is the SHA-256 chain of the lines before it), each event's type, data and tags, and the rules on replay (rooms added once, bookings of registered rooms that overlap no active booking, cancellations of active bookings). A sound store prints one summary line, ending with the head hash (the chain's value after the last line: two copies of a store are the same if it is), and exits 0; otherwise each problem is printed as FILE:LINE: byte OFFSET: MESSAGE and the status is 65. An unterminated last line (left by a crash) is a warning on stderr, not a problem. It also checks the guests' side file (<store>.guests): its checksum, and that it holds no values the log does not know or of a forgotten guest (a killed 'guests set' or 'guests forget' leaves them, never shown, until the next command that writes), no temporary copy a killed write left, and no value 'hotel guests set' would refuse; each is a line starting with the file's name. Profiles the log records whose values the side file does not hold (a log copied without it: 'hotel guests import' restores them) are warnings on stderr, as is a side file others may read (a mode other than 0600). Never modifies the store. With --json: {\"sound\":...,\"problems\":[...],...}."),
        options: Flag.json,
        run: { (_, context, json) throws(CommandLineError) in
            try context.requireStore()
            let report: VerificationReport
            do throws(EventStoreError) { report = try context.store.verify() } catch { throw CommandLineError(.store(error)) }
            let path = context.store.name
            // The side file is judged against a sound log only.
            let (guests, guestWarnings) = report.isSound ? try context.query { (desk) throws(HotelError) in try desk.guestFileProblems() } : ([], [])
            let sound = report.isSound && guests.isEmpty
            if json {
                func findings(_ list: [VerificationReport.Finding]) -> JSONValue {
                    .array(list.map { .object(["line": .integer($0.line), "offset": .integer($0.offset), "message": .string($0.message)]) })
                }
                context.json(.object([
                    "sound": .bool(sound), "guestProblems": .array(guests.map(JSONValue.string)), "guestWarnings": .array(guestWarnings.map(JSONValue.string)), "events": .integer(report.events), "rooms": .integer(report.rooms),
                    "bookings": .integer(report.bookings), "cancelled": .integer(report.cancelled),
                    "lastPosition": .integer(report.lastPosition.rawValue), "headHash": .string(report.headHash.hex), "problems": findings(report.problems),
                    "warnings": findings(report.warnings),
                ]))
            } else {
                for problem in report.problems { context.line("\(path):\(problem.line): byte \(problem.offset): \(problem.message)") }
                for problem in guests { context.line(problem) }
                if sound {
                    context.line("ok: \(report.events) events, \(report.rooms) rooms, \(report.bookings) bookings (\(report.cancelled) cancelled), last position \(report.lastPosition), head \(report.headHash.hex)")
                }
            }
            for warning in report.warnings {
                context.warning("\(path):\(warning.line): byte \(warning.offset): \(warning.message)")
            }
            for warning in guestWarnings { context.warning(warning) }
            if !sound {
                let count = report.problems.count + guests.count
                throw CommandLineError(message: "\(path) is not sound: \(count) problem\(count == 1 ? "" : "s")", status: .dataError)
            }
        })
}
