import BookingCore

extension Subcommand {
    /// `hotel batch [--atomic]`
    static let batch = Subcommand(
        spec: CommandSpec(
            name: "batch", abstract: "Run commands read from stdin, one a line, with one lock and one sync.",
            discussion: "Each line is a write command (\(BatchLine.commandList)) in the same words as on the command line (quote words with ' or \"; blank lines and lines starting with # are skipped). Every line is read first: one that is not such a command, or has an unknown option or an invalid value, is a usage error naming its line (exit 64), and nothing runs. Only its 'rooms add' lines create a store: on a missing one, a batch without them exits 66 and creates nothing. For each command, one line is printed: what the command prints (room names separated by tabs for 'rooms add', 'clean', 'inspect' and 'dirty'), or 'error: ' and the reason. Each command sees what the earlier ones did. Everything is written at the end and synced with one fsync, and nothing is printed before that: if any write or the sync fails, the log is cut back to what it was, nothing is recorded, nothing is printed on stdout, and the exit status says why. Exit status 0 if every command succeeded, 1 if any was refused. With --atomic, the batch is all or nothing: at the first refusal nothing is recorded, nothing is printed on stdout, and the error names the line (exit 1)."),
        options: Flag("--atomic", "Record every command or none: at the first refusal, nothing is recorded and the refusal names its line."),
        run: { (_, context, atomic) throws(CommandLineError) in
            // Bring the read-model cache up to date first (a refresh holds the whole hotel in memory for a
            // moment), so that the refresh and the input are never both held; a failure shows again below.
            _ = try? context.frontDesk.model()
            let input = try readStandardInput()
            let lines = BatchLine.commandLines(in: input)
            try BatchLine.checkUTF8(lines, in: input)
            // Every line read into what it does before anything runs: one that cannot run refuses the batch.
            let today = context.today
            var prepared: [(number: Int, run: Prepared)] = []
            prepared.reserveCapacity(lines.count)
            var counted = (offset: 0, number: 1)
            var clientLike: (line: Int, client: String, more: Int)?
            for range in lines {
                counted = BatchLine.number(of: range, in: input, countedTo: counted)
                do throws(CommandLineError) {
                    let words = try BatchLine.words(of: String(decoding: input[range], as: UTF8.self))
                    if let client = HotelCommandLine.clientLike(in: words) {
                        if clientLike == nil { clientLike = (counted.number, client, 0) } else { clientLike!.more += 1 }
                    }
                    prepared.append((counted.number, try BatchLine.prepare(words, today: today)))
                } catch {
                    throw CommandLineError(message: "line \(counted.number) of the batch: \(error.message)", status: error.status)
                }
            }
            // Once a batch, not once a line.
            if let (line, client, more) = clientLike {
                context.warning("line \(line) of the batch\(more == 0 ? "" : " (and \(more) more line\(more == 1 ? "" : "s"))"): " + HotelCommandLine.notPseudonymous(client))
            }
            // Only its 'rooms add' lines can create the store: without one, a missing store is refused here,
            // before anything (a lock, a database's tables) is made.
            if !lines.contains(where: { BatchLine.createsStore(String(decoding: input[$0], as: UTF8.self)) }) { try context.requireStore() }
            let guests = lines.contains { BatchLine.writesGuests(String(decoding: input[$0], as: UTF8.self)) }
            var refused = 0
            let outcome: Result<String, BatchLine.Refusal>
            do throws(HotelError) {
                let run = { (desk: any CommandRunner) -> Result<String, BatchLine.Refusal> in
                    var meter = ProgressMeter("running the batch", total: lines.count, unit: .commands, display: context.progress)
                    defer { meter.finish() }
                    var results = ""
                    for (done, line) in prepared.enumerated() {
                        meter.advance(to: done)
                        let child = Context(batchLineOf: context, desk: desk)
                        do throws(CommandLineError) {
                            try line.run(child)
                            results += child.output.split(separator: "\n").joined(separator: "\t")
                        } catch {
                            if atomic { return .failure(BatchLine.Refusal(line: line.number, error: error)) }
                            refused += 1
                            results += "error: " + error.message
                        }
                        results += "\n"
                    }
                    return .success(results)
                }
                outcome = try atomic ? context.frontDesk.atomicBatch(expectedCommands: lines.count, guests: guests, run)
                    : context.frontDesk.batch(expectedCommands: lines.count, guests: guests, run)
            } catch {
                throw CommandLineError(error)
            }
            switch outcome {
            case .success(let results):
                // Only now, with the batch synced, is anything acknowledged.
                context.append(results)
            case .failure(let refusal):
                throw CommandLineError(message: "line \(refusal.line) of the batch: \(refusal.error.message); nothing was recorded", status: refusal.error.status)
            }
            if refused > 0 {
                throw CommandLineError(message: "\(refused) of \(lines.count) commands were refused", status: .rejected)
            }
        })
}

/// One line of a batch: its words, and running them as a subcommand.
enum BatchLine {
    /// The byte ranges of the command lines in `input`: without their line ends (LF or CRLF), skipping
    /// blank lines and lines whose first word starts with #.
    static func commandLines(in input: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        while start < input.count {
            var end = input[start...].firstIndex(of: UInt8(ascii: "\n")) ?? input.count
            let next = end + 1
            if end > start, input[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            let first = input[start..<end].firstIndex { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            if let first, input[first] != UInt8(ascii: "#") { lines.append(start..<end) }
            start = next
        }
        return lines
    }

    /// Refuses the whole batch, before anything runs, if a command line is not valid UTF-8 (naming its
    /// line number), rather than repair it with replacement characters.
    static func checkUTF8(_ lines: [Range<Int>], in input: [UInt8]) throws(CommandLineError) {
        for range in lines where input[range].withUnsafeBufferPointer({ String(validUTF8: $0) }) == nil {
            let number = self.number(of: range, in: input).number
            throw .usage("line \(number) of the batch is not valid UTF-8: '\(RawText.shown(input[range]))'", help: "batch")
        }
    }

    /// The number (from 1) of the input line that starts at `range`'s start, counting on from a line start
    /// already counted (so that numbering every line of a batch reads the input once).
    static func number(of range: Range<Int>, in input: [UInt8], countedTo counted: (offset: Int, number: Int) = (0, 1)) -> (offset: Int, number: Int) {
        (range.lowerBound, input[counted.offset..<range.lowerBound].reduce(counted.number) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 })
    }

    /// A line's refusal in an all-or-nothing batch: its number and why.
    struct Refusal: Error {
        let line: Int
        let error: CommandLineError
    }

    /// Splits a line into words: white space separates them; '...' and "..." quote (in "...", \" and \\
    /// escape); a backslash outside quotes escapes the next character.
    static func words(of line: String) throws(CommandLineError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if let open = quote {
                if character == open {
                    quote = nil
                } else if character == "\\" && open == "\"" {
                    escaped = true
                } else {
                    current.append(character)
                }
            } else if character == " " || character == "\t" {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                inWord = true
                switch character {
                case "'", "\"": quote = character
                case "\\": escaped = true
                default: current.append(character)
                }
            }
        }
        if quote != nil || escaped { throw .usage("unterminated quote or escape in a batch line", help: "batch") }
        if inWord { words.append(current) }
        return words
    }

    /// Whether the line names a command that creates the store (`rooms add`), whatever its other words.
    static func createsStore(_ line: String) -> Bool { spec(of: line).map { $0.runsInBatch && $0.createsStore } ?? false }

    /// Whether the line names a command that writes personal data (`guests set`, `guests forget`).
    static func writesGuests(_ line: String) -> Bool { spec(of: line).map { $0.runsInBatch && $0.writesGuests } ?? false }

    /// The spec of the command the line names, if it names one.
    private static func spec(of line: String) -> CommandSpec? {
        guard let words = try? words(of: line) else { return nil }
        var rest = words[...]
        return (try? CommandNode.find(&rest, in: HotelCommandLine.commands))?.spec
    }

    /// The commands a batch runs, quoted, as its help lists them: 'rooms add', 'book', ... or 'unblock'.
    /// (From the specs of every other command: the batch's own spec is being made.)
    static var commandList: String {
        let names = HotelCommandLine.commands.filter { $0.word != "batch" }.flatMap(\.commands).filter(\.spec.runsInBatch).map { "'\($0.spec.name)'" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }

    /// The commands a batch line may name: those whose spec says they run in a batch.
    static var commands: [Subcommand] { HotelCommandLine.subcommands.filter(\.spec.runsInBatch) }

    /// Reads the words of one line as one of ``commands``, named as on the command line, into what it does
    /// (``Subcommand/prepare``): nothing runs yet. Friendly days (`today`, `+3`) count from `today`, the
    /// desk's day, as on the command line.
    /// - Throws: a usage error if the words are not such a command, with valid options and values.
    static func prepare(_ words: [String], today: Day) throws(CommandLineError) -> Subcommand.Prepared {
        var rest = words[...]
        guard let subcommand = try? CommandNode.find(&rest, in: HotelCommandLine.commands), subcommand.spec.runsInBatch else {
            let names = commands.map(\.spec.name).joined(separator: ", ")
            throw .usage("'\(InvalidValue.shown(words.joined(separator: " ")))' is not a command a batch runs (\(names))", help: "batch")
        }
        let store = OptionSpec.store.name, json = Flag.json.spec.name, help = OptionSpec.help.name
        if rest.contains(where: { $0 == store || $0.hasPrefix(store + "=") || $0 == json || $0 == help || $0 == "-h" }) {
            throw .usage("--store, --json and --help are not taken in a batch line", help: "batch")
        }
        var parsed = try ArgumentParser.parse(rest, for: subcommand.spec)
        parsed.today = today
        // A write command declared without a `prepare` still runs; its values are then read as it runs.
        guard let prepare = subcommand.prepare else { return { (context: Context) throws(CommandLineError) in try subcommand.run(parsed, context) } }
        return try prepare(parsed)
    }
}
