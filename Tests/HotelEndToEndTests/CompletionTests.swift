import Foundation
import HotelTestSupport
import Testing

/// `hotel completions`: the bash script run through bash's own completion machinery (source it, set
/// COMP_WORDS and COMP_CWORD, call the function, read COMPREPLY), on the sample store.
struct CompletionTests {
    let sandbox = Sandbox()

    init() throws {
        try sandbox.copySample()
        let script = try sandbox.hotel.run(["completions", "bash"])
        #expect(script.status == 0)
        try script.stdout.write(toFile: sandbox.path + "/hotel.bash", atomically: true, encoding: .utf8)
    }

    /// What bash offers for the words of a command line, the last one being completed.
    func complete(_ words: [String]) throws -> [String] {
        let quoted = words.map { "'" + $0 + "'" }.joined(separator: " ")
        let script = """
            hotel() { '\(HotelProcess.binary.path)' "$@"; }
            source '\(sandbox.path)/hotel.bash'
            COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1); COMPREPLY=()
            _hotel
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-05-08T16:00:00Z"
        hotel.environment["TZ"] = "UTC"
        let run = try hotel.start(shell: "bash <<'EOF'\n\(script)\nEOF\n").wait()
        #expect(run.stderr == "", "\(run)")
        return run.stdout.split(separator: "\n").map(String.init)
    }

    @Test func subcommandsOptionsAndValuesFromTheStore() throws {
        #expect(try complete(["hotel", "bo"]) == ["book", "bookings"])
        #expect(try complete(["hotel", "ca"]) == ["calendar", "cancel"])
        #expect(try complete(["hotel", "--"]) == ["--store", "--version", "--help"])
        #expect(try complete(["hotel", "book", "--cl"]) == ["--client"])
        #expect(try complete(["hotel", "book", "--n"]) == ["--nights"])
        #expect(try complete(["hotel", "book", "--room", ""]) == (try sandbox.hotel.run(["rooms"]).lines))
        #expect(try complete(["hotel", "book", "--room", "2"]) == ["201", "202", "203", "204"])
        #expect(try complete(["hotel", "clean", "2"]) == ["201", "202", "203", "204"])
        #expect(try complete(["hotel", "housekeeping", "--status", ""]) == ["clean", "dirty", "inspected"])
        #expect(try complete(["hotel", "bookings", "--status", "c"]) == ["checked-in", "checked-out", "cancelled"])
        #expect(try complete(["hotel", "free", "--type", ""]) == ["double", "standard", "suite", "twin"])
        #expect(try complete(["hotel", "rooms", "a"]) == ["add"])
        #expect(try complete(["hotel", "rooms", "add", "--t"]) == ["--type"])
        #expect(try complete(["hotel", "book", "--from", "to"]) == ["today", "tomorrow"])
        #expect(try complete(["hotel", "bookings", "--status", "ch"]) == ["checked-in", "checked-out"])
        #expect(try complete(["hotel", "completions", ""]) == ["bash", "zsh", "fish"])
        #expect(try complete(["hotel", "book", "--client", ""]) == [])
        // Booking ids after cancel, checkin, ...: the next 30 days' stays, held, active and checked-in ones first.
        var hotel = sandbox.hotel
        hotel.environment["HOTEL_NOW"] = "2024-05-08T16:00:00Z"
        let upcoming = try hotel.run(["bookings", "--from", "2024-05-08", "--to", "2024-06-07"]).lines.map { $0.split(separator: "\t").map(String.init) }
        let acting = upcoming.filter { ["held", "active", "checked-in"].contains($0[5]) }.map { $0[0] }
        let others = upcoming.filter { !["held", "active", "checked-in"].contains($0[5]) }.map { $0[0] }
        #expect(!acting.isEmpty && !others.isEmpty)
        #expect(try complete(["hotel", "cancel", ""]) == acting + others)
        #expect(try complete(["hotel", "checkin", String(acting[0].prefix(4))]) == (acting + others).filter { $0.hasPrefix(acting[0].prefix(4)) })
        #expect(try complete(["hotel", "unblock", ""]) == (try hotel.run(["blocks", "--from", "2024-05-08", "--to", "2024-06-07"]).lines.map { String($0.prefix(10)) }))
        // --store on the line is the store completed from; a missing one completes nothing, quietly.
        #expect(try complete(["hotel", "--store", "nowhere.jsonl", "book", "--room", ""]) == [])
    }

    @Test func theListingsBatchAndLogOptionsComplete() throws {
        #expect(try complete(["hotel", "bookings", "--ts"]) == ["--tsv"])
        #expect(try complete(["hotel", "occupancy", "--"]).contains("--tsv"))
        #expect(try complete(["hotel", "batch", "--a"]) == ["--atomic"])
        #expect(try complete(["hotel", "log", "--si"]) == ["--since"])
        // --since takes a time: nothing is offered, and the word after it is not taken for a subcommand.
        #expect(try complete(["hotel", "log", "--since", ""]) == [])
        let fish = try sandbox.hotel.run(["completions", "fish"]).stdout
        #expect(fish.contains("complete -c hotel -n '__fish_seen_subcommand_from log' -l since -r -d 'Only events recorded at or after this time"))
        #expect(fish.contains("complete -c hotel -n '__fish_seen_subcommand_from batch' -l atomic -d 'Record every command or none"))
    }

    @Test func zshAndFishScriptsAreMadeFromTheSameSpecs() throws {
        let zsh = try sandbox.hotel.run(["completions", "zsh"]).stdout
        #expect(zsh.hasPrefix("#compdef hotel\n"))
        #expect(zsh.contains("complete -o nosort -F _hotel hotel"))
        let fish = try sandbox.hotel.run(["completions", "fish"]).stdout
        #expect(fish.contains("complete -c hotel -n __fish_use_subcommand -a calendar -d 'Show the tape chart"))
        #expect(fish.contains("complete -c hotel -n '__fish_seen_subcommand_from book' -l room -r -a '(__hotel_values rooms)'"))
        #expect(fish.contains("complete -c hotel -n '__fish_seen_subcommand_from cancel' -a '(__hotel_values ids)'"))
        #expect(try sandbox.hotel.run(["completions", "tcsh"]) == .init(stdout: "", stderr: "hotel: error: unknown shell 'tcsh': expected bash, zsh or fish; see 'hotel completions --help'\n", status: 64))
        // Syntax: bash parses all of the bash script.
        let parsed = try sandbox.hotel.start(shell: "bash -n '\(sandbox.path)/hotel.bash' && echo ok").wait()
        #expect(parsed.stdout == "ok\n", "\(parsed)")
    }
}
