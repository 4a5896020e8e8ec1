/// `hotel.1`, the man page, made from the same command specs as `--help` (so the two cannot drift).
enum ManPage {
    /// The whole page in man(7) roff.
    static func render(commands: [Subcommand]) -> String {
        var page = """
            .TH HOTEL 1 "" "hotel \(Help.version)" "User Commands"
            .\\" Made by 'hotel manpage' from the same descriptions as --help: do not edit.
            .ad l
            .nh
            .SH NAME
            hotel \\- \(escape(lowercasingFirst(Help.summary)))
            .SH SYNOPSIS
            .B hotel
            [\\fB\\-\\-store\\fR \\fIpath|url\\fR]
            .I subcommand
            [\\fIoptions\\fR]
            .SH DESCRIPTION
            \(escape("hotel books rooms, holds and blocks them, records arrivals and departures and answers what is free, from the shell. Every change is an event appended to a log, a JSON-lines file by default or a PostgreSQL database, and every answer is read from that log. Commands print at most an id; queries print one result a line, or one JSON document with --json, for pipelines. On a terminal, the listings (bookings, the day lists, blocks, availability, occupancy) print aligned columns under a header line; piped, or with --tsv, they print tab-separated lines. Booking and block ids are taken in any case."))
            .SH OPTIONS

            """
        for option in Help.globalOptions { page += item(option) }
        page += ".SH COMMANDS\n"
        for command in commands where !command.spec.name.hasPrefix("__") { page += section(command.spec) }
        page += """
            .SH EXAMPLES
            Register rooms, book one, and see what is free:
            .PP
            .RS
            .nf
            hotel rooms add Blue Green Red \\-\\-type double
            hotel book \\-\\-client 42 \\-\\-room Blue \\-\\-from today \\-\\-nights 2
            hotel free \\-\\-from today \\-\\-nights 2
            .fi
            .RE
            .PP
            Book the first free room (a pipeline):
            .PP
            .RS
            .nf
            hotel free \\-\\-from 2024\\-05\\-01 \\-\\-to 2024\\-05\\-03 | head \\-1 |
              xargs \\-I{} hotel book \\-\\-client 7 \\-\\-room {} \\-\\-from 2024\\-05\\-01 \\-\\-to 2024\\-05\\-03
            .fi
            .RE
            .PP
            The house at a glance, and last month's occupancy by type as CSV:
            .PP
            .RS
            .nf
            hotel calendar
            hotel occupancy \\-\\-from \\-30 \\-\\-nights 30 \\-\\-by type \\-\\-csv
            .fi
            .RE
            .PP
            Run tonight's changes all or nothing, and see what was recorded since noon:
            .PP
            .RS
            .nf
            hotel batch \\-\\-atomic < tonight.txt
            hotel log \\-\\-since 2024\\-05\\-01T12:00:00Z
            .fi
            .RE
            .PP
            Back up the log, and move it into PostgreSQL:
            .PP
            .RS
            .nf
            hotel log > backup.jsonl
            hotel log | hotel \\-\\-store postgresql://hotel@db/hotel import \\-
            .fi
            .RE
            .SH FILES
            .TP
            .I ./events.jsonl
            The default store: one event per line.
            .TP
            .IR store .lock
            The writers' lock; never delete it while hotel runs.
            .TP
            .IR store .cache
            The read-model snapshot; delete it at any time.
            .TP
            .IR store .torn
            The bytes of unfinished appends a later writer removed.
            .TP
            .I ~/.cache/hotel/
            A PostgreSQL store's local read-model cache.
            .SH ENVIRONMENT

            """
        for (name, meaning) in Help.environment { page += ".TP\n.B \(name)\n\(escape(meaning))\n" }
        page += ".SH EXIT STATUS\n"
        for (code, meaning) in Help.exitStatuses { page += ".TP\n.B \(code)\n\(escape(meaning))\n" }
        page += ".SH SEE ALSO\n\\fBjq\\fR(1), \\fBpsql\\fR(1)\n"
        return page
    }

    /// A subcommand: its usage line, what it does, its arguments and options.
    private static func section(_ spec: CommandSpec) -> String {
        var usage = "\\fBhotel \(escape(spec.name))\\fR"
        for option in spec.options where option.name != "--help" && option.name != "--store" {
            let word = option.takesValue ? "\\fB\(escape(option.name))\\fR \\fI\(escape(option.valueName!))\\fR" : "\\fB\(escape(option.name))\\fR"
            usage += option.isRequired ? " " + word : " [" + word + "]" + (option.isRepeatable ? " ..." : "")
        }
        for argument in spec.arguments { usage += " \\fI\(escape(argument.name))\\fR" + (spec.positionalCount.upperBound > 1 ? " ..." : "") }
        var text = ".SS \(escape(spec.name))\n\(usage)\n.PP\n\(escape(spec.abstract))\n"
        if let discussion = spec.discussion { text += ".PP\n\(escape(discussion))\n" }
        if !spec.arguments.isEmpty || spec.options.count > 2 {
            text += ".RS\n"
            for argument in spec.arguments { text += ".TP\n.I \(escape(argument.name))\n\(escape(argument.help))\n" }
            for option in spec.options where option.name != "--help" && option.name != "--store" { text += item(option) }
            text += ".RE\n"
        }
        return text
    }

    private static func item(_ option: OptionSpec) -> String {
        let name = option.name == "--help" ? "\\fB\\-h\\fR, \\fB\\-\\-help\\fR" : "\\fB\(escape(option.name))\\fR"
        return ".TP\n" + name + (option.takesValue ? " \\fI\(escape(option.valueName!))\\fR" : "") + "\n" + escape(option.help) + "\n"
    }

    /// Text made safe for roff: backslashes escaped, hyphens as minus signs, no line starting with a control
    /// character.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\e"
            case "-": out += "\\-"
            // A place a long word (a JSON shape, a URL) may break.
            case ",", "/": out += String(character) + "\\:"
            default: out.append(character)
            }
        }
        if out.hasPrefix(".") || out.hasPrefix("'") { out = "\\&" + out }
        return out
    }

    private static func lowercasingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        let sentence = text.hasSuffix(".") ? String(text.dropLast()) : text
        return first.lowercased() + sentence.dropFirst()
    }
}

extension Subcommand {
    /// `hotel manpage`
    static let manpage = Subcommand(
        spec: CommandSpec(
            name: "manpage", abstract: "Print the man page, hotel.1, in roff (man hotel after 'scripts/install').",
            discussion: "Made from the same descriptions as --help. To read it without installing: hotel manpage | man -l -"),
        run: { (_, context) throws(CommandLineError) in
            context.append(ManPage.render(commands: HotelCommandLine.subcommands))
        })
}
